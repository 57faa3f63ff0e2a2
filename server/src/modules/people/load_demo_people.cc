#include "modules/people/load_demo_people.h"

#include <chrono>
#include <cstdio>
#include <map>

#include "modules/organizations/public/counters.h"
#include "modules/people/appoint_position.h"
#include "modules/people/create_person.h"
#include "modules/people/use_case_support.h"

namespace tianshan::people {
namespace {

constexpr const char* kSurnames[] = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴",
                                     "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗",
                                     "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
constexpr const char* kGiven[] = {"示例", "演示", "样例", "示范", "测例", "虚拟", "假设", "样本"};
constexpr const char* kSuffix[] = {"", "甲", "乙", "丙", "丁", "戊"};
// GB/T 3304 codes: 汉族, 维吾尔族, 哈萨克族, 回族, 蒙古族, 柯尔克孜族 (code_lists.h).
constexpr const char* kEthnicities[] = {"01", "05", "17", "03", "02", "29"};
// GB/T 4658 codes: 普通高中, 大学专科, 大学本科, 硕士研究生.
constexpr const char* kEducation[] = {"60", "30", "20", "14"};
constexpr const char* kOccupations[] = {"学生", "职员", "个体经营", "社区工作者", "教师", "工人"};

std::string BirthDate(int i) {
  using namespace std::chrono;
  // 37 is coprime with 4000, so birth dates are distinct for i < 4000.
  sys_days day = sys_days(year{1994} / January / 1) + days((i * 37) % 4000);
  year_month_day ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string DemoName(int i) { return std::string(kSurnames[i % 30]) + kGiven[(i / 30) % 8] + kSuffix[(i / 240) % 6]; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

CreatePersonInput DemoPerson(int i, int64_t org_id, bool member) {
  CreatePersonInput in;
  PersonFields& f = in.fields;
  f.name = DemoName(i);
  f.identity_number = DemoIdentityNumber(i);
  f.birth_date = BirthDate(i);
  f.gender = IdentityGender(*f.identity_number);
  f.ethnicity = kEthnicities[i % 6];
  if (i % 3 != 0) {
    char phone[16];
    std::snprintf(phone, sizeof phone, "1990000%04d", i % 10000);
    f.phone = phone;
  }
  f.education = kEducation[i % 4];
  f.occupation = kOccupations[i % 6];
  if (member) {
    char number[24];
    std::snprintf(number, sizeof number, "DEMO%06d", i);
    in.membership = NewMembership{org_id, std::to_string(std::stoi(f.birth_date.substr(0, 4)) + 15) + "-09-01", number};
  } else {
    in.organization_id = org_id;
  }
  return in;
}

}  // namespace

std::string DemoIdentityNumber(int i) {
  std::string birth = BirthDate(i);
  char first17[32];
  std::snprintf(first17, sizeof first17, "650000%s%s%s9%02d", birth.substr(0, 4).c_str(), birth.substr(5, 2).c_str(),
                birth.substr(8, 2).c_str(), i % 100);
  return std::string(first17) + IdentityCheckChar(first17);
}

Status LoadDemoPeople(AppContext& ctx, DemoContext& demo) {
  std::vector<std::pair<std::string, int64_t>> branches, committees;
  for (const auto& [name, id] : demo.organization_ids) {
    if (EndsWith(name, "团支部")) branches.emplace_back(name, id);
    if (EndsWith(name, "团委") || EndsWith(name, "团工委")) committees.emplace_back(name, id);
  }
  if (branches.empty()) return Status::Ok();  // no demo network: nothing to attach people to
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    std::map<int64_t, std::string> paths;
    for (const auto& list : {branches, committees}) {
      for (const auto& [name, id] : list) {
        TS_ASSIGN_OR_RETURN(auto ref, FindOrganizationRef(tx, ctx, id));
        if (!ref) return Status::Internal("error.internal").WithDetail("demo organization " + name + " missing");
        paths[id] = ref->path;
      }
    }
    std::map<std::pair<int64_t, std::string_view>, int64_t> deltas;
    int i = 0;
    auto add = [&](int64_t org, bool member) -> Result<int64_t> {
      auto in = DemoPerson(i++, org, member);
      TS_ASSIGN_OR_RETURN(int64_t id, InsertPersonUnchecked(tx, ctx, in, paths.at(org), false));
      ++deltas[{org, member ? organizations::counter::kMembers : organizations::counter::kYouth}];
      return id;
    };
    auto appoint = [&](int64_t person, int64_t org, const char* title, const char* employment) -> Status {
      AppointPositionInput in{org, title, employment, "2024-01-01"};
      TS_RETURN_IF_ERROR(InsertPositionUnchecked(tx, ctx, person, in, paths.at(org), false));
      ++deltas[{org, organizations::counter::kCadres}];
      return Status::Ok();
    };
    // The demo accounts' people first, so their ids are stable.
    auto fengyun = demo.organization_ids.find("风云社区团支部");
    auto karamay = demo.organization_ids.find("克拉玛依市团委");
    if (fengyun != demo.organization_ids.end()) {
      TS_ASSIGN_OR_RETURN(int64_t secretary, add(fengyun->second, true));
      TS_RETURN_IF_ERROR(appoint(secretary, fengyun->second, "secretary", "part_time"));
      demo.person_ids["branch-secretary"] = secretary;
      TS_ASSIGN_OR_RETURN(demo.person_ids["member"], add(fengyun->second, true));
      TS_ASSIGN_OR_RETURN(demo.person_ids["youth"], add(fengyun->second, false));
    }
    if (karamay != demo.organization_ids.end()) {
      TS_ASSIGN_OR_RETURN(int64_t cadre, add(karamay->second, true));
      TS_RETURN_IF_ERROR(appoint(cadre, karamay->second, "committee_member", "full_time"));
      demo.person_ids["cadre"] = cadre;
    }
    // Committees: a full-time secretary and deputy each.
    for (const auto& [name, id] : committees) {
      TS_ASSIGN_OR_RETURN(int64_t secretary, add(id, true));
      TS_RETURN_IF_ERROR(appoint(secretary, id, "secretary", "full_time"));
      TS_ASSIGN_OR_RETURN(int64_t deputy, add(id, true));
      TS_RETURN_IF_ERROR(appoint(deputy, id, "deputy_secretary", "full_time"));
    }
    // Branches: everyone else, seven in ten members; the first two of each are its cadres.
    std::map<int64_t, int> seen;
    while (i < kDemoPeople) {
      int64_t org = branches[i % branches.size()].second;
      bool member = i % 10 < 7;
      TS_ASSIGN_OR_RETURN(int64_t person, add(org, member));
      if (member && seen[org] < 2) {
        bool fengyun_branch = fengyun != demo.organization_ids.end() && org == fengyun->second;
        const char* title = seen[org] == 0 && !fengyun_branch ? "secretary" : "committee_member";
        TS_RETURN_IF_ERROR(appoint(person, org, title, "part_time"));
        ++seen[org];
      }
    }
    for (const auto& [key, delta] : deltas) {
      TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, key.first, key.second, delta));
    }
    return ctx.audit.Record(tx, {.action = "people.demo_load",
                                 .entity_type = "people",
                                 .entity_id = std::to_string(i),
                                 .after_json = "{\"people\":" + std::to_string(i) + "}",
                                 .request_id = "demo"});
  });
}

}  // namespace tianshan::people
