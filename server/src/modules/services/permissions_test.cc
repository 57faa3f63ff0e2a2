// Permission table of the services module: every decision for every role on every position
// relative to the grant, and every application action by role, ownership and state.
#include "modules/services/permissions.h"

#include <gtest/gtest.h>

namespace tianshan::services {
namespace {

using auth::Role;

constexpr std::string_view kRegion = "/1/", kCity = "/1/2/", kBranch = "/1/2/3/", kSibling = "/1/5/",
                           kOtherRoot = "/9/";

auth::Actor On(Role role, std::string_view path, int64_t account = 1) {
  auth::Actor a;
  a.account_id = account;
  a.grants.push_back({0, std::string(path), "", role});
  return a;
}

TEST(ServicesPermissionsTest, Table) {
  struct Row {
    Role role;
    std::string_view grant, target;
    bool read, manage;
  };
  const Row table[] = {
      {Role::kCommitteeAdmin, kCity, kCity, true, true},
      {Role::kCommitteeAdmin, kCity, kBranch, true, true},
      {Role::kCommitteeAdmin, kCity, kRegion, false, false},
      {Role::kCommitteeAdmin, kCity, kSibling, false, false},
      {Role::kCommitteeAdmin, kCity, kOtherRoot, false, false},
      {Role::kBranchSecretary, kBranch, kBranch, true, true},
      {Role::kBranchSecretary, kBranch, kCity, false, false},
      {Role::kCadre, kCity, kBranch, true, false},
      {Role::kCadre, kCity, kRegion, false, false},
      {Role::kMember, kBranch, kBranch, false, false},
      {Role::kYouth, kBranch, kBranch, false, false},
  };
  for (const auto& row : table) {
    auth::Actor a = On(row.role, row.grant);
    SCOPED_TRACE(std::string(auth::RoleName(row.role)) + " on " + std::string(row.grant) + " → " +
                 std::string(row.target));
    EXPECT_EQ(CanRead(a, row.target), row.read);
    EXPECT_EQ(CanManage(a, row.target), row.manage);
  }
  auto perms = Permissions();
  ASSERT_EQ(perms.size(), 2u);
  EXPECT_EQ(perms[0].name, "services.read");
  EXPECT_EQ(perms[1].name, "services.manage");
}

TEST(ServicesPermissionsTest, ApplicationActionsByStateAndWho) {
  const auth::Actor manager = On(Role::kBranchSecretary, kBranch, 2), cadre = On(Role::kCadre, kCity, 3),
                    beside = On(Role::kCommitteeAdmin, kSibling, 4), applicant = On(Role::kYouth, kSibling, 7);
  struct Case {
    const char* who;
    const auth::Actor* actor;
    const char* status;
    bool accept, reject, start, complete, withdraw;
  };
  const Case cases[] = {
      {"manager", &manager, "submitted", true, true, false, false, false},
      {"manager", &manager, "accepted", false, true, true, false, false},
      {"manager", &manager, "in_service", false, false, false, true, false},
      {"manager", &manager, "completed", false, false, false, false, false},
      {"manager", &manager, "rejected", false, false, false, false, false},
      {"manager", &manager, "withdrawn", false, false, false, false, false},
      {"cadre", &cadre, "submitted", false, false, false, false, false},
      {"beside", &beside, "submitted", false, false, false, false, false},
      {"applicant", &applicant, "submitted", false, false, false, false, true},
      {"applicant", &applicant, "accepted", false, false, false, false, true},
      {"applicant", &applicant, "in_service", false, false, false, false, false},
  };
  for (const auto& c : cases) {
    Application a;
    a.org_path = std::string(kBranch);
    a.account_id = 7;
    a.status = c.status;
    SCOPED_TRACE(std::string(c.who) + " " + c.status);
    auto can = ApplicationActions(*c.actor, a);
    EXPECT_EQ(can.accept, c.accept);
    EXPECT_EQ(can.reject, c.reject);
    EXPECT_EQ(can.start, c.start);
    EXPECT_EQ(can.complete, c.complete);
    EXPECT_EQ(can.withdraw, c.withdraw);
  }
}

TEST(ServicesPermissionsTest, MessagesAndRatingByWhoAndState) {
  const auth::Actor manager = On(Role::kBranchSecretary, kBranch, 2), above = On(Role::kCommitteeAdmin, kCity, 5),
                    cadre = On(Role::kCadre, kCity, 3), beside = On(Role::kCommitteeAdmin, kSibling, 4),
                    applicant = On(Role::kYouth, kSibling, 7);
  struct Case {
    const char* who;
    const auth::Actor* actor;
    const char* status;
    bool rated;
    bool message, rate;
  };
  const Case cases[] = {
      {"applicant", &applicant, "submitted", false, true, false},
      {"applicant", &applicant, "completed", false, true, true},
      {"applicant", &applicant, "completed", true, true, false},
      {"applicant", &applicant, "withdrawn", false, false, false},
      {"applicant", &applicant, "rejected", false, true, false},
      {"manager", &manager, "in_service", false, true, false},
      {"manager", &manager, "completed", false, true, false},
      {"admin above", &above, "submitted", false, true, false},
      {"manager", &manager, "withdrawn", false, false, false},
      {"cadre", &cadre, "submitted", false, false, false},
      {"admin beside", &beside, "submitted", false, false, false},
  };
  for (const auto& c : cases) {
    Application a;
    a.org_path = std::string(kBranch);
    a.account_id = 7;
    a.status = c.status;
    if (c.rated) a.rating = 4;
    SCOPED_TRACE(std::string(c.who) + " " + c.status + (c.rated ? " rated" : ""));
    auto can = ApplicationActions(*c.actor, a);
    EXPECT_EQ(can.message, c.message);
    EXPECT_EQ(can.rate, c.rate);
  }
}

TEST(ServicesPermissionsTest, WhoSeesAnApplicationAndDownloadsItsFiles) {
  struct Case {
    const char* who;
    auth::Actor actor;
    bool see;
  };
  const Case cases[] = {
      {"applicant (a youth elsewhere)", On(Role::kYouth, kSibling, 7), true},
      {"branch secretary of the handler", On(Role::kBranchSecretary, kBranch, 2), true},
      {"committee admin above", On(Role::kCommitteeAdmin, kCity, 5), true},
      {"cadre above", On(Role::kCadre, kCity, 3), true},
      {"committee admin beside", On(Role::kCommitteeAdmin, kSibling, 4), false},
      {"committee admin of another root", On(Role::kCommitteeAdmin, kOtherRoot, 6), false},
      {"branch secretary below the grant's level", On(Role::kBranchSecretary, "/1/2/3/4/", 9), false},
      {"member of the handler", On(Role::kMember, kBranch, 8), false},
      {"youth of the handler", On(Role::kYouth, kBranch, 10), false},
  };
  for (const auto& c : cases) {
    Application a;
    a.org_path = std::string(kBranch);
    a.account_id = 7;
    SCOPED_TRACE(c.who);
    EXPECT_EQ(CanSeeApplication(c.actor, a), c.see);
  }
  Application anonymous;
  anonymous.org_path = std::string(kBranch);
  auth::Actor nobody;
  EXPECT_FALSE(CanSeeApplication(nobody, anonymous)) << "account 0 is nobody's";
}

TEST(ServicesPermissionsTest, EnrollmentWithdrawalByWhoStateAndDate) {
  const auth::Actor manager = On(Role::kBranchSecretary, kBranch, 2), above = On(Role::kCommitteeAdmin, kCity, 5),
                    cadre = On(Role::kCadre, kCity, 3), beside = On(Role::kCommitteeAdmin, kSibling, 4),
                    guardian = On(Role::kMember, kSibling, 7), other = On(Role::kYouth, kBranch, 8);
  struct Case {
    const char* who;
    const auth::Actor* actor;
    const char* status;
    const char* today;
    bool withdraw;
  };
  const Case cases[] = {
      {"guardian", &guardian, "enrolled", "2026-07-01", true},
      {"guardian", &guardian, "waitlisted", "2026-07-31", true},
      {"guardian", &guardian, "enrolled", "2026-08-01", false},
      {"guardian", &guardian, "withdrawn", "2026-07-01", false},
      {"manager", &manager, "enrolled", "2026-07-01", true},
      {"manager", &manager, "withdrawn", "2026-07-01", false},
      {"admin above", &above, "waitlisted", "2026-07-01", true},
      {"cadre", &cadre, "enrolled", "2026-07-01", false},
      {"admin beside", &beside, "enrolled", "2026-07-01", false},
      {"another account", &other, "enrolled", "2026-07-01", false},
  };
  for (const auto& c : cases) {
    Enrollment e;
    e.org_path = std::string(kBranch);
    e.account_id = 7;
    e.status = c.status;
    e.session_ends_on = "2026-07-31";
    SCOPED_TRACE(std::string(c.who) + " " + c.status + " " + c.today);
    EXPECT_EQ(CanWithdrawEnrollment(*c.actor, e, c.today), c.withdraw);
  }
}

TEST(ServicesPermissionsTest, AnswersAreChecked) {
  const std::vector<Question> qs = {{"need", "需要", "text", true, {}},
                                    {"stage", "阶段", "choice", true, {"想法", "筹备"}},
                                    {"on", "日期", "date", false, {}},
                                    {"n", "数量", "number", false, {}}};
  std::vector<FieldError> errors;
  CollectAnswerErrors(qs, {{"stage", "别的"}, {"on", "2026-02-30"}, {"n", "三"}, {"extra", "x"}}, errors);
  std::vector<std::string> fields;
  for (const auto& e : errors) fields.push_back(e.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"answers.need", "answers.stage", "answers.on", "answers.n", "answers.extra"}));
  errors.clear();
  CollectAnswerErrors(qs, {{"need", "帮助"}, {"stage", "想法"}, {"n", "2.5"}}, errors);
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace tianshan::services
