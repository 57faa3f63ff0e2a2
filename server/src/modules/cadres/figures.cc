#include "modules/cadres/figures.h"

#include "modules/cadres/public/counters.h"
#include "modules/organizations/public/counters.h"

namespace tianshan::cadres {
namespace {

Status Count(storage::Transaction& tx, const Cadre& cadre, std::string_view key, int64_t delta) {
  if (delta == 0) return Status::Ok();
  return organizations::AdjustCounter(tx, cadre.organization_id, key, delta);
}

int AtQuota(int contacts, int target) { return contacts >= target ? 1 : 0; }

}  // namespace

Status ApplyFigures(storage::Transaction& tx, const Cadre& cadre, const FigureDelta& d) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("UPDATE cadres_cadres SET active_contacts = active_contacts + ?, "
                                          "activity_due = activity_due + ?, talk_due = talk_due + ?, help_open = "
                                          "help_open + ?, help_overdue = help_overdue + ?, posting_days = "
                                          "posting_days + ?, service_minutes = service_minutes + ? WHERE id = ? "
                                          "RETURNING active_contacts, contact_target, fields_covered",
                                          {d.contacts, d.activity_due, d.talk_due, d.help_open, d.help_overdue,
                                           d.posting_days, d.service_minutes, cadre.id}));
  if (rows.empty()) return Status::NotFound("cadres.not_found");
  const int contacts = static_cast<int>(rows[0].Int("active_contacts"));
  const int target = static_cast<int>(rows[0].Int("contact_target"));
  const int fields_before = static_cast<int>(rows[0].Int("fields_covered"));
  int fields_delta = 0;
  if (!d.by_field.empty()) {
    TS_ASSIGN_OR_RETURN(auto n, tx.QueryOne("SELECT COUNT(DISTINCT field) AS n FROM cadres_contacts WHERE cadre_id = ? "
                                            "AND status = 'active'",
                                            {cadre.id}));
    fields_delta = static_cast<int>(n->Int("n")) - fields_before;
    if (fields_delta != 0) {
      TS_RETURN_IF_ERROR(tx.Execute("UPDATE cadres_cadres SET fields_covered = fields_covered + ? WHERE id = ?",
                                    {fields_delta, cadre.id}));
    }
  }
  if (d.help_changed) {
    TS_RETURN_IF_ERROR(
        tx.Execute("UPDATE cadres_cadres SET oldest_help_on = (SELECT MIN(created_on) FROM "
                   "cadres_help_requests WHERE cadre_id = ? AND status IN ('open', 'in_progress')) "
                   "WHERE id = ?",
                   {cadre.id, cadre.id}));
  }
  namespace key = counter;
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kContacts, d.contacts));
  TS_RETURN_IF_ERROR(
      Count(tx, cadre, key::kAtQuota, AtQuota(contacts, target) - AtQuota(contacts - d.contacts, target)));
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kFieldsCovered, fields_delta));
  for (const auto& [field, delta] : d.by_field) {
    TS_RETURN_IF_ERROR(Count(tx, cadre, std::string(key::kFieldPrefix) + field, delta));
  }
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kActivityDue, d.activity_due));
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kTalkDue, d.talk_due));
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kHelpOpen, d.help_open));
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kHelpOverdue, d.help_overdue));
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kPostings, d.postings));
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kPosted, d.posted));
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kPostingDays, d.posting_days));
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kUnreported, d.unreported));
  TS_RETURN_IF_ERROR(Count(tx, cadre, key::kServedUnits, d.served_units));
  return Count(tx, cadre, key::kServiceMinutes, d.service_minutes);
}

Status CountNewCadre(storage::Transaction& tx, const Cadre& cadre) {
  TS_RETURN_IF_ERROR(Count(tx, cadre, counter::kCadres, 1));
  return Count(tx, cadre, counter::kAtQuota, AtQuota(0, cadre.contact_target));
}

Status Retarget(storage::Transaction& tx, const Cadre& cadre, int target) {
  if (target == cadre.contact_target) return Status::Ok();
  TS_RETURN_IF_ERROR(tx.Execute("UPDATE cadres_cadres SET contact_target = ? WHERE id = ?", {target, cadre.id}));
  return Count(tx, cadre, counter::kAtQuota,
               AtQuota(cadre.active_contacts, target) - AtQuota(cadre.active_contacts, cadre.contact_target));
}

}  // namespace tianshan::cadres
