#pragma once
// Public contract of the organizations module: reading an organization as a caller may see it,
// inside another module's transaction.

#include <cstdint>

#include "auth/actor.h"
#include "core/result.h"
#include "modules/organizations/public/organization.h"
#include "storage/database.h"

namespace tianshan::organizations {

// The organization `id` when `actor` may read it; NotFound ("organization.not_found") when it
// does not exist or lies outside every grant of the actor, so unseen ids reveal nothing.
Result<Organization> LoadReadable(storage::Transaction& tx, const auth::Actor& actor, int64_t id);

// May `actor` read the organization at `path` (any role whose grant covers it)?
bool CanRead(const auth::Actor& actor, std::string_view path);

}  // namespace tianshan::organizations
