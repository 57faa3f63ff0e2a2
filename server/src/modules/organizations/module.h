#pragma once
// The organizations module: the organization forest, coverage units and the maintained
// counters every module's statistics roll up with (counters.h). See README.md.

#include "kit/module.h"

namespace tianshan {

// Its routes set AppContext::organizations to a directory that lives as long as the process.
ModuleDefinition OrganizationsModule();

}  // namespace tianshan
