#include "modules/volunteering/load_demo.h"

#include <algorithm>

#include "modules/volunteering/hours/confirm_hours.h"
#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/person_lookup.h"
#include "modules/volunteering/projects/create_project.h"
#include "modules/volunteering/projects/create_shift.h"
#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/signups/signup_repository.h"
#include "modules/volunteering/teams/create_team.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {
namespace {

constexpr int64_t kHour = 3600LL * 1000;
constexpr int64_t kDay = 24 * kHour;

struct Volunteer {
  int64_t person_id;
  std::string name;
};

struct DemoProject {
  const char* title;
  const char* category;
  const char* brand;
  const char* location;
  const char* status;
  int team;         // index into teams
  int past_shifts;  // each with 6 volunteers, sessions of varying length
  bool upcoming;    // one future shift open for sign-up
};

const DemoProject kProjects[] = {
    {"行星团青年志愿者·社区环境清洁行动", "environment", "行星团", "克拉玛依区天山街道", "running", 0, 4, true},
    {"行星团·关爱空巢老人上门探访", "elder_care", "行星团", "天山街道各社区", "running", 0, 3, false},
    {"暑期爱心托管班（流动务工人员子女）", "education", "暑期爱心托管班", "天山街道社区服务中心", "finished", 1, 5,
     false},
    {"风云社区便民服务日", "community", nullptr, "克拉玛依区风云社区", "recruiting", 2, 2, true},
};

// How many other demo people of 风云社区 volunteer besides the demo accounts' people, and how
// far past them the people demo's ids are read to find them.
constexpr int kMoreVolunteers = 12;
constexpr int64_t kIdsToRead = 1000;

Result<int64_t> Org(const DemoContext& demo, const char* name) {
  auto it = demo.organization_ids.find(name);
  if (it == demo.organization_ids.end()) return Status::NotFound("volunteer.organization_unknown").WithDetail(name);
  return it->second;
}

// The demo accounts' people of 风云社区 (branch secretary, member, young person), then up to
// kMoreVolunteers other people the people demo attached to 风云社区, read through the people
// module's public contract: the ids after the demo accounts' people, as 风云社区's secretary sees
// them (people of other branches are not visible and are passed over).
Result<std::vector<Volunteer>> DemoVolunteers(storage::Transaction& tx, const AppContext& ctx, DemoContext& demo,
                                              const auth::OrganizationRef& fengyun) {
  std::vector<Volunteer> volunteers;
  int64_t last_id = 0;
  for (const char* key : {"branch-secretary", "member", "youth"}) {
    auto it = demo.person_ids.find(key);
    if (it == demo.person_ids.end()) continue;
    auth::Actor self;
    self.person_id = it->second;
    TS_ASSIGN_OR_RETURN(auto p, FindPersonFor(tx, ctx, self, it->second));
    volunteers.push_back({p.id, p.name});
    last_id = std::max(last_id, p.id);
  }
  auth::Actor secretary;
  secretary.grants.push_back({fengyun.id, fengyun.path, "", auth::Role::kBranchSecretary});
  int found = 0;
  for (int64_t id = last_id + 1; id <= last_id + kIdsToRead && found < kMoreVolunteers; ++id) {
    auto p = FindPersonFor(tx, ctx, secretary, id);
    if (!p.ok()) {
      if (p.status().code() == StatusCode::kNotFound) continue;
      return p.status();
    }
    volunteers.push_back({p->id, p->name});
    demo.person_ids["volunteer-" + std::to_string(++found)] = p->id;
  }
  return volunteers;
}

}  // namespace

