#include "modules/cadres/postings/posting_support.h"

#include <set>

#include "core/json.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/figures.h"
#include "modules/cadres/permissions.h"

namespace tianshan::cadres {

Result<PostingFigures> CurrentPostingFigures(storage::Transaction& tx, const AppContext& ctx, int64_t cadre_id) {
  TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, Today(ctx), true));
  return PostingFiguresOf(tx, cadre_id, period);
}

Status MovePostingFigures(storage::Transaction& tx, const AppContext& ctx, const Cadre& cadre,
                          const PostingFigures& before) {
  TS_ASSIGN_OR_RETURN(PostingFigures after, CurrentPostingFigures(tx, ctx, cadre.id));
  if (after == before) return Status::Ok();
  FigureDelta d;
  d.postings = after.postings - before.postings;
  d.posted = after.posted - before.posted;
  d.posting_days = after.days - before.days;
  d.unreported = after.unreported - before.unreported;
  return ApplyFigures(tx, cadre, d);
}

Result<bool> IsPostingCadre(storage::Transaction& tx, const auth::Actor& actor, const Posting& p) {
  if (!actor.person_id) return false;
  TS_ASSIGN_OR_RETURN(auto cadre, FindCadre(tx, p.cadre_id));
  return cadre && cadre->person_id == *actor.person_id;
}

Result<SeenPosting> LoadSeenPosting(storage::Transaction& tx, const auth::Actor& actor, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto found, FindPosting(tx, id));
  if (!found) return Status::NotFound("cadres.posting_not_found");
  TS_ASSIGN_OR_RETURN(bool own, IsPostingCadre(tx, actor, *found));
  if (!own && !CanViewFigures(actor, found->org_path) && !CanConfirmAt(actor, found->host_path)) {
    return Status::NotFound("cadres.posting_not_found");
  }
  return SeenPosting{*found, own};
}

Result<std::vector<PostingView>> ViewPostings(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                              const std::vector<Posting>& postings) {
  std::vector<int64_t> ids;
  std::set<int64_t> cadre_ids;
  for (const auto& p : postings) {
    ids.push_back(p.id);
    cadre_ids.insert(p.cadre_id);
  }
  TS_ASSIGN_OR_RETURN(auto totals, PostingTotalsOf(tx, ids));
  std::vector<Cadre> cadres;
  std::map<int64_t, int64_t> person_of;
  for (int64_t cadre_id : cadre_ids) {
    TS_ASSIGN_OR_RETURN(auto c, FindCadre(tx, cadre_id));
    if (!c) continue;
    cadres.push_back(*c);
    person_of[c->id] = c->person_id;
  }
  TS_ASSIGN_OR_RETURN(auto cards, LoadCadreCards(tx, ctx, cadres));
  std::map<int64_t, std::string> hosts;
  const std::string today = Today(ctx);
  std::vector<PostingView> out;
  for (const auto& p : postings) {
    PostingView v;
    v.posting = p;
    v.cadre = cards[p.cadre_id];
    if (!hosts.count(p.host_organization_id) && ctx.organizations != nullptr) {
      TS_ASSIGN_OR_RETURN(auto host, ctx.organizations->Find(tx, p.host_organization_id));
      hosts[p.host_organization_id] = host ? host->name : "";
    }
    v.host_name = hosts[p.host_organization_id];
    v.totals = totals[p.id];
    v.days = DayNumber(p.ends_on) - DayNumber(p.starts_on) + 1;
    const bool own = actor.person_id && *actor.person_id == person_of[p.cadre_id];
    const bool open = p.status == "planned" && !p.confirmed_at;
    v.can_log = own && open && p.starts_on <= today;
    v.can_report = v.can_log;
    v.can_confirm = open && p.report.has_value() && CanConfirmAt(actor, p.host_path);
    v.can_cancel =
        open && today <= p.ends_on && CanPlanPostings(actor, p.org_path) && CanPlanPostings(actor, p.host_path);
    out.push_back(std::move(v));
  }
  return out;
}

Result<PostingView> ViewPosting(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                const Posting& p, bool with_logs) {
  TS_ASSIGN_OR_RETURN(auto views, ViewPostings(tx, ctx, actor, {p}));
  PostingView v = std::move(views.front());
  if (with_logs) {
    TS_ASSIGN_OR_RETURN(v.logs, SelectPostingLogs(tx, p.id));
  }
  return v;
}

Posting NewPosting(const Cadre& cadre, const auth::OrganizationRef& host, std::string starts_on, std::string ends_on,
                   std::string tasks, int64_t created_by, int64_t now) {
  Posting p;
  p.cadre_id = cadre.id;
  p.organization_id = cadre.organization_id;
  p.org_path = cadre.org_path;
  p.host_organization_id = host.id;
  p.host_path = host.path;
  p.starts_on = std::move(starts_on);
  p.ends_on = std::move(ends_on);
  p.tasks = std::move(tasks);
  p.created_by = created_by;
  p.created_at = p.updated_at = now;
  return p;
}

std::string PostingAuditJson(const Posting& p) {
  JsonOut out;
  out.StartObject().Field("host_organization_id", p.host_organization_id).Field("starts_on", p.starts_on);
  out.Field("ends_on", p.ends_on).Field("status", p.status).Field("reported", p.report.has_value());
  out.Field("confirmed", p.confirmed_at.has_value());
  out.Field("reason_chars", static_cast<int64_t>(Utf8Length(p.cancel_reason.value_or("")))).EndObject();
  return out.Take();
}

}  // namespace tianshan::cadres
