#pragma once
// The one place that lists all modules, in dependency order (migrations and demo data run in
// this order).

#include <vector>

#include "kit/module.h"

namespace tianshan {

std::vector<ModuleDefinition> AllModules();

}  // namespace tianshan
