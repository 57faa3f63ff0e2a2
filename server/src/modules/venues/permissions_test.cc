// Permission table of the venues module: every decision for every role on every position
// relative to the grant (the organization itself, below, above, beside, another root), and
// every booking action by role, ownership and state.
#include "modules/venues/permissions.h"

#include <gtest/gtest.h>

namespace tianshan::venues {
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

struct Row {
  Role role;
  std::string_view grant, target;
  bool read, manage;
};

const Row kTable[] = {
    {Role::kCommitteeAdmin, kCity, kCity, true, true},
    {Role::kCommitteeAdmin, kCity, kBranch, true, true},
    {Role::kCommitteeAdmin, kCity, kRegion, false, false},
    {Role::kCommitteeAdmin, kCity, kSibling, false, false},
    {Role::kCommitteeAdmin, kCity, kOtherRoot, false, false},
    {Role::kBranchSecretary, kBranch, kBranch, true, true},
    {Role::kBranchSecretary, kBranch, kCity, false, false},
    {Role::kBranchSecretary, kBranch, kSibling, false, false},
    {Role::kCadre, kCity, kBranch, true, false},
    {Role::kCadre, kCity, kSibling, false, false},
    {Role::kMember, kBranch, kBranch, false, false},
    {Role::kYouth, kBranch, kBranch, false, false},
};

TEST(VenuesPermissionsTest, Table) {
  for (const auto& row : kTable) {
    auth::Actor a = On(row.role, row.grant);
    SCOPED_TRACE(std::string(auth::RoleName(row.role)) + " on " + std::string(row.grant) + " → " +
                 std::string(row.target));
    EXPECT_EQ(CanRead(a, row.target), row.read);
    EXPECT_EQ(CanManage(a, row.target), row.manage);
  }
  auto table = Permissions();
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0].name, "venues.read");
  EXPECT_EQ(table[1].name, "venues.manage");
  EXPECT_TRUE(table[1].allows(On(Role::kCommitteeAdmin, kCity), kBranch));
  EXPECT_FALSE(table[1].allows(On(Role::kCadre, kCity), kBranch));
}

// Booking actions: who (manager inside, manager beside, the booker, another account) × state ×
// checked in or not × before the start, during the booking or after its end.
TEST(VenuesPermissionsTest, BookingActions) {
  constexpr int64_t kStart = 1000, kBefore = 500, kDuring = 1050, kAfter = 1500;
  struct Case {
    const char* who;
    auth::Actor actor;
    std::string status;
    bool checked_in;
    int64_t now;
    bool approve, reject, cancel, no_show, show_code;
  };
  const auth::Actor manager = On(Role::kBranchSecretary, kBranch, 2), beside = On(Role::kCommitteeAdmin, kSibling, 3),
                    booker = On(Role::kYouth, kSibling, 7), other = On(Role::kYouth, kBranch, 8),
                    cadre = On(Role::kCadre, kCity, 9);
  const Case cases[] = {
      {"manager", manager, "pending", false, kBefore, true, true, true, false, false},
      {"manager", manager, "pending", false, kAfter, false, true, false, false, false},
      {"manager", manager, "approved", false, kBefore, false, false, true, false, false},
      {"manager", manager, "approved", false, kDuring, false, false, false, true, false},
      {"manager", manager, "approved", false, kAfter, false, false, false, true, false},
      {"manager", manager, "approved", true, kAfter, false, false, false, false, false},
      {"manager", manager, "rejected", false, kBefore, false, false, false, false, false},
      {"manager", manager, "cancelled", false, kBefore, false, false, false, false, false},
      {"manager", manager, "no_show", false, kAfter, false, false, false, false, false},
      {"beside", beside, "pending", false, kBefore, false, false, false, false, false},
      {"beside", beside, "approved", false, kAfter, false, false, false, false, false},
      {"cadre", cadre, "pending", false, kBefore, false, false, false, false, false},
      {"cadre", cadre, "approved", false, kAfter, false, false, false, false, false},
      {"booker", booker, "pending", false, kBefore, false, false, true, false, false},
      {"booker", booker, "approved", false, kBefore, false, false, true, false, true},
      {"booker", booker, "approved", false, kDuring, false, false, false, false, true},
      {"booker", booker, "approved", true, kDuring, false, false, false, false, false},
      {"booker", booker, "approved", false, kAfter, false, false, false, false, false},
      {"booker", booker, "cancelled", false, kBefore, false, false, false, false, false},
      {"booker", booker, "no_show", false, kAfter, false, false, false, false, false},
      {"other", other, "approved", false, kBefore, false, false, false, false, false},
  };
  for (const auto& c : cases) {
    Booking b;
    b.org_path = std::string(kBranch);
    b.account_id = 7;
    b.starts_at = kStart;
    b.ends_at = kStart + 100;
    b.status = c.status;
    if (c.checked_in) b.checked_in_at = kStart + 5;
    SCOPED_TRACE(std::string(c.who) + " " + c.status + (c.checked_in ? " checked in" : "") + " at " +
                 std::to_string(c.now));
    auto can = BookingActions(c.actor, b, c.now);
    EXPECT_EQ(can.approve, c.approve);
    EXPECT_EQ(can.reject, c.reject);
    EXPECT_EQ(can.cancel, c.cancel);
    EXPECT_EQ(can.no_show, c.no_show);
    EXPECT_EQ(can.show_code, c.show_code);
  }
}

}  // namespace
}  // namespace tianshan::venues
