#pragma once
// The cadres module: cadres among youth — "1+100" direct contact with young people who agreed
// to it, "8+4" postings to grass-roots organizations, "4+1" service to the units a cadre
// reports to (README.md: routes, permissions, counters, jobs).

#include "kit/module.h"

namespace tianshan::cadres {

ModuleDefinition CadresModule();

}  // namespace tianshan::cadres
