#pragma once
// SQL of the cadre register, the period row and the target settings (bound parameters only),
// inside the caller's transaction.

#include <optional>
#include <string>
#include <vector>

#include "modules/cadres/cadres.h"
#include "modules/cadres/period.h"
#include "storage/database.h"

namespace tianshan::cadres {

Cadre ReadCadre(const storage::Row& r);
Result<std::optional<Cadre>> FindCadre(storage::Transaction& tx, int64_t id);
Result<std::optional<Cadre>> FindCadreByPerson(storage::Transaction& tx, int64_t person_id);
Result<int64_t> InsertCadre(storage::Transaction& tx, const Cadre& c);
// Locks the cadre's row until the transaction ends (PostgreSQL: a row lock by an UPDATE;
// SQLite: the one writer) and returns it as it is now. Every change of a cadre's contacts,
// postings or units starts here, so that checks of "another one exists" see committed rows.
Result<Cadre> LockCadre(storage::Transaction& tx, int64_t id, int64_t now);
// Locks every register row in the subtree at `path` (as LockCadre) and returns them.
Result<std::vector<Cadre>> LockCadresInSubtree(storage::Transaction& tx, const std::string& path, int64_t now);
// The register rows in the subtree at `path`, by id after `after_id`; `limit` + 1 when more.
// `quota`: "at" (active contacts ≥ target), "below", or nullopt for all.
Result<std::vector<Cadre>> SelectCadresInSubtree(storage::Transaction& tx, const std::string& path,
                                                 std::optional<int64_t> after_id, int limit,
                                                 const std::optional<std::string>& quota = std::nullopt);

// The day the time-based figures are counted for. A write transaction creates the row (as of
// `today`) when there is none yet; a read answers the period of `today` then.
Result<Period> LoadPeriod(storage::Transaction& tx, const std::string& today, bool create);
[[nodiscard]] Status SavePeriod(storage::Transaction& tx, const std::string& as_of, int64_t now);

struct Targets {
  int contacts = kDefaultContactTarget;
  int posting_months = kDefaultPostingMonths;
  // The organization whose setting gave each value (nullopt: the platform default).
  std::optional<int64_t> contacts_from;
  std::optional<int64_t> posting_months_from;
};
// The targets of the organization at `path`: the nearest setting on the path, else defaults.
Result<Targets> EffectiveTargets(storage::Transaction& tx, const std::string& path);
struct TargetSetting {
  std::optional<int> contact_target;
  std::optional<int> posting_months;
};
Result<TargetSetting> ReadSetting(storage::Transaction& tx, int64_t organization_id);
[[nodiscard]] Status SaveSetting(storage::Transaction& tx, int64_t organization_id, const std::string& path,
                                 const TargetSetting& s, int64_t account_id, int64_t now);

}  // namespace tianshan::cadres
