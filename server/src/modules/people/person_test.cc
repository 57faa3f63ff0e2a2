// Domain rules of people, without I/O: identity numbers (GB 11643), phones, dates, the
// permission table, and the demo identity numbers.

#include "modules/people/public/person.h"

#include <gtest/gtest.h>

#include <set>

#include "modules/people/load_demo_people.h"
#include "modules/people/permissions.h"

namespace tianshan::people {
namespace {

TEST(PersonTest, IdentityChecksum) {
  EXPECT_TRUE(IsValidIdentityNumber("11010519491231002X"));  // the standard's own example
  EXPECT_FALSE(IsValidIdentityNumber("110105194912310021"));
  EXPECT_FALSE(IsValidIdentityNumber("11010519491231002x")) << "normalize first";
  EXPECT_TRUE(IsValidIdentityNumber(NormalizeIdentityNumber(" 11010519491231002x ")));
  EXPECT_FALSE(IsValidIdentityNumber("1101051949123100"));
  EXPECT_FALSE(IsValidIdentityNumber("11010519491331002X")) << "month 13";
  EXPECT_EQ(IdentityBirthDate("11010519491231002X"), "1949-12-31");
}

TEST(PersonTest, PhonesAndDates) {
  EXPECT_TRUE(IsValidMobile("13912345678"));
  EXPECT_FALSE(IsValidMobile("12912345678"));
  EXPECT_FALSE(IsValidMobile("1391234567"));
  EXPECT_FALSE(IsValidMobile("0990-6888888"));
  EXPECT_TRUE(IsValidDate("2000-02-29"));
  EXPECT_FALSE(IsValidDate("2001-02-29"));
}

TEST(PersonTest, CollectsEveryError) {
  PersonFields f{"", "x", "2999-01-01", std::nullopt, "1", "123", std::nullopt, std::nullopt, std::nullopt};
  std::vector<FieldError> errors;
  CollectPersonErrors(f, 1780000000000, errors);
  std::set<std::string> fields;
  for (const auto& e : errors) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"name", "gender", "birth_date", "phone", "identity_number"}));
}

TEST(PersonTest, DemoIdentityNumbersAreValidUniqueAndFictional) {
  std::set<std::string> seen;
  for (int i = 0; i < kDemoPeople; ++i) {
    std::string id = DemoIdentityNumber(i);
    ASSERT_TRUE(IsValidIdentityNumber(id)) << id;
    EXPECT_EQ(id.substr(0, 6), "650000");
    EXPECT_EQ(id[14], '9');
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kDemoPeople));
}

auth::Actor ActorWith(auth::Role role, const std::string& path, std::optional<int64_t> person = std::nullopt) {
  auth::Actor a;
  a.account_id = 1;
  a.person_id = person;
  a.grants.push_back({1, path, "x", role});
  return a;
}

