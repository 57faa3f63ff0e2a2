#pragma once
// Steps shared by the organizations use cases.

#include <cstdint>
#include <optional>
#include <string>

#include "audit/audit_log.h"
#include "auth/actor.h"
#include "core/result.h"
#include "modules/organizations/organization.h"
#include "modules/organizations/organization_repository.h"
#include "storage/database.h"

namespace tianshan::organizations {

// Who asks, for permission checks and the audit log. `actor` outlives the call.
struct Caller {
  const auth::Actor& actor;
  std::string request_id;
};

// The organization `id` when `actor` may read it; NotFound ("organization.not_found") when it
// does not exist or lies outside every grant of the actor, so unseen ids reveal nothing.
Result<Organization> LoadReadable(storage::Transaction& tx, const auth::Actor& actor, int64_t id,
                                  RowLock lock = RowLock::kNone);

// A parent (or new parent) named in a request body: unknown and unreadable ids are both a 422
// on `field` ("organization.parent_unknown").
Result<Organization> LoadReadableParent(storage::Transaction& tx, const auth::Actor& actor, int64_t id,
                                        const char* field, RowLock lock);

audit::AuditEntry AuditFor(std::optional<int64_t> actor_account_id, std::string action, std::string entity_type,
                           int64_t entity_id, std::string organization_path, std::string before,
                           std::string after, std::string request_id);

// "kind.branch" for kind "branch".
std::string KindCounterKey(std::string_view kind);

// Bounds for list limits.
inline constexpr int kDefaultLimit = 50;
inline constexpr int kMaxLimit = 200;

}  // namespace tianshan::organizations
