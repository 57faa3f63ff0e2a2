#include "generate/people_rows.h"

#include "generate/person_maker.h"
#include "generate/synthetic.h"

namespace tianshan::generate {
namespace {

constexpr size_t kNamesKept = 8;  // names of each branch's first people, for volunteering rows

}  // namespace

Status WritePeople(Generation& g, VolunteeringRows& volunteering, CadresRows& cadres, size_t seeds_wanted,
                   std::vector<PersonSeed>& seeds) {
  const OrgTree& tree = g.tree;
  const int64_t n = tree.size();
  PersonMaker maker(g.seed);
  Rng rng(g.seed, 6);
  std::vector<int64_t> committees;  // non-branch organizations in id order: their first branches ascend
  for (int64_t id = 1; id <= n; ++id) {
    if (tree.kind(id) != OrgKind::kBranch) committees.push_back(id);
  }
  size_t next_committee = 0;
  int64_t local = -1, person_id = 0, membership_id = 0, position_id = 0;
  std::vector<std::string> names;
  auto position = [&](int64_t person, int64_t org, const std::string& path, const char* title, const char* employment) {
    const int64_t started_day = kEpochDay - 30 - static_cast<int64_t>(rng.Below(1'500));
    const int64_t created = ChinaTimeOnDay(started_day, 10);
    g.writer.Begin(g.tables.positions).Int(++position_id).Int(person).Int(org).Text(path).Text(title);
    g.writer.Text(employment).Text(DateOfDay(started_day)).Null().Int(created).Int(created);
    g.tally.Add(org, CounterTally::kCadres, 1);
  };
  for (int64_t b = 1; b <= n; ++b) {
    if (tree.kind(b) != OrgKind::kBranch) continue;
    if (int64_t l = tree.local_of(b); l != local) {
      local = l;
      maker.StartRegion(tree.RegionCode(l));
    }
    const std::string path = tree.Path(b);
    const int64_t count = g.people_count[b];
    const int64_t first = person_id + 1;
    names.clear();
    for (int64_t i = 0; i < count; ++i) {
      FakePerson p = maker.Make(++person_id);
      auto& w = g.writer.Begin(g.tables.persons).Int(person_id).Text(p.name).Text(p.male ? "male" : "female");
      w.Text(p.birth_date).OptText(p.ethnicity).OptText(p.phone).OptText(p.identity_number).OptText(p.education);
      w.OptText(p.occupation).Null().Int(b).Text(path).Int(p.member ? 1 : 0).Int(p.created_at).Int(p.created_at);
      if (p.member) {
        g.writer.Begin(g.tables.memberships).Int(++membership_id).Int(person_id).Int(b).Text(path);
        g.writer.Text(p.member_since).Null().Text("active").Int(p.created_at).Null();
      }
      g.tally.Add(b, p.member ? CounterTally::kMembers : CounterTally::kYouth, 1);
      if (seeds.size() < seeds_wanted) seeds.push_back({person_id, b, p.name});
      if (names.size() < kNamesKept) names.push_back(std::move(p.name));
    }
    if (count > 0) position(first, b, path, "secretary", "part_time");
    // Committees whose first branch this is: their secretary is one of its people (a
    // different one per depth, so nobody holds two of these).
    for (; next_committee < committees.size() && tree.first_branch(committees[next_committee]) == b; ++next_committee) {
      const int64_t committee = committees[next_committee];
      const int64_t index = 1 + tree.depth(committee);
      if (index < count) {
        position(first + index, committee, tree.Path(committee), "secretary",
                 tree.depth(committee) <= 2 ? "full_time" : "part_time");
        cadres.OnCommitteeSecretary(g, committee, first + index, person_id);
      }
    }
    volunteering.WriteActivity(g, b, first, names);
    TS_RETURN_IF_ERROR(g.writer.FlushIfFull());
    g.progress.Update("people", person_id, g.spec.people);
  }
  g.progress.Finish("people", person_id);
  return Status::Ok();
}

}  // namespace tianshan::generate
