// Organizations, coverage units and the people plan (generation.h).
#include <algorithm>

#include "generate/generation.h"
#include "generate/synthetic.h"

namespace tianshan::generate {
namespace {

const char* const kUnitKinds[] = {"non_public_enterprise", "industrial_park", "social_organization"};
const char* const kUnitNames[] = {"科技有限公司", "产业园", "青年志愿者协会"};
constexpr int kUnitsPerLocal = 5;

}  // namespace

Tables AddTables(storage::BulkWriter& w) {
  Tables t;
  t.organizations =
      w.AddTable("organizations_organizations",
                 {"id", "parent_id", "path", "depth", "name", "short_name", "kind", "setting", "region_code", "address",
                  "contact_name", "contact_phone", "founded_on", "status", "created_at", "updated_at"});
  t.coverage_units =
      w.AddTable("organizations_coverage_units", {"id", "organization_id", "name", "kind", "young_employees",
                                                  "covered_by_organization_id", "created_at", "updated_at"});
  t.teams = w.AddTable("volunteering_teams", {"id", "organization_id", "org_path", "name", "description",
                                              "partner_name", "status", "created_at", "updated_at"});
  t.projects = w.AddTable("volunteering_projects",
                          {"id", "organization_id", "org_path", "team_id", "title", "description", "category", "brand",
                           "location", "venue_id", "contact", "visibility", "status", "created_at", "updated_at"});
  t.shifts = w.AddTable("volunteering_shifts",
                        {"id", "project_id", "starts_at", "ends_at", "capacity", "confirmed", "waitlisted",
                         "waitlist_seq", "role", "requirements", "min_age", "status", "created_at", "updated_at"});
  t.persons = w.AddTable("people_persons", {"id", "name", "gender", "birth_date", "ethnicity", "phone",
                                            "identity_number", "education", "occupation", "employer", "organization_id",
                                            "org_path", "is_member", "created_at", "updated_at"});
  t.memberships = w.AddTable("people_memberships", {"id", "person_id", "organization_id", "org_path", "member_since",
                                                    "member_number", "status", "started_at", "ended_at"});
  t.positions = w.AddTable("people_positions", {"id", "person_id", "organization_id", "org_path", "title", "employment",
                                                "started_on", "ended_on", "created_at", "updated_at"});
  t.team_members = w.AddTable("volunteering_team_members", {"id", "team_id", "person_id", "name", "role", "status",
                                                            "message", "created_at", "decided_at"});
  t.volunteers =
      w.AddTable("volunteering_volunteers", {"person_id", "name", "total_minutes", "created_at", "updated_at"});
  t.signups = w.AddTable("volunteering_signups",
                         {"id", "shift_id", "person_id", "account_id", "status", "waitlist_seq", "starts_at", "ends_at",
                          "guardian_name", "guardian_relation", "consent_at", "created_at", "updated_at"});
  t.attendance = w.AddTable("volunteering_attendance",
                            {"id", "signup_id", "shift_id", "person_id", "checked_in_at", "checked_out_at", "in_method",
                             "out_method", "ledger_entry_id", "created_at", "updated_at"});
  t.ledger =
      w.AddTable("volunteering_ledger", {"id", "person_id", "organization_id", "org_path", "project_id", "team_id",
                                         "shift_id", "kind", "minutes", "raw_minutes", "hours_rule", "worked_at",
                                         "month", "reason", "reverses_id", "created_by", "created_at"});
  t.org_person_totals = w.AddTable("volunteering_org_person_totals", {"organization_id", "person_id", "minutes"});
  t.person_months =
      w.AddTable("volunteering_person_months", {"organization_id", "org_path", "person_id", "month", "minutes"});
  t.team_months = w.AddTable("volunteering_team_months", {"team_id", "org_path", "month", "minutes"});
  t.accounts = w.AddTable("auth_accounts", {"id", "login", "phone", "display_name", "password_hash", "person_id",
                                            "status", "is_demo", "created_at", "updated_at"});
  t.grants = w.AddTable("auth_grants", {"id", "account_id", "organization_id", "role", "created_at"});
  t.cadres_period = w.AddTable("cadres_period", {"id", "as_of", "updated_at"});
  t.cadres_cadres = w.AddTable(
      "cadres_cadres", {"id", "person_id", "organization_id", "org_path", "contact_target", "active_contacts",
                        "fields_covered", "activity_due", "talk_due", "help_open", "help_overdue", "oldest_help_on",
                        "posting_days", "service_minutes", "created_at", "updated_at"});
  t.cadres_contacts = w.AddTable(
      "cadres_contacts", {"id", "cadre_id", "person_id", "organization_id", "org_path", "field", "status", "origin",
                          "invitation_id", "consent_version", "consent_at", "started_at", "ended_at", "ended_by",
                          "last_online_on", "last_activity_on", "last_talk_on", "created_at", "updated_at"});
  t.cadres_interactions = w.AddTable("cadres_interactions", {"id", "cadre_id", "org_path", "kind", "occurred_on",
                                                             "summary", "contact_count", "created_by", "created_at"});
  t.cadres_interaction_contacts = w.AddTable("cadres_interaction_contacts", {"interaction_id", "contact_id"});
  t.cadres_help_requests = w.AddTable(
      "cadres_help_requests", {"id", "contact_id", "cadre_id", "org_path", "category", "description", "status",
                               "help_given", "raised_by", "created_on", "created_at", "updated_at", "closed_at"});
  t.cadres_postings =
      w.AddTable("cadres_postings", {"id", "cadre_id", "organization_id", "org_path", "host_organization_id",
                                     "host_path", "starts_on", "ends_on", "tasks", "status", "report", "reported_at",
                                     "confirmed_by", "confirmed_at", "created_by", "created_at", "updated_at"});
  t.cadres_posting_logs =
      w.AddTable("cadres_posting_logs", {"id", "posting_id", "worked_on", "minutes", "what", "created_at"});
  t.counters = w.AddTable("organizations_counters", {"organization_id", "counter_key", "self_value", "subtree_value"});
  return t;
}

const std::vector<std::string>& IdentityTables() {
  static const std::vector<std::string> tables = {"organizations_organizations",
                                                  "organizations_coverage_units",
                                                  "volunteering_teams",
                                                  "volunteering_projects",
                                                  "volunteering_shifts",
                                                  "people_persons",
                                                  "people_memberships",
                                                  "people_positions",
                                                  "volunteering_team_members",
                                                  "volunteering_signups",
                                                  "volunteering_attendance",
                                                  "volunteering_ledger",
                                                  "auth_accounts",
                                                  "auth_grants",
                                                  "cadres_cadres",
                                                  "cadres_contacts",
                                                  "cadres_interactions",
                                                  "cadres_help_requests",
                                                  "cadres_postings",
                                                  "cadres_posting_logs"};
  return tables;
}

const std::vector<std::string>& DeferredIndexTables() {
  static const std::vector<std::string> tables = {"organizations_organizations", "people_persons", "people_memberships",
                                                  "people_positions"};
  return tables;
}

std::vector<int32_t> PlanPeople(const GenerateSpec& spec, const OrgTree& tree, uint64_t seed) {
  Rng rng(seed, 2);
  const int64_t n = tree.size();
  // Weights between 0.25 and 1.75, then each branch gets its share of the cumulative total, so
  // that the counts add up to exactly spec.people.
  std::vector<double> weight(static_cast<size_t>(n) + 1, 0);
  double total = 0;
  for (int64_t id = 1; id <= n; ++id) {
    if (tree.kind(id) != OrgKind::kBranch) continue;
    weight[id] = 0.25 + static_cast<double>(rng.Below(1'501)) / 1000.0;
    total += weight[id];
  }
  std::vector<int32_t> count(static_cast<size_t>(n) + 1, 0);
  double cumulative = 0;
  int64_t assigned = 0;
  for (int64_t id = 1; id <= n; ++id) {
    if (weight[id] == 0) continue;
    cumulative += weight[id];
    int64_t upto = static_cast<int64_t>(cumulative / total * static_cast<double>(spec.people) + 0.5);
    upto = std::min(upto, spec.people);
    count[id] = static_cast<int32_t>(upto - assigned);
    assigned = upto;
  }
  return count;
}

Status WriteOrganizations(Generation& g) {
  Rng rng(g.seed, 4);
  const OrgTree& tree = g.tree;
  const int64_t n = tree.size();
  int64_t unit_id = 0;
  for (int64_t id = 1; id <= n; ++id) {
    const std::string path = tree.Path(id);
    const std::string code = tree.RegionCode(id);
    const int64_t founded_day = kEpochDay - 365 - static_cast<int64_t>(rng.Below(20 * 365));
    const int64_t created = kEpochMillis - static_cast<int64_t>(1 + rng.Below(700)) * kDayMillis;
    auto& w = g.writer.Begin(g.tables.organizations).Int(id);
    if (tree.parent(id) != 0)
      w.Int(tree.parent(id));
    else
      w.Null();
    w.Text(path).Int(tree.depth(id)).Text(tree.Name(id)).Null().Text(tree.KindName(id)).Text(tree.SettingName(id));
    if (code.empty())
      w.Null();
    else
      w.Text(code);
    w.Null().Null().Null().Text(DateOfDay(founded_day)).Text("active").Int(created).Int(created);

    // Coverage: units in each local committee's area, most covered by its first grass-roots
    // organization. That is the next id (depth first), so the units follow its row: a commit
    // never holds a unit whose covering organization is not written yet.
    if (id > 1 && tree.depth(id - 1) == 2) {
      const int64_t local = id - 1;
      for (int u = 0; u < kUnitsPerLocal; ++u) {
        const bool covered = rng.Chance(600);
        ++unit_id;
        g.writer.Begin(g.tables.coverage_units)
            .Int(unit_id)
            .Int(local)
            .Text("基准" + std::to_string(unit_id) + "号" + kUnitNames[u % 3])
            .Text(kUnitKinds[u % 3])
            .Int(10 + static_cast<int64_t>(rng.Below(300)));
        if (covered)
          g.writer.Int(id);
        else
          g.writer.Null();
        g.writer.Int(created).Int(created);
        g.tally.Add(local, CounterTally::kUnits, 1);
        if (covered) g.tally.Add(local, CounterTally::kCoveredUnits, 1);
      }
    }
    TS_RETURN_IF_ERROR(g.writer.FlushIfFull());
    g.progress.Update("organizations", id, n);
  }
  g.progress.Finish("organizations", n);
  return Status::Ok();
}

}  // namespace tianshan::generate
