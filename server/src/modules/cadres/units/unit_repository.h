#pragma once
// SQL of "4+1" served units and the services logged to them (bound parameters only), inside
// the caller's transaction.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace tianshan::cadres {

// A cadre's registration with a grass-roots unit they serve: an organization of the tree.
struct ServedUnit {
  int64_t id = 0;
  int64_t cadre_id = 0;
  std::string org_path;  // the cadre's organization
  int64_t unit_id = 0;
  std::string unit_path;
  std::string status;  // active, ended
  int64_t created_at = 0;
  std::optional<int64_t> ended_at;
};

// One service to a unit: pending until the unit confirms or disputes it.
struct UnitService {
  int64_t id = 0;
  int64_t served_unit_id = 0;
  int64_t cadre_id = 0;
  std::string unit_path;
  std::string served_on;
  int minutes = 0;
  std::string what;
  std::string status;  // pending, confirmed, disputed
  std::optional<std::string> dispute_reason;
  std::optional<int64_t> decided_by;
  std::optional<int64_t> decided_at;
  int64_t created_at = 0;
};

// A year's figures of one registration, one cadre or one unit: services logged, minutes
// confirmed, services waiting and disputed.
struct ServiceSummary {
  int services = 0;
  int confirmed_minutes = 0;
  int pending = 0;
  int disputed = 0;
};

Result<int64_t> InsertServedUnit(storage::Transaction& tx, const ServedUnit& u);
Result<std::optional<ServedUnit>> FindServedUnit(storage::Transaction& tx, int64_t id);
// The cadre's active registration with the unit, if any.
Result<std::optional<ServedUnit>> FindActiveServedUnit(storage::Transaction& tx, int64_t cadre_id, int64_t unit_id);
Result<std::vector<ServedUnit>> SelectServedUnitsOfCadre(storage::Transaction& tx, int64_t cadre_id);
// Conflict when a concurrent transaction has ended it first.
[[nodiscard]] Status EndServedUnit(storage::Transaction& tx, int64_t id, int64_t now);

Result<int64_t> InsertUnitService(storage::Transaction& tx, const UnitService& s);
Result<std::optional<UnitService>> FindUnitService(storage::Transaction& tx, int64_t id);
// Services to units in the subtree at `path`, with `status` when given, by id after `after_id`;
// `limit` + 1 when there are more.
Result<std::vector<UnitService>> SelectUnitServicesInSubtree(storage::Transaction& tx, const std::string& path,
                                                             const std::optional<std::string>& status,
                                                             std::optional<int64_t> after_id, int limit);
// The registration's latest services, newest day first (at most `limit`).
Result<std::vector<UnitService>> SelectServicesOfServedUnit(storage::Transaction& tx, int64_t served_unit_id,
                                                            int limit);
// Conflict when a concurrent transaction has decided it first.
[[nodiscard]] Status SaveServiceDecision(storage::Transaction& tx, const UnitService& s);

// The year's summary [from, to] per registration of the cadre.
Result<std::map<int64_t, ServiceSummary>> SummariesOfCadre(storage::Transaction& tx, int64_t cadre_id,
                                                           const std::string& from, const std::string& to);
// The year's summary per cadre (of cadres in the subtree at `path`) and per unit (units in it).
struct SubtreeSummaryRow {
  int64_t key = 0;  // cadre id or unit id
  int units = 0;    // registrations (per cadre: units served; per unit: cadres serving)
  ServiceSummary summary;
};
Result<std::vector<SubtreeSummaryRow>> SummariesByCadre(storage::Transaction& tx, const std::string& path,
                                                        const std::string& from, const std::string& to);
Result<std::vector<SubtreeSummaryRow>> SummariesByUnit(storage::Transaction& tx, const std::string& path,
                                                       const std::string& from, const std::string& to);

}  // namespace tianshan::cadres
