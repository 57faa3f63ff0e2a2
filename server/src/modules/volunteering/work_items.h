#pragma once
// The volunteering module's to-dos on the workbench (kit/work_item.h): hours to confirm for
// organization managers and team leaders (area "volunteering.lead", which also opens the
// leaders' menu entries), and the caller's own coming shifts (area "volunteering.volunteer").

#include <vector>

#include "kit/work_item.h"

namespace tianshan::volunteering {

std::vector<WorkItemDefinition> WorkItems();

}  // namespace tianshan::volunteering
