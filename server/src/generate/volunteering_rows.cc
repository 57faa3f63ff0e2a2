#include "generate/volunteering_rows.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "generate/synthetic.h"
#include "modules/volunteering/public/hours_rule.h"

namespace tianshan::generate {
namespace {

const char* const kCategories[] = {"community", "education", "elder_care", "environment", "culture", "health"};
const char* const kCategoryTitles[] = {"社区便民服务", "青少年课业辅导", "关爱空巢老人",
                                       "河湖环境清洁", "文化惠民演出",   "无偿献血宣传"};

bool HasTeam(const OrgTree& tree, int64_t id) {
  return tree.depth(id) == 2 || (tree.depth(id) == 3 && tree.ordinal(id) % 4 == 1);
}

}  // namespace

Status VolunteeringRows::WritePlan(Generation& g) {
  const OrgTree& tree = g.tree;
  Rng rng(g.seed, 5);
  int64_t shift_id = 0;
  for (int64_t id = 1; id <= tree.size(); ++id) {
    if (!HasTeam(tree, id)) continue;
    PlannedTeam t;
    t.organization_id = id;
    t.team_id = t.project_id = static_cast<int64_t>(teams_.size()) + 1;
    t.path = tree.Path(id);
    const int64_t j = t.team_id;
    const int64_t created = kEpochMillis - (400 + j % 200) * kDayMillis;
    const std::string team_name = tree.Name(id) + "青年志愿服务队";
    g.writer.Begin(g.tables.teams).Int(t.team_id).Int(id).Text(t.path).Text(team_name);
    g.writer.Text("常年开展社区服务、助老助学等志愿服务").Null().Text("active").Int(created).Int(created);
    const size_t c = rng.Below(std::size(kCategories));
    g.writer.Begin(g.tables.projects).Int(t.project_id).Int(id).Text(t.path).Int(t.team_id);
    g.writer.Text(tree.Name(id) + "·" + kCategoryTitles[c])
        .Text(std::string(kCategoryTitles[c]) + "，欢迎青年朋友报名。");
    g.writer.Text(kCategories[c]).Null().Null().Null().Null().Text("public").Text(j % 2 ? "running" : "finished");
    g.writer.Int(created).Int(created);
    g.tally.Add(id, CounterTally::kVolunteerProjects, 1);
    const int64_t volunteers = std::min<int64_t>(kVolunteersPerShift, g.people_count[tree.first_branch(id)]);
    for (int s = 0; s < kShiftsPerProject; ++s) {
      PlannedShift& sh = t.shifts[s];
      sh.id = ++shift_id;
      sh.starts_at = ChinaTimeOnDay(kEpochDay - 20 - (j * 7 + s * 41) % 300, 9);
      sh.ends_at = sh.starts_at + 3 * kHourMillis;
      g.writer.Begin(g.tables.shifts).Int(sh.id).Int(t.project_id).Int(sh.starts_at).Int(sh.ends_at).Int(10);
      g.writer.Int(volunteers).Int(0).Int(0).Text("志愿者").Null().Null().Text("open").Int(created).Int(created);
    }
    teams_.push_back(std::move(t));
    TS_RETURN_IF_ERROR(g.writer.FlushIfFull());
  }
  // The storm project: at the root, recruiting, one shift ten years after the epoch.
  const int64_t storm_project = static_cast<int64_t>(teams_.size()) + 1;
  storm_shift_id_ = shift_id + 1;
  const int64_t starts = ChinaTimeOnDay(kEpochDay + 3'650, 9);
  g.writer.Begin(g.tables.projects).Int(storm_project).Int(1).Text(tree.Path(1)).Null();
  g.writer.Text("基准抢报压力测试项目")
      .Text("用于抢报（同时报名）压力测试的公开项目。")
      .Text("community")
      .Null()
      .Null();
  g.writer.Null().Null().Text("public").Text("recruiting").Int(kEpochMillis).Int(kEpochMillis);
  g.tally.Add(1, CounterTally::kVolunteerProjects, 1);
  g.writer.Begin(g.tables.shifts).Int(storm_shift_id_).Int(storm_project).Int(starts).Int(starts + 4 * kHourMillis);
  g.writer.Int(kStormCapacity).Int(0).Int(0).Int(0).Text("志愿者").Null().Null().Text("open").Int(kEpochMillis);
  g.writer.Int(kEpochMillis);
  return g.writer.FlushIfFull();
}

void VolunteeringRows::WriteActivity(Generation& g, int64_t branch, int64_t first_person,
                                     const std::vector<std::string>& names) {
  std::map<int64_t, int64_t> person_totals;  // over every team of this branch
  while (next_team_ < teams_.size() && g.tree.first_branch(teams_[next_team_].organization_id) == branch) {
    const PlannedTeam& t = teams_[next_team_++];
    const int64_t volunteers = std::min<int64_t>(kVolunteersPerShift, static_cast<int64_t>(names.size()));
    std::map<std::string, int64_t> team_months;
    for (int64_t k = 0; k < volunteers; ++k) {
      const int64_t person = first_person + k;
      const int64_t joined = t.shifts[0].starts_at - 30 * kDayMillis;
      g.writer.Begin(g.tables.team_members).Int(++member_id_).Int(t.team_id).Int(person).Text(names[k]);
      g.writer.Text(k == 0 ? "leader" : "member").Text("active").Null().Int(joined).Int(joined);
      int64_t total = 0;
      std::map<std::string, int64_t> months;
      for (const PlannedShift& sh : t.shifts) {
        const int64_t in = sh.starts_at + k * 5 * kMinuteMillis;
        const int64_t out = sh.ends_at - k * 7 * kMinuteMillis;
        const int64_t minutes = volunteering::CreditedMinutes("national", out - in);
        const std::string month = volunteering::LedgerMonth(in);
        const int64_t signed_up = sh.starts_at - 7 * kDayMillis;
        g.writer.Begin(g.tables.signups).Int(++signup_id_).Int(sh.id).Int(person).Int(0).Text("confirmed").Null();
        g.writer.Int(sh.starts_at).Int(sh.ends_at).Null().Null().Null().Int(signed_up).Int(signed_up);
        g.writer.Begin(g.tables.attendance).Int(++attendance_id_).Int(signup_id_).Int(sh.id).Int(person).Int(in);
        g.writer.Int(out).Text(k % 2 ? "qr" : "leader").Text("qr").Int(ledger_id_ + 1).Int(in).Int(out);
        g.writer.Begin(g.tables.ledger).Int(++ledger_id_).Int(person).Int(t.organization_id).Text(t.path);
        g.writer.Int(t.project_id)
            .Int(t.team_id)
            .Int(sh.id)
            .Text("session")
            .Int(minutes)
            .Int((out - in) / kMinuteMillis);
        g.writer.Text("national").Int(in).Text(month).Null().Null().Null().Int(out + kHourMillis);
        total += minutes;
        months[month] += minutes;
        team_months[month] += minutes;
      }
      g.writer.Begin(g.tables.org_person_totals).Int(t.organization_id).Int(person).Int(total);
      for (const auto& [month, minutes] : months) {
        g.writer.Begin(g.tables.person_months).Int(t.organization_id).Text(t.path).Int(person).Text(month).Int(minutes);
      }
      g.tally.Add(t.organization_id, CounterTally::kVolunteerHoursMinutes, total);
      if (total > 0) g.tally.Add(t.organization_id, CounterTally::kVolunteerVolunteers, 1);
      person_totals[person] += total;
    }
    for (const auto& [month, minutes] : team_months) {
      g.writer.Begin(g.tables.team_months).Int(t.team_id).Text(t.path).Text(month).Int(minutes);
    }
  }
  for (const auto& [person, total] : person_totals) {
    g.writer.Begin(g.tables.volunteers).Int(person).Text(names[person - first_person]).Int(total);
    g.writer.Int(kEpochMillis).Int(kEpochMillis);
  }
}

}  // namespace tianshan::generate