// The permission table of permissions.h, row by row, for a person attached at /1/2/3/.
TEST(PeoplePermissionsTest, Table) {
  using auth::Role;
  const std::string person = "/1/2/3/";
  struct Row {
    Role role;
    std::string grant_path;
    View view;
    bool list, manage, decide_correction;
  };
  const Row rows[] = {
      {Role::kCommitteeAdmin, "/1/", View::kFull, true, true, true},
      {Role::kCommitteeAdmin, "/1/2/3/", View::kFull, true, true, false},      // not above it
      {Role::kCommitteeAdmin, "/1/9/", View::kNone, false, false, false},      // beside
      {Role::kCommitteeAdmin, "/1/2/3/4/", View::kNone, false, false, false},  // below
      {Role::kBranchSecretary, "/1/2/3/", View::kPhone, true, true, false},
      {Role::kBranchSecretary, "/1/2/4/", View::kNone, false, false, false},  // sibling branch
      {Role::kCadre, "/1/", View::kMasked, true, false, false},
      {Role::kMember, "/1/2/3/", View::kNone, false, false, false},
      {Role::kYouth, "/1/2/3/", View::kNone, false, false, false},
      {Role::kCommitteeAdmin, "/", View::kFull, true, true, true},  // platform-wide grant
  };
  for (const auto& r : rows) {
    auth::Actor a = ActorWith(r.role, r.grant_path);
    SCOPED_TRACE(std::string(auth::RoleName(r.role)) + " on " + r.grant_path);
    EXPECT_EQ(PersonView(a, {person}, false), r.view);
    EXPECT_EQ(CanListPeople(a, person), r.list);
    EXPECT_EQ(CanManagePeople(a, person), r.manage);
    EXPECT_EQ(CanHandleTransfers(a, person), r.manage);
    EXPECT_EQ(CanDecideCorrection(a, person), r.decide_correction);
    // The manifest's permission, which gates approve and reject (the permission matrix reads it).
    EXPECT_EQ(FindPermission(Permissions(), "people.decide_correction")->allows(a, person), r.decide_correction);
  }
  // Anyone sees their own record in full; a position path also makes a person visible.
  EXPECT_EQ(PersonView(ActorWith(Role::kYouth, "/1/2/3/", 7), {person}, true), View::kFull);
  EXPECT_EQ(PersonView(ActorWith(Role::kCadre, "/1/8/"), {person, "/1/8/"}, false), View::kMasked);
  auth::Actor none;
  EXPECT_EQ(PersonView(none, {person}, false), View::kNone);
}

// What each side may do next with a transfer, row by row. No row lets one side both release
// and accept: a membership moves only when both sides have said yes.
TEST(PeoplePermissionsTest, TransferActionsTable) {
  struct Row {
    TransferSides sides;
    bool pending, released;
    std::string initiated_by;
    TransferActions expect;  // release, accept, reject, cancel
  };
  const TransferSides self{true, false, false}, sending{false, true, false}, receiving{false, false, true},
      both{false, true, true}, none{};
  const Row rows[] = {
      // started by the receiving side: waits for the sending side
      {receiving, true, false, "receiving", {false, false, false, true}},
      {sending, true, false, "receiving", {true, false, true, false}},
      {self, true, false, "receiving", {false, false, false, true}},
      // released (by the sending side, or at the start by the sending side or the member)
      {receiving, true, true, "receiving", {false, true, true, true}},
      {sending, true, true, "receiving", {false, false, false, false}},
      {sending, true, true, "sending", {false, false, false, true}},
      {receiving, true, true, "sending", {false, true, true, false}},
      {self, true, true, "member", {false, false, false, true}},
      {sending, true, true, "member", {false, false, false, false}},
      {both, true, false, "receiving", {true, false, true, true}},
      {both, true, true, "sending", {false, true, true, true}},
      // transfers from before the rule: either side withdraws
      {receiving, true, true, "", {false, true, true, true}},
      {sending, true, true, "", {false, false, false, true}},
      // decided transfers, and strangers
      {both, false, true, "sending", {false, false, false, false}},
      {none, true, false, "receiving", {false, false, false, false}},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(::testing::Message() << "self=" << r.sides.self << " sending=" << r.sides.sending
                                      << " receiving=" << r.sides.receiving << " pending=" << r.pending
                                      << " released=" << r.released << " by=" << r.initiated_by);
    TransferActions a = AllowedTransferActions(r.sides, r.pending, r.released, r.initiated_by);
    EXPECT_EQ(a.release, r.expect.release);
    EXPECT_EQ(a.accept, r.expect.accept);
    EXPECT_EQ(a.reject, r.expect.reject);
    EXPECT_EQ(a.cancel, r.expect.cancel);
    // Nobody who covers only one side can move a membership alone.
    if (!(r.sides.sending && r.sides.receiving)) {
      EXPECT_FALSE(a.release && a.accept);
    }
    if (!r.released) {
      EXPECT_FALSE(a.accept);
    }
  }
}

