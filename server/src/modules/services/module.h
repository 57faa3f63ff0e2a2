#pragma once
// The services module: the catalog of what organizations offer young people, applications
// tracked to their end and enrollment in sessions with places (DOMAIN.md §6). Routes,
// permissions, jobs and notifications: README.md.

#include "kit/module.h"

namespace tianshan::services {

ModuleDefinition ServicesModule();

}  // namespace tianshan::services
