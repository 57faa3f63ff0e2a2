// The targets per organization (cadres.settings): read and replace an organization's own
// setting; the cadres of its subtree take the nearest setting on their path.
#include <map>

#include "core/json.h"
#include "modules/cadres/committee/use_cases.h"
#include "modules/cadres/figures.h"
#include "modules/cadres/permissions.h"
#include "modules/organizations/public/lookup.h"

namespace tianshan::cadres {
namespace {

Result<TargetSettingsView> ReadView(storage::Transaction& tx, const auth::Actor& actor, int64_t organization_id,
                                    const std::string& path) {
  TargetSettingsView v;
  v.organization_id = organization_id;
  TS_ASSIGN_OR_RETURN(v.own, ReadSetting(tx, organization_id));
  TS_ASSIGN_OR_RETURN(v.effective, EffectiveTargets(tx, path));
  v.can_update = CanSetTargets(actor, path);
  return v;
}

std::string SettingJson(const TargetSetting& s) {
  JsonOut out;
  out.StartObject().Key("contact_target");
  s.contact_target ? out.Int(*s.contact_target) : out.Null();
  out.Key("posting_months");
  s.posting_months ? out.Int(*s.posting_months) : out.Null();
  return out.EndObject().Take();
}

// Every cadre of the subtree at `path`, locked, moved to the contact target of its own
// organization's path (one lookup per organization).
Status RetargetSubtree(storage::Transaction& tx, const std::string& path, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto cadres, LockCadresInSubtree(tx, path, now));
  std::map<std::string, int> target_of;
  for (const Cadre& c : cadres) {
    auto found = target_of.find(c.org_path);
    if (found == target_of.end()) {
      TS_ASSIGN_OR_RETURN(Targets t, EffectiveTargets(tx, c.org_path));
      found = target_of.emplace(c.org_path, t.contacts).first;
    }
    TS_RETURN_IF_ERROR(Retarget(tx, c, found->second));
  }
  return Status::Ok();
}

}  // namespace

Result<TargetSettingsView> GetTargetSettings(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<TargetSettingsView> {
    TS_ASSIGN_OR_RETURN(std::string path, FiguresPath(tx, ctx, actor, organization_id));
    return ReadView(tx, actor, organization_id, path);
  });
}

Result<TargetSettingsView> SetTargetSettings(const AppContext& ctx, const auth::Caller& caller, int64_t organization_id,
                                             const TargetSetting& setting) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TargetSettingsView> {
    TS_ASSIGN_OR_RETURN(std::string path, FiguresPath(tx, ctx, caller.actor, organization_id));
    if (!CanSetTargets(caller.actor, path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(TargetSetting before, ReadSetting(tx, organization_id));
    const int64_t now = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(SaveSetting(tx, organization_id, path, setting, caller.actor.account_id, now));
    if (before.contact_target != setting.contact_target) TS_RETURN_IF_ERROR(RetargetSubtree(tx, path, now));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"cadres.settings.update", "cadres_settings", organization_id, path,
                                         SettingJson(before), SettingJson(setting)}));
    return ReadView(tx, caller.actor, organization_id, path);
  });
}

}  // namespace tianshan::cadres
