#include "modules/cadres/cadre_support.h"

#include "core/calendar.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/figures.h"

namespace tianshan::cadres {
namespace {

// Inserts the register row at the organization of `position`.
Result<Cadre> Enroll(storage::Transaction& tx, const AppContext& ctx, int64_t person_id,
                     const people::OpenPosition& position) {
  if (ctx.organizations == nullptr) return Status::Internal("error.internal").WithDetail("no organization directory");
  TS_ASSIGN_OR_RETURN(auto org, ctx.organizations->Find(tx, position.organization_id));
  if (!org) return Status::Internal("error.internal").WithDetail("position at a missing organization");
  TS_ASSIGN_OR_RETURN(Targets targets, EffectiveTargets(tx, org->path));
  Cadre c;
  c.person_id = person_id;
  c.organization_id = org->id;
  c.org_path = org->path;
  c.contact_target = targets.contacts;
  c.created_at = c.updated_at = ctx.clock.NowMillis();
  auto id = InsertCadre(tx, c);
  // Enrolled by a concurrent transaction meanwhile: run again, to find that row.
  if (id.status().code() == StatusCode::kConflict) return Status::Retry("cadre enrolled concurrently");
  TS_ASSIGN_OR_RETURN(c.id, std::move(id));
  TS_RETURN_IF_ERROR(CountNewCadre(tx, c));
  return c;
}

}  // namespace

std::string Today(const AppContext& ctx) { return TodayInChina(ctx.clock.NowMillis()); }

Result<CallerCadre> FindCallerCadre(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                    bool enroll, bool require_position) {
  if (!actor.person_id) return Status::Forbidden("cadres.not_a_cadre");
  CallerCadre out;
  TS_ASSIGN_OR_RETURN(auto positions, people::OpenPositionsOf(tx, *actor.person_id));
  if (!positions.empty()) out.position = positions.front();
  out.active = out.position.has_value();
  TS_ASSIGN_OR_RETURN(auto found, FindCadreByPerson(tx, *actor.person_id));
  if ((require_position || !found) && !out.active) return Status::Forbidden("cadres.not_a_cadre");
  if (found) {
    out.cadre = *found;
  } else if (enroll) {
    TS_ASSIGN_OR_RETURN(out.cadre, Enroll(tx, ctx, *actor.person_id, *out.position));
  } else {
    out.cadre.person_id = *actor.person_id;
    out.cadre.organization_id = out.position->organization_id;
  }
  return out;
}

Result<Cadre> EnrollPerson(storage::Transaction& tx, const AppContext& ctx, int64_t person_id,
                           const std::string& field) {
  TS_ASSIGN_OR_RETURN(auto found, FindCadreByPerson(tx, person_id));
  if (found) return *found;
  TS_ASSIGN_OR_RETURN(auto positions, people::OpenPositionsOf(tx, person_id));
  if (positions.empty()) return Status::Invalid(field, "cadres.not_a_cadre");
  return Enroll(tx, ctx, person_id, positions.front());
}

}  // namespace tianshan::cadres
