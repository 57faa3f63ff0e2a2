#pragma once
// The __MODULE__ module: __ENTITIES_WORDS__ of an organization (see README.md). Routes:
//   GET  /api/v1/organizations/{id}/__MODULE__?limit=&cursor=&q=
//   POST /api/v1/organizations/{id}/__MODULE__
//   GET  /api/v1/__MODULE__/{id}

#include "kit/module.h"

namespace tianshan::__MODULE__ {

ModuleDefinition __Module__Module();

}  // namespace tianshan::__MODULE__