Status LoadDemoVolunteering(AppContext& ctx, DemoContext& demo) {
  if (!demo.organization_ids.count("天山街道团工委") || !demo.person_ids.count("branch-secretary")) {
    return Status::Ok();
  }
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(int64_t street, Org(demo, "天山街道团工委"));
    TS_ASSIGN_OR_RETURN(int64_t district, Org(demo, "克拉玛依区团委"));
    TS_ASSIGN_OR_RETURN(int64_t fengyun, Org(demo, "风云社区团支部"));
    TS_ASSIGN_OR_RETURN(auto fengyun_ref, FindOrganization(tx, ctx, fengyun));

    TS_ASSIGN_OR_RETURN(auto volunteers, DemoVolunteers(tx, ctx, demo, fengyun_ref));
    for (const auto& v : volunteers) TS_RETURN_IF_ERROR(LockVolunteer(tx, v.person_id, v.name, now));

    // Teams, led by the branch secretary; everyone else joins by (approved) application.
    const Volunteer& leader = volunteers.front();
    std::vector<Team> teams;
    const std::vector<CreateTeamInput> team_inputs = {
        {street, "行星团青年志愿者", "天山街道青年志愿者队伍，常年开展社区清洁、助老探访等志愿服务", std::nullopt, {}},
        {district,
         "暑期爱心托管班志愿者队",
         "为流动务工人员子女开设暑期爱心托管班的青年志愿者",
         "天山“心”家园社工服务社",
         {}},
        {fengyun, "风云社区青年志愿服务队", "风云社区便民服务、邻里互助", std::nullopt, {}},
    };
    for (const auto& in : team_inputs) {
      TS_ASSIGN_OR_RETURN(auto team, CreateTeamUnchecked(tx, ctx, in, {{leader.person_id, leader.name}}));
      for (size_t i = 1; i < volunteers.size(); ++i) {
        TeamMember m{0, team.id, volunteers[i].person_id, volunteers[i].name, "member", "active", std::nullopt, now};
        TS_RETURN_IF_ERROR(UpsertMember(tx, m, now));
      }
      teams.push_back(team);
    }

    // Projects with past shifts (checked in and out, hours confirmed) and upcoming ones.
    int shift_no = 0;
    for (const auto& d : kProjects) {
      CreateProjectInput in;
      in.team_id = teams[d.team].id;
      in.fields.title = d.title;
      in.fields.category = d.category;
      if (d.brand) in.fields.brand = d.brand;
      in.fields.location = d.location;
      in.fields.contact = "天山街道团工委 0990-6888888";
      in.fields.description = std::string(d.title) + "：欢迎青年朋友报名参加。";
      TS_ASSIGN_OR_RETURN(auto project, CreateProjectUnchecked(tx, ctx, in, d.status));
      TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, project.organization_id));
      for (int s = 0; s < d.past_shifts; ++s, ++shift_no) {
        CreateShiftInput si;
        si.starts_at = now - (70 - shift_no * 4) * kDay + 9 * kHour;
        si.ends_at = si.starts_at + 3 * kHour;
        si.capacity = 8;
        si.role = "志愿者";
        TS_ASSIGN_OR_RETURN(auto shift, InsertShiftUnchecked(tx, ctx, project.id, si));
        for (int k = 0; k < 6; ++k) {
          const auto& v = volunteers[(shift_no * 3 + k) % volunteers.size()];
          SignUp su;
          su.shift_id = shift.id;
          su.person_id = v.person_id;
          su.account_id = 0;
          su.status = "confirmed";
          su.starts_at = shift.starts_at;
          su.ends_at = shift.ends_at;
          TS_ASSIGN_OR_RETURN(bool seated, TakeSeat(tx, shift.id, now));
          if (!seated) return Status::Internal("error.internal").WithDetail("demo shift full");
          TS_ASSIGN_OR_RETURN(su.id, SaveSignUp(tx, su, now));
          int64_t in_at = shift.starts_at + k * 5 * 60000;
          TS_ASSIGN_OR_RETURN(bool checked_in, InsertCheckIn(tx, su, in_at, k % 2 ? "qr" : "leader", now));
          if (!checked_in) return Status::Internal("error.internal").WithDetail("demo check-in");
          TS_ASSIGN_OR_RETURN(auto a, FindAttendance(tx, su.id));
          int64_t out_at = shift.ends_at - k * 7 * 60000;
          TS_RETURN_IF_ERROR(SetCheckOut(tx, a->id, out_at, "qr", now));
          a->checked_out_at = out_at;
          TS_RETURN_IF_ERROR(
              ConfirmSessionUnchecked(tx, ctx, project, org.path, *a, "national", std::nullopt).status());
        }
      }
      if (d.upcoming) {
        CreateShiftInput si;
        si.starts_at = now + 7 * kDay + 9 * kHour;
        si.ends_at = si.starts_at + 3 * kHour;
        si.capacity = 20;
        si.role = "志愿者";
        si.requirements = "请穿志愿者马甲，提前 10 分钟到场";
        TS_RETURN_IF_ERROR(InsertShiftUnchecked(tx, ctx, project.id, si).status());
      }
    }
    // Two self-reported hours awaiting the leader's decision.
    for (int i = 1; i <= 2 && i < static_cast<int>(volunteers.size()); ++i) {
      HourReport r;
      r.person_id = volunteers[i].person_id;
      r.team_id = teams[0].id;
      r.worked_on = ChinaDate(now - i * 3 * kDay);
      r.minutes = 90;
      r.description = "协助社区整理捐赠物资（未扫码签到）";
      TS_RETURN_IF_ERROR(InsertHourReport(tx, r, now).status());
    }
    return ctx.audit.Record(tx, {.action = "volunteering.demo_load",
                                 .entity_type = "volunteering",
                                 .entity_id = std::to_string(teams.size()),
                                 .after_json = "{\"teams\":" + std::to_string(teams.size()) + "}",
                                 .request_id = "demo"});
  });
}

}  // namespace tianshan::volunteering
