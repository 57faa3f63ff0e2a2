#pragma once
// Steps shared by the volunteering use cases: the caller, organization and project access,
// audit entries, the signing key, the effective hours rule, and appending to the ledger with
// every aggregate and rolled-up counter moved in the same transaction.

#include <cstdint>
#include <optional>
#include <string>

#include "auth/actor.h"
#include "auth/caller.h"
#include "kit/module.h"
#include "modules/volunteering/public/counters.h"
#include "modules/volunteering/volunteering.h"
#include "storage/database.h"

namespace tianshan::volunteering {

using auth::Caller;

// The organization `id` with its current path; NotFound ("volunteer.organization_unknown").
Result<auth::OrganizationRef> FindOrganization(storage::Transaction& tx, const AppContext& ctx, int64_t id);
// Like FindOrganization, but an unknown id is a 422 on request field `field`.
Result<auth::OrganizationRef> FindOrganizationField(storage::Transaction& tx, const AppContext& ctx, int64_t id,
                                                    const char* field);

struct ProjectAccess {
  Project project;
  std::string path;      // the organization's current path
  bool manager = false;  // may manage the project (organization manager or team leader)
  bool visible = false;  // may see the project at all
};
// The project and what `actor` (nullptr: the public) may do with it. NotFound
// ("volunteer.project_not_found") when it does not exist or is not visible to the actor.
Result<ProjectAccess> LoadProject(storage::Transaction& tx, const AppContext& ctx, const auth::Actor* actor,
                                  int64_t project_id, bool lock = false);
// As LoadProject, then 403 unless the actor manages it.
Result<ProjectAccess> LoadManagedProject(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                         int64_t project_id, bool lock = false);

struct ShiftAccess {
  Shift shift;
  ProjectAccess project;
};
// NotFound ("volunteer.shift_not_found") when the shift or its project is not visible.
Result<ShiftAccess> LoadShift(storage::Transaction& tx, const AppContext& ctx, const auth::Actor* actor,
                              int64_t shift_id, bool lock = false);
Result<ShiftAccess> LoadManagedShift(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                     int64_t shift_id, bool lock = false);

// True when the actor's person actively leads (or, when !leaders_only, belongs to) the team.
Result<bool> ActorInTeam(storage::Transaction& tx, const auth::Actor& actor, std::optional<int64_t> team_id,
                         bool leaders_only);

// The key for check-in tokens: AppConfig::secret when set, else a random key stored once in
// volunteering_keys (so tokens survive restarts and verify on every instance).
Result<std::string> SigningKey(storage::Transaction& tx, const AppContext& ctx);

// The hours rule in force at the organization with `path` (nearest setting up the tree).
Result<std::string> EffectiveHoursRule(storage::Transaction& tx, const std::string& path);

// Appends `entry` (id ignored) and moves the volunteer's total, the (organization, person)
// total, the monthly aggregates and the organization counters by its minutes. A change that
// would make the volunteer's total or their total at the organization negative is a 422 on
// "minutes" ("volunteer.negative_total") and the caller's transaction must roll back.
Result<LedgerEntry> AppendLedger(storage::Transaction& tx, const AppContext& ctx, LedgerEntry entry);

std::string LedgerAuditJson(const LedgerEntry& e);

}  // namespace tianshan::volunteering
