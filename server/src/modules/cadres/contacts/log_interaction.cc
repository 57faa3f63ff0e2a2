#include <set>

#include "core/calendar.h"
#include "core/json.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/interaction_repository.h"

namespace tianshan::cadres {
namespace {

std::string AuditJson(const Interaction& i) {
  // Counts only: the summary may name people, and subtree admins read the audit log.
  JsonOut out;
  out.StartObject().Field("kind", i.kind).Field("occurred_on", i.occurred_on).Field("contacts", i.contact_count);
  out.Field("summary_chars", static_cast<int64_t>(i.summary ? Utf8Length(*i.summary) : 0)).EndObject();
  return out.Take();
}

// Whether the contact is due for the kind's requirement in `period`, with `last` as its date.
bool Due(const Period& period, const std::string& kind, const std::optional<std::string>& last) {
  if (kind == "activity") return period.ActivityDue(last);
  if (kind == "talk") return period.TalkDue(last);
  return false;
}

const std::optional<std::string>& LastOf(const Contact& c, const std::string& kind) {
  return kind == "activity" ? c.last_activity_on : kind == "talk" ? c.last_talk_on : c.last_online_on;
}

}  // namespace

Result<Interaction> LogInteraction(const AppContext& ctx, const auth::Caller& caller,
                                   const LogInteractionInput& input) {
  const std::string today = Today(ctx);
  if (input.occurred_on > today) return Status::Invalid("occurred_on", "cadres.date_in_future");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Interaction> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, caller.actor, false, true));
    if (me.cadre.id != 0) {
      TS_ASSIGN_OR_RETURN(me.cadre, LockCadre(tx, me.cadre.id, now));
    }
    TS_ASSIGN_OR_RETURN(auto found, SelectContactsByIds(tx, input.contact_ids));
    std::map<int64_t, Contact> mine;
    for (auto& c : found) {
      if (c.cadre_id == me.cadre.id && me.cadre.id != 0) mine.emplace(c.id, std::move(c));
    }
    std::vector<FieldError> errors;
    std::set<int64_t> seen;
    bool before_consent = false;
    for (size_t k = 0; k < input.contact_ids.size(); ++k) {
      const std::string field = "contact_ids[" + std::to_string(k) + "]";
      auto it = mine.find(input.contact_ids[k]);
      if (!seen.insert(input.contact_ids[k]).second) {
        errors.push_back({field, "cadres.duplicate_contact", ""});
      } else if (it == mine.end()) {
        errors.push_back({field, "cadres.contact_not_found", ""});
      } else if (!it->second.active()) {
        errors.push_back({field, "cadres.contact_not_active", ""});
      } else if (input.occurred_on < TodayInChina(it->second.started_at.value_or(0))) {
        before_consent = true;
      }
    }
    if (before_consent) errors.push_back({"occurred_on", "cadres.before_consent", ""});
    if (!errors.empty()) return Status::Invalid(std::move(errors));

    TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, today, true));
    FigureDelta delta;
    for (const auto& [id, c] : mine) {
      const auto& last = LastOf(c, input.kind);
      const std::optional<std::string> after = !last || *last < input.occurred_on ? input.occurred_on : *last;
      const int satisfied = Due(period, input.kind, last) && !Due(period, input.kind, after) ? 1 : 0;
      (input.kind == "activity" ? delta.activity_due : delta.talk_due) -= satisfied;
      TS_RETURN_IF_ERROR(TouchLastDate(tx, id, input.kind, input.occurred_on, now));
    }
    Interaction i;
    i.cadre_id = me.cadre.id;
    i.org_path = me.cadre.org_path;
    i.kind = input.kind;
    i.occurred_on = input.occurred_on;
    i.summary = input.summary;
    i.contact_count = static_cast<int>(input.contact_ids.size());
    i.created_by = caller.actor.account_id;
    i.created_at = now;
    TS_ASSIGN_OR_RETURN(i.id, InsertInteraction(tx, i, input.contact_ids));
    if (delta.activity_due != 0 || delta.talk_due != 0) TS_RETURN_IF_ERROR(ApplyFigures(tx, me.cadre, delta));
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.interaction.log", "cadres_interaction", i.id, i.org_path, "", AuditJson(i)}));
    return i;
  });
}

}  // namespace tianshan::cadres