// The named permissions of the manifest: every one the README's table names, each deciding
// exactly as the permissions.h function it is built from.
TEST(PeoplePermissionsTest, NamedPermissionsFollowTheFunctions) {
  using auth::Role;
  const auto all = Permissions();
  const std::vector<std::pair<std::string, std::string>> expected = {{"people.read", "person"},
                                                                     {"people.list", "organization"},
                                                                     {"people.create", "organization"},
                                                                     {"people.transfers", "organization"},
                                                                     {"people.corrections", "organization"},
                                                                     {"people.manage_positions", "organization"},
                                                                     {"people.update", "person"},
                                                                     {"people.request_correction", "person"},
                                                                     {"people.decide_correction", "person"},
                                                                     {"people.appoint_position", "person"},
                                                                     {"people.transfer", "person"}};
  ASSERT_EQ(all.size(), expected.size());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].name, expected[i].first);
    EXPECT_EQ(all[i].object, expected[i].second);
    EXPECT_FALSE(all[i].who.empty());
  }
  const std::string path = "/1/2/3/";
  for (Role role : {Role::kCommitteeAdmin, Role::kBranchSecretary, Role::kCadre, Role::kMember, Role::kYouth}) {
    for (const std::string grant : {"/1/", "/1/2/3/", "/1/9/", "/1/2/3/4/"}) {
      auth::Actor a = ActorWith(role, grant);
      SCOPED_TRACE(std::string(auth::RoleName(role)) + " on " + grant);
      auto allows = [&](const char* name) { return FindPermission(all, name)->allows(a, path); };
      EXPECT_EQ(allows("people.read"), PersonView(a, {path}, false) != View::kNone);
      EXPECT_EQ(allows("people.list"), CanListPeople(a, path));
      EXPECT_EQ(allows("people.create"), CanManagePeople(a, path));
      EXPECT_EQ(allows("people.transfers"), CanHandleTransfers(a, path));
      EXPECT_EQ(allows("people.corrections"), CanManagePeople(a, path));
      EXPECT_EQ(allows("people.manage_positions"), CanManagePositions(a, path));
      EXPECT_EQ(allows("people.update"), CanManagePeople(a, path));
      EXPECT_EQ(allows("people.request_correction"), CanManagePeople(a, path));
      EXPECT_EQ(allows("people.decide_correction"), CanDecideCorrection(a, path));
      EXPECT_EQ(allows("people.appoint_position"), CanManagePositions(a, path));
      EXPECT_EQ(allows("people.transfer"), CanHandleTransfers(a, path));
    }
  }
}

// The `can` of a person answer: the role's permission, then the person's state.
TEST(PeoplePermissionsTest, PersonActionsTable) {
  using auth::Role;
  const std::string person = "/1/2/3/";
  struct Row {
    Role role;
    std::string grant_path;
    bool self, member, correction_pending, transfer_pending;
    PersonActions expect;  // update, request_correction, appoint_position, transfer
  };
  const Row rows[] = {
      {Role::kCommitteeAdmin, "/1/", false, true, false, false, {true, true, true, true}},
      {Role::kCommitteeAdmin, "/1/", false, false, false, false, {true, true, true, false}},  // youth
      {Role::kCommitteeAdmin, "/1/", false, true, true, true, {true, false, true, false}},    // pending
      {Role::kBranchSecretary, "/1/2/3/", false, true, false, false, {true, true, true, true}},
      {Role::kBranchSecretary, "/1/2/4/", false, true, false, false, {false, false, false, false}},
      {Role::kCadre, "/1/", false, true, false, false, {false, false, false, false}},
      {Role::kMember, "/1/2/3/", true, true, false, false, {false, false, false, true}},  // own membership
      {Role::kMember, "/1/2/3/", true, true, false, true, {false, false, false, false}},
      {Role::kYouth, "/1/2/3/", true, false, false, false, {false, false, false, false}},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(auth::RoleName(r.role)) + " on " + r.grant_path);
    auto a = AllowedPersonActions(ActorWith(r.role, r.grant_path), person, r.self, r.member, r.correction_pending,
                                  r.transfer_pending);
    EXPECT_EQ(a.update, r.expect.update);
    EXPECT_EQ(a.request_correction, r.expect.request_correction);
    EXPECT_EQ(a.appoint_position, r.expect.appoint_position);
    EXPECT_EQ(a.transfer, r.expect.transfer);
  }
}

}  // namespace
}  // namespace tianshan::people
