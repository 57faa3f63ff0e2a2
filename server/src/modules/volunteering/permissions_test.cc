// Permission table of the volunteering module: every rule for every role on every position
// relative to the grant, the team leader's part, the manifest's named permissions, and the
// `can` each answer about a project, a shift or a team carries.
#include "modules/volunteering/permissions.h"

#include <gtest/gtest.h>

#include <set>

#include "modules/volunteering/projects/project_views.h"
#include "modules/volunteering/teams/team_views.h"

namespace tianshan::volunteering {
namespace {

using auth::Role;

// /1/ region, /1/2/ city (the grant), /1/2/3/ branch, /1/5/ another city, /9/ another root.
constexpr std::string_view kRegion = "/1/", kCity = "/1/2/", kBranch = "/1/2/3/", kSibling = "/1/5/",
                           kOtherRoot = "/9/";

auth::Actor On(Role role, std::string_view path) {
  auth::Actor a;
  a.account_id = 1;
  a.grants.push_back({0, std::string(path), "", role});
  return a;
}

struct Row {
  Role role;
  std::string_view target;
  bool teams, projects, hours, rule, figures, members_only;
};

// Grants on kCity. T: manage teams, P: manage projects, H: approve hours, R: set the hours
// rule, F: read figures, M: see members-only projects.
const Row kTable[] = {
    //                                   T      P      H      R      F      M
    {Role::kCommitteeAdmin, kCity, true, true, true, true, true, true},
    {Role::kCommitteeAdmin, kBranch, true, true, true, true, true, true},
    {Role::kCommitteeAdmin, kRegion, false, false, false, false, false, false},
    {Role::kCommitteeAdmin, kSibling, false, false, false, false, false, false},
    {Role::kCommitteeAdmin, kOtherRoot, false, false, false, false, false, false},
    {Role::kBranchSecretary, kBranch, true, true, true, false, true, true},
    {Role::kBranchSecretary, kSibling, false, false, false, false, false, false},
    {Role::kCadre, kBranch, false, false, false, false, true, true},
    {Role::kMember, kBranch, false, false, false, false, true, true},
    {Role::kYouth, kBranch, false, false, false, false, true, true},
    {Role::kYouth, kRegion, false, false, false, false, false, false},
};

TEST(VolunteerPermissionsTest, Table) {
  for (const auto& row : kTable) {
    auth::Actor a = On(row.role, kCity);
    SCOPED_TRACE(std::string(auth::RoleName(row.role)) + " on /1/2/ → " + std::string(row.target));
    EXPECT_EQ(CanManageTeams(a, row.target), row.teams);
    EXPECT_EQ(CanManageProject(a, row.target, false), row.projects);
    EXPECT_EQ(CanApproveHours(a, row.target, false), row.hours);
    EXPECT_EQ(CanDecideMembers(a, row.target, false), row.teams);
    EXPECT_EQ(CanSetHoursRule(a, row.target), row.rule);
    EXPECT_EQ(CanReadFigures(a, row.target), row.figures);
    EXPECT_EQ(CanSeeMembersOnly(a, row.target, false), row.members_only);
  }
}

TEST(VolunteerPermissionsTest, TeamLeadersAndMembersWithoutGrants) {
  auth::Actor leader;
  leader.account_id = 2;
  leader.person_id = 7;
  for (auto path : {kCity, kOtherRoot}) {
    EXPECT_TRUE(CanManageProject(leader, path, true));
    EXPECT_TRUE(CanApproveHours(leader, path, true));
    EXPECT_TRUE(CanDecideMembers(leader, path, true));
    EXPECT_TRUE(CanSeeMembersOnly(leader, path, true));
    EXPECT_FALSE(CanManageProject(leader, path, false));
    EXPECT_FALSE(CanManageTeams(leader, path));  // adding leaders stays with the organization
    EXPECT_FALSE(CanSetHoursRule(leader, path));
  }
  EXPECT_TRUE(CanVolunteer(leader));
  EXPECT_FALSE(CanVolunteer(On(Role::kCommitteeAdmin, kCity)));  // an account without a person
}

TEST(VolunteerPermissionsTest, ManifestNamesEachRuleOnce) {
  auto all = Permissions();
  std::set<std::string> names;
  for (const auto& p : all) {
    EXPECT_EQ(p.name.rfind("volunteering.", 0), 0u) << p.name;
    EXPECT_TRUE(names.insert(p.name).second) << p.name;
    EXPECT_FALSE(p.who.empty()) << p.name;
    EXPECT_TRUE(p.object == "organization" || p.object == "team" || p.object == "project" || p.object == "shift")
        << p.name;
  }
  auth::Actor secretary = On(Role::kBranchSecretary, kBranch);
  EXPECT_TRUE(FindPermission(all, "volunteering.manage_projects")->allows(secretary, kBranch));
  EXPECT_FALSE(FindPermission(all, "volunteering.manage_projects")->allows(secretary, kCity));
  EXPECT_FALSE(FindPermission(all, "volunteering.set_hours_rule")->allows(secretary, kBranch));
  EXPECT_FALSE(FindPermission(all, "volunteering.sign_up")->allows(secretary, kBranch));  // no person
}

Project ProjectIn(const std::string& status) {
  Project p;
  p.status = status;
  return p;
}

TEST(VolunteerPermissionsTest, ProjectCanFollowsItsStatus) {
  struct Case {
    const char* status;
    bool edit, publish, change_status, add_shift;
  };
  const Case cases[] = {{"draft", true, true, true, true},
                        {"recruiting", true, false, true, true},
                        {"running", true, false, true, true},
                        {"finished", true, false, true, false},
                        {"archived", false, false, false, false}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.status);
    ProjectCan can = ProjectActions(ProjectIn(c.status), true);
    EXPECT_EQ(can.edit, c.edit);
    EXPECT_EQ(can.publish, c.publish);
    EXPECT_EQ(can.change_status, c.change_status);
    EXPECT_EQ(can.add_shift, c.add_shift);
    ProjectCan none = ProjectActions(ProjectIn(c.status), false);
    EXPECT_FALSE(none.edit || none.publish || none.change_status || none.add_shift);
  }
}

TEST(VolunteerPermissionsTest, ShiftCanFollowsTheCallerAndTheClock) {
  const int64_t now = 1'000'000;
  ProjectAccess access{ProjectIn("recruiting"), std::string(kBranch), false, true};
  Shift shift;
  shift.status = "open";
  shift.starts_at = now + 1000;
  shift.ends_at = now + 5000;
  auth::Actor volunteer;
  volunteer.person_id = 3;

  ShiftCan can = ShiftActions(&volunteer, access, shift, std::nullopt, now);
  EXPECT_TRUE(can.sign_up);
  EXPECT_FALSE(can.cancel_sign_up || can.manage_roster || can.cancel);
  EXPECT_FALSE(ShiftActions(nullptr, access, shift, std::nullopt, now).sign_up);  // the public

  SignUp mine;
  mine.status = "waitlisted";
  can = ShiftActions(&volunteer, access, shift, mine, now);
  EXPECT_FALSE(can.sign_up);
  EXPECT_TRUE(can.cancel_sign_up);
  mine.status = "cancelled";
  EXPECT_TRUE(ShiftActions(&volunteer, access, shift, mine, now).sign_up);  // may sign up again

  // Once it has started nobody signs up or cancels; a manager still keeps the roster.
  mine.status = "confirmed";
  access.manager = true;
  can = ShiftActions(&volunteer, access, shift, mine, shift.starts_at);
  EXPECT_FALSE(can.sign_up || can.cancel_sign_up || can.cancel);
  EXPECT_TRUE(can.manage_roster);
  // A project that does not recruit takes no sign-ups; a cancelled shift has no roster to run.
  access.project.status = "finished";
  EXPECT_FALSE(ShiftActions(&volunteer, access, shift, std::nullopt, now).sign_up);
  shift.status = "cancelled";
  EXPECT_FALSE(ShiftActions(&volunteer, access, shift, std::nullopt, now).manage_roster);
}

TEST(VolunteerPermissionsTest, TeamCanFollowsMembership) {
  Team team;
  team.status = "active";
  auth::Actor person;
  person.person_id = 4;
  TeamCan can = TeamActions(&person, team, std::string(kBranch), std::nullopt);
  EXPECT_TRUE(can.join);
  EXPECT_FALSE(can.decide_members || can.add_leader || can.add_project || can.report_hours);

  TeamMember m;
  m.role = "member";
  m.status = "pending";
  EXPECT_FALSE(TeamActions(&person, team, std::string(kBranch), m).join);
  m.status = "rejected";
  EXPECT_TRUE(TeamActions(&person, team, std::string(kBranch), m).join);
  m.status = "active";
  can = TeamActions(&person, team, std::string(kBranch), m);
  EXPECT_TRUE(can.report_hours);
  EXPECT_FALSE(can.join || can.decide_members);
  m.role = "leader";
  can = TeamActions(&person, team, std::string(kBranch), m);
  EXPECT_TRUE(can.decide_members && can.add_project && can.report_hours);
  EXPECT_FALSE(can.add_leader);

  auth::Actor secretary = On(Role::kBranchSecretary, kBranch);
  can = TeamActions(&secretary, team, std::string(kBranch), std::nullopt);
  EXPECT_TRUE(can.decide_members && can.add_leader && can.add_project);
  EXPECT_FALSE(can.join);  // no person
  team.status = "archived";
  can = TeamActions(&secretary, team, std::string(kBranch), std::nullopt);
  EXPECT_FALSE(can.add_project);
  EXPECT_FALSE(TeamActions(nullptr, team, std::string(kBranch), std::nullopt).decide_members);
}

}  // namespace
}  // namespace tianshan::volunteering
