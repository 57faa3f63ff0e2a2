#pragma once
// Corrections of a person's name or identity number and their SQL (bound parameters only),
// inside the caller's transaction. Requested by the branch, decided by an admin above it.
// Status: pending → approved | rejected; at most one pending correction per person.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::people {

inline const std::vector<std::string>& CorrectionStatuses() {
  static const std::vector<std::string> s = {"pending", "approved", "rejected"};
  return s;
}

struct Correction {
  int64_t id = 0;
  int64_t person_id = 0;
  std::string org_path;  // the person's organization when requested
  std::string old_name;
  std::optional<std::string> new_name;
  std::optional<std::string> old_identity_number;
  std::optional<std::string> new_identity_number;
  std::string reason;
  std::string status;
  std::optional<std::string> decision_reason;
  int64_t requested_by = 0;
  std::optional<int64_t> decided_by;
  int64_t created_at = 0;
  std::optional<int64_t> decided_at;
};

Result<int64_t> InsertCorrection(storage::Transaction& tx, const Correction& c);
Result<std::optional<Correction>> FindCorrection(storage::Transaction& tx, int64_t id, bool for_update = false);
Result<bool> HasPendingCorrection(storage::Transaction& tx, int64_t person_id);
// Whether the person has a pending correction and a pending transfer, in one statement.
struct PendingChanges {
  bool correction = false;
  bool transfer = false;
};
Result<PendingChanges> FindPendingChanges(storage::Transaction& tx, int64_t person_id);
// Conflict ("people.correction_not_pending") when it is no longer pending.
Status DecideCorrection(storage::Transaction& tx, int64_t id, std::string_view status,
                        const std::optional<std::string>& reason, int64_t decided_by, int64_t now);
// Corrections of people in the subtree at `path` with `status`, by id; limit + 1 rows.
Result<std::vector<Correction>> ListCorrections(storage::Transaction& tx, const std::string& path,
                                                const std::string& status, std::optional<int64_t> after_id, int limit);

}  // namespace tianshan::people
