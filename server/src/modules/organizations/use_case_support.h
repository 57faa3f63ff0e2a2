#pragma once
// Steps shared by the organizations use cases.

#include <cstdint>
#include <optional>
#include <string>

#include "audit/audit_log.h"
#include "auth/actor.h"
#include "auth/caller.h"
#include "core/result.h"
#include "modules/organizations/organization_repository.h"
#include "modules/organizations/public/lookup.h"
#include "modules/organizations/public/organization.h"
#include "storage/database.h"

namespace tianshan::organizations {

using auth::Caller;

// The organization `id` when `actor` may read it; NotFound ("organization.not_found") when it
// does not exist or lies outside every grant of the actor, so unseen ids reveal nothing.
Result<Organization> LoadReadable(storage::Transaction& tx, const auth::Actor& actor, int64_t id, RowLock lock);

// A parent (or new parent) named in a request body: unknown and unreadable ids are both a 422
// on `field` ("organization.parent_unknown").
Result<Organization> LoadReadableParent(storage::Transaction& tx, const auth::Actor& actor, int64_t id,
                                        const char* field, RowLock lock);

// "kind.branch" for kind "branch".
std::string KindCounterKey(std::string_view kind);

// Bounds for list limits.
inline constexpr int kDefaultLimit = 50;
inline constexpr int kMaxLimit = 200;

}  // namespace tianshan::organizations
