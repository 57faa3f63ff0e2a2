#pragma once
// The volunteering module: teams, projects, shifts, sign-up without oversell, QR check-in,
// the hours ledger, certificates and rankings. See README.md.

#include "kit/module.h"

namespace tianshan {

ModuleDefinition VolunteeringModule();

}  // namespace tianshan
