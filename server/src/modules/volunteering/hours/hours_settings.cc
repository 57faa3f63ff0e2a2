#include "modules/volunteering/hours/hours_settings.h"

#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/permissions.h"

namespace tianshan::volunteering {
namespace {

Result<HoursSetting> Read(storage::Transaction& tx, const auth::OrganizationRef& org) {
  HoursSetting s;
  s.organization_id = org.id;
  TS_ASSIGN_OR_RETURN(auto own, OwnHoursRule(tx, org.id));
  TS_ASSIGN_OR_RETURN(s.hours_rule, EffectiveHoursRule(tx, org.path));
  s.inherited = !own.has_value();
  return s;
}

}  // namespace

Result<HoursSetting> GetHoursSetting(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<HoursSetting> {
    TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, organization_id));
    if (!CanReadFigures(actor, org.path)) return Status::NotFound("volunteer.organization_unknown");
    return Read(tx, org);
  });
}

Result<HoursSetting> SetHoursRule(const AppContext& ctx, const Caller& caller, int64_t organization_id,
                                  const std::string& rule) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<HoursSetting> {
    TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, organization_id));
    if (!CanReadFigures(caller.actor, org.path)) return Status::NotFound("volunteer.organization_unknown");
    if (!CanSetHoursRule(caller.actor, org.path)) return Status::Forbidden("volunteer.needs_admin");
    TS_ASSIGN_OR_RETURN(auto before, Read(tx, org));
    TS_RETURN_IF_ERROR(SaveHoursRule(tx, org.id, rule, ctx.clock.NowMillis()));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_settings.hours_rule",
                                         .entity_type = "organization",
                                         .entity_id = org.id,
                                         .organization_path = org.path,
                                         .before_json = "{\"hours_rule\":\"" + before.hours_rule + "\"}",
                                         .after_json = "{\"hours_rule\":\"" + rule + "\"}"}));
    return Read(tx, org);
  });
}

}  // namespace tianshan::volunteering
