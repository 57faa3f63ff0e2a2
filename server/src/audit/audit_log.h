#pragma once
// The audit log. Every write use case calls Record() inside its own transaction, so an entry
// exists exactly when the change does. Entries are never updated or deleted by the platform.
// Callers pass before/after as JSON with personal fields already masked (core/masking.h).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/caller.h"
#include "core/clock.h"
#include "core/result.h"
#include "storage/database.h"

namespace tianshan::audit {

struct AuditEntry {
  int64_t id = 0;
  int64_t at = 0;
  std::optional<int64_t> actor_account_id;
  std::string action;       // "organization.create", "session.login"
  std::string entity_type;  // "organization"
  std::string entity_id;
  std::string organization_path;  // scope for readers; empty for platform-level entries
  std::string before_json;        // empty when there was no "before"
  std::string after_json;
  std::string request_id;
};

struct AuditPage {
  std::vector<AuditEntry> items;
  std::optional<int64_t> next_cursor;
};

// Which entries a reader asks for within a subtree; every set field must match.
struct AuditFilter {
  std::optional<std::string> entity_type;  // "person"
  std::optional<std::string> action;       // "person.update"
  std::optional<int64_t> actor_account_id;
  std::optional<int64_t> since;  // at >= since (millis)
  std::optional<int64_t> until;  // at < until (millis)
};

// What a use case changed, the one way every module describes an audit entry; the caller adds
// who and which request.
struct AuditChange {
  std::string action;       // "transfer.release"
  std::string entity_type;  // "transfer"
  int64_t entity_id = 0;
  std::string organization_path;  // scope for readers
  std::string before_json;        // masked; empty when there was no "before"
  std::string after_json;         // masked
};

class AuditLog {
 public:
  explicit AuditLog(const Clock& clock) : clock_(clock) {}
  [[nodiscard]] Status Record(storage::Transaction& tx, AuditEntry entry) const;
  // Records `change` made by `caller` (its account and request id).
  [[nodiscard]] Status Record(storage::Transaction& tx, const auth::Caller& caller, AuditChange change) const;
  // Newest first, entries whose organization lies in the subtree at `path_prefix`.
  Result<AuditPage> ListSubtree(storage::Transaction& tx, const std::string& path_prefix,
                                std::optional<int64_t> before_id, int limit, const AuditFilter& filter = {}) const;

 private:
  const Clock& clock_;
};

}  // namespace tianshan::audit
