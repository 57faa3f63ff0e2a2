#include "generate/cadres_rows.h"

#include <algorithm>
#include <array>
#include <string>

#include "generate/synthetic.h"
#include "modules/cadres/public/contact_rules.h"
#include "modules/cadres/public/counters.h"

namespace tianshan::generate {
namespace {

namespace cc = cadres::counter;

constexpr int kTalkEvery = 3;

}  // namespace

CadresRows::CadresRows(const OrgTree& tree) {
  int64_t committees = 0;
  for (int64_t id = 1; id <= tree.size(); ++id) committees += tree.kind(id) != OrgKind::kBranch ? 1 : 0;
  const int64_t wanted = std::max<int64_t>(1, tree.size() / kOrganizationsPerCadre);
  step_ = std::max<int64_t>(1, committees / wanted);
}

Status CadresRows::WritePeriod(Generation& g) {
  g.writer.Begin(g.tables.cadres_period).Int(1).Text(DateOfDay(kEpochDay)).Int(kEpochMillis);
  return g.writer.FlushIfFull();
}

void CadresRows::OnCommitteeSecretary(Generation& g, int64_t committee, int64_t person, int64_t last_person) {
  if (seen_++ % step_ != 0) return;
  if (last_person <= kContactsPerCadre) return;  // not enough people written yet
  const std::string path = g.tree.Path(committee);
  const std::string today = DateOfDay(kEpochDay);
  const std::string help_day = DateOfDay(kEpochDay - 10);
  const int64_t consent_at = kEpochMillis - 30 * kDayMillis;
  const int64_t cadre = ++cadre_id_;
  const int talks = (kContactsPerCadre + kTalkEvery - 1) / kTalkEvery;
  auto& c = g.writer.Begin(g.tables.cadres_cadres).Int(cadre).Int(person).Int(committee).Text(path);
  c.Int(kContactsPerCadre).Int(kContactsPerCadre).Int(static_cast<int64_t>(cadres::kFields.size())).Int(0);
  c.Int(kContactsPerCadre - talks).Int(1).Int(1).Text(help_day).Int(kPostingDays).Int(0).Int(consent_at);
  c.Int(kEpochMillis);

  // The contacts: the people written just before, the cadre left out.
  std::array<int64_t, kContactsPerCadre> contacts{};
  std::array<int64_t, cadres::kFields.size()> by_field{};
  int64_t candidate = last_person;
  for (int i = 0; i < kContactsPerCadre; ++i, --candidate) {
    if (candidate == person) --candidate;
    const int64_t id = contacts[i] = ++contact_id_;
    const size_t field = static_cast<size_t>(i) % cadres::kFields.size();
    ++by_field[field];
    auto& w = g.writer.Begin(g.tables.cadres_contacts).Int(id).Int(cadre).Int(candidate).Int(committee).Text(path);
    w.Text(cadres::kFields[field]).Text("active").Text("invitation").Null().Text(cadres::kConsentVersion);
    w.Int(consent_at).Int(consent_at).Null().Null().Text(today).Text(today);
    if (i % kTalkEvery == 0) {
      w.Text(today);
    } else {
      w.Null();
    }
    w.Int(consent_at).Int(kEpochMillis);
  }
  // One activity and one online exchange with everyone, a talk with every third.
  auto interaction = [&](const char* kind, const char* summary, int from, int every) {
    const int64_t id = ++interaction_id_;
    const int count = (kContactsPerCadre - from + every - 1) / every;
    g.writer.Begin(g.tables.cadres_interactions).Int(id).Int(cadre).Text(path).Text(kind).Text(today).Text(summary);
    g.writer.Int(count).Int(0).Int(kEpochMillis);
    for (int i = from; i < kContactsPerCadre; i += every) {
      g.writer.Begin(g.tables.cadres_interaction_contacts).Int(id).Int(contacts[i]);
    }
  };
  interaction("activity", "新年青年联谊活动", 0, 1);
  interaction("online", "线上交流：转发新年招聘会信息", 0, 1);
  for (int i = 0; i < kContactsPerCadre; i += kTalkEvery) {
    const int64_t id = ++interaction_id_;
    g.writer.Begin(g.tables.cadres_interactions).Int(id).Int(cadre).Text(path).Text("talk").Text(today);
    g.writer.Text("面对面谈心").Int(1).Int(0).Int(kEpochMillis);
    g.writer.Begin(g.tables.cadres_interaction_contacts).Int(id).Int(contacts[i]);
  }
  // Help: one open for 10 days (overdue), one resolved.
  auto& open = g.writer.Begin(g.tables.cadres_help_requests).Int(++help_id_).Int(contacts[1]).Int(cadre).Text(path);
  open.Text("employment").Text("想了解创业扶持政策").Text("open").Null().Text("youth").Text(help_day);
  open.Int(kEpochMillis - 10 * kDayMillis).Int(kEpochMillis - 10 * kDayMillis).Null();
  auto& done = g.writer.Begin(g.tables.cadres_help_requests).Int(++help_id_).Int(contacts[2]).Int(cadre).Text(path);
  done.Text("study").Null().Text("resolved").Text("推荐了青年之家辅导班").Text("youth").Text(help_day);
  done.Int(kEpochMillis - 10 * kDayMillis).Int(kEpochMillis).Int(kEpochMillis);

  // "8+4": last autumn's posting (60 days, all before this year), reported by every second cadre
  // and confirmed by the host, and the one running from today.
  const int64_t host = g.tree.first_branch(committee);
  const std::string host_path = g.tree.Path(host);
  const bool reported = cadre % 2 == 1;
  auto posting = [&](int64_t from, int64_t to, const char* tasks, bool report) {
    const int64_t id = ++posting_id_;
    auto& w = g.writer.Begin(g.tables.cadres_postings).Int(id).Int(cadre).Int(committee).Text(path).Int(host);
    w.Text(host_path).Text(DateOfDay(from)).Text(DateOfDay(to)).Text(tasks).Text("planned");
    if (report) {
      w.Text("走访青年、协助开展活动，完成下沉任务").Int(kEpochMillis).Null().Int(kEpochMillis);
    } else {
      w.Null().Null().Null().Null();
    }
    w.Int(0).Int(kEpochMillis).Int(kEpochMillis);
    g.writer.Begin(g.tables.cadres_posting_logs).Int(++log_id_).Int(id).Text(DateOfDay(from)).Int(180);
    g.writer.Text("走访基层团支部，了解青年需求").Int(kEpochMillis);
  };
  posting(kEpochDay - 90, kEpochDay - 31, "协助基层团支部开展秋季青年活动", reported);
  posting(kEpochDay, kEpochDay + kPostingDays - 1, "协助基层团支部开展青年志愿服务", false);
  g.tally.AddNamed(committee, cc::kPostings, 1);
  g.tally.AddNamed(committee, cc::kPosted, 1);
  g.tally.AddNamed(committee, cc::kPostingDays, kPostingDays);
  g.tally.AddNamed(committee, cc::kUnreported, reported ? 0 : 1);

  g.tally.AddNamed(committee, cc::kCadres, 1);
  g.tally.AddNamed(committee, cc::kAtQuota, 1);
  g.tally.AddNamed(committee, cc::kContacts, kContactsPerCadre);
  g.tally.AddNamed(committee, cc::kFieldsCovered, static_cast<int64_t>(cadres::kFields.size()));
  for (size_t f = 0; f < cadres::kFields.size(); ++f) {
    g.tally.AddNamed(committee, std::string(cc::kFieldPrefix) + std::string(cadres::kFields[f]), by_field[f]);
  }
  g.tally.AddNamed(committee, cc::kTalkDue, kContactsPerCadre - talks);
  g.tally.AddNamed(committee, cc::kHelpOpen, 1);
  g.tally.AddNamed(committee, cc::kHelpOverdue, 1);
}

}  // namespace tianshan::generate
