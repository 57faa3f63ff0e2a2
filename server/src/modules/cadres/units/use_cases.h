#pragma once
// "4+1": a cadre registers with the grass-roots units they serve and logs each service there;
// the unit's secretary (cadres.confirm over the unit) confirms or disputes it; the committee
// (cadres.dashboard) sees the year's summary per cadre and per unit of its subtree.
//
// A unit is an organization of the tree: a league branch or committee, or the node a community,
// enterprise or social organization without its own league organization has been given in the
// tree (organizations module). A service can only be logged for a unit the cadre is registered
// with; the counters cadres.served_units (active registrations) and cadres.service_minutes
// (confirmed minutes this year) move in the request's transaction, the cadre locked.

#include <optional>
#include <string>
#include <vector>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/cadres/cadre_card.h"
#include "modules/cadres/committee/use_cases.h"
#include "modules/cadres/units/unit_repository.h"

namespace tianshan::cadres {

inline constexpr int kMaxServiceMinutes = 24 * 60;

struct ServedUnitView {
  ServedUnit unit;
  std::string unit_name;
  ServiceSummary year;                // this year's services to it
  std::vector<UnitService> services;  // the latest ones
  bool can_log = false;
  bool can_end = false;
};

// The caller's registrations (a cadre), active first, with this year's summary.
Result<std::vector<ServedUnitView>> ListMyServedUnits(const AppContext& ctx, const auth::Actor& actor);
// Registers the caller (a cadre with an open position) with the unit: 422 `unit_id` when there
// is no such organization, 409 `unit_id` when already registered.
Result<ServedUnitView> RegisterServedUnit(const AppContext& ctx, const auth::Caller& caller, int64_t unit_id);
// Ends the caller's registration (its services stay and can still be decided).
Result<ServedUnitView> EndServedUnitRegistration(const AppContext& ctx, const auth::Caller& caller, int64_t id);

struct LogServiceInput {
  int64_t unit_id = 0;
  std::string served_on;
  int minutes = 0;
  std::string what;
};
// 422 `unit_id` "cadres.unit_not_registered" when the cadre has no active registration there.
Result<UnitService> LogUnitService(const AppContext& ctx, const auth::Caller& caller, const LogServiceInput& input);

struct UnitServiceView {
  UnitService service;
  CadreCard cadre;
  std::string unit_name;
  bool can_decide = false;
};
struct UnitServiceQuery {
  std::optional<std::string> status;
  std::optional<int64_t> after_id;
  int limit = 50;
};
struct UnitServicePage {
  std::vector<UnitServiceView> items;
  std::optional<int64_t> next_cursor;
};
// The confirmations queue of the unit `organization_id` (and units below it): cadres.confirm.
Result<UnitServicePage> ListUnitServices(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                         const UnitServiceQuery& query);

struct DecideServiceInput {
  std::string decision;  // confirm, dispute
  std::optional<std::string> reason;
};
// The unit confirms or disputes a pending service, once (404 outside cadres.confirm over the unit).
Result<UnitServiceView> DecideUnitService(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                          const DecideServiceInput& input);

struct ServedUnitsOverview {
  std::string year;
  std::vector<std::pair<CadreCard, SubtreeSummaryRow>> cadres;
  std::vector<std::pair<std::string, SubtreeSummaryRow>> units;  // unit name, figures
};
// The year's summary per cadre of the subtree and per unit in it (cadres.dashboard).
Result<ServedUnitsOverview> GetServedUnitsOverview(const AppContext& ctx, const auth::Actor& actor,
                                                   int64_t organization_id, const std::string& year);
// The same as an .xlsx (figures and names of cadres and units only).
Result<ExportedFile> ExportServedUnitsOverview(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                               const std::string& year);

}  // namespace tianshan::cadres
