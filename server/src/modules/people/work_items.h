#pragma once
// The people module's to-dos on the workbench (kit/work_item.h): transfers waiting for the
// caller's side (into or out of the subtrees they handle) and corrections they may decide.

#include <vector>

#include "kit/work_item.h"

namespace tianshan::people {

std::vector<WorkItemDefinition> WorkItems();

}  // namespace tianshan::people
