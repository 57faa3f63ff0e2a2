#pragma once
// The cadres module's to-dos on the workbench (kit/work_item.h). Its item is the caller's own
// cadre work, so its area "cadres.work" is what the web lists the cadre's menu entries
// (联系青年, 我的下沉) by: an administrator without an open cadre position is not offered pages
// that would answer "cadres.not_a_cadre".

#include <vector>

#include "kit/work_item.h"

namespace tianshan::cadres {

std::vector<WorkItemDefinition> WorkItems();

}  // namespace tianshan::cadres
