#pragma once
// The venues module: youth spaces, youth homes, service stations and centres, their rooms and
// room bookings (DOMAIN.md §7). Routes, permissions and events: README.md.

#include "kit/module.h"

namespace tianshan::venues {

ModuleDefinition VenuesModule();

}  // namespace tianshan::venues
