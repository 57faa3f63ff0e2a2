#pragma once
// The people module: people (league members and youth), memberships, cadre positions,
// membership transfers and corrections. See README.md.

#include "kit/module.h"

namespace tianshan {

// Needs the organizations module registered before it (AppContext::organizations, counters).
ModuleDefinition PeopleModule();

}  // namespace tianshan
