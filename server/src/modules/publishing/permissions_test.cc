// Permission and review-workflow truth tables of the publishing module: every rule for every
// role on every position relative to the grant, column membership, and the actions an article
// offers in each state (the `can` the web shows), with the rule no role lifts — nobody approves
// an article they wrote or submitted.
#include "modules/publishing/permissions.h"

#include <gtest/gtest.h>

#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {
namespace {

using auth::Role;

// /1/ region, /1/2/ city (the grant), /1/2/3/ branch, /1/5/ another city, /9/ another root.
constexpr std::string_view kRegion = "/1/", kCity = "/1/2/", kBranch = "/1/2/3/", kSibling = "/1/5/",
                           kOtherRoot = "/9/";

auth::Actor On(Role role, std::string_view path, int64_t account_id = 1) {
  auth::Actor a;
  a.account_id = account_id;
  a.grants.push_back({0, std::string(path), "", role});
  return a;
}

struct Row {
  Role role;
  std::string_view target;
  bool read, columns, write_plain, write_editor, review_plain, review_reviewer;
};

// Grants on kCity. R: read, C: manage columns, W: write (no membership / column editor),
// V: review (no membership / column reviewer).
const Row kTable[] = {
    //                                  R      C      W      W+ed   V      V+rev
    {Role::kCommitteeAdmin, kCity, true, true, true, true, true, true},
    {Role::kCommitteeAdmin, kBranch, true, true, true, true, true, true},
    {Role::kCommitteeAdmin, kRegion, false, false, false, false, false, false},
    {Role::kCommitteeAdmin, kSibling, false, false, false, false, false, false},
    {Role::kCommitteeAdmin, kOtherRoot, false, false, false, false, false, false},
    {Role::kBranchSecretary, kCity, true, false, false, true, false, true},
    {Role::kBranchSecretary, kBranch, true, false, false, true, false, true},
    {Role::kBranchSecretary, kRegion, false, false, false, false, false, false},
    {Role::kBranchSecretary, kSibling, false, false, false, false, false, false},
    {Role::kCadre, kBranch, true, false, false, true, false, true},
    {Role::kCadre, kRegion, false, false, false, false, false, false},
    {Role::kCadre, kOtherRoot, false, false, false, false, false, false},
    {Role::kMember, kBranch, false, false, false, false, false, false},
    {Role::kYouth, kBranch, false, false, false, false, false, false},
};

TEST(PublishingPermissionsTest, Table) {
  for (const auto& row : kTable) {
    auth::Actor a = On(row.role, kCity);
    SCOPED_TRACE(std::string(auth::RoleName(row.role)) + " on /1/2/ → " + std::string(row.target));
    EXPECT_EQ(CanRead(a, row.target), row.read);
    EXPECT_EQ(CanManageColumns(a, row.target), row.columns);
    EXPECT_EQ(CanWrite(a, row.target, {}), row.write_plain);
    EXPECT_EQ(CanWrite(a, row.target, {.editor = true}), row.write_editor);
    EXPECT_EQ(CanWrite(a, row.target, {.reviewer = true}), row.write_plain) << "a reviewer is not an editor";
    EXPECT_EQ(CanReview(a, row.target, {}), row.review_plain);
    EXPECT_EQ(CanReview(a, row.target, {.reviewer = true}), row.review_reviewer);
    EXPECT_EQ(CanReview(a, row.target, {.editor = true}), row.review_plain) << "an editor is not a reviewer";
  }
  // Membership without any grant on the organization gives nothing.
  EXPECT_FALSE(CanWrite(auth::Actor{}, kCity, {.editor = true, .reviewer = true}));
  EXPECT_FALSE(CanReview(auth::Actor{}, kCity, {.editor = true, .reviewer = true}));
}

TEST(PublishingPermissionsTest, TheManifestNamesTheTable) {
  auto defs = Permissions();
  ASSERT_EQ(defs.size(), 4u);
  EXPECT_EQ(defs[0].name, "publishing.read");
  EXPECT_EQ(defs[1].name, "publishing.columns");
  EXPECT_EQ(defs[2].name, "publishing.write");
  EXPECT_EQ(defs[3].name, "publishing.review");
  for (const auto& row : kTable) {
    auth::Actor a = On(row.role, kCity);
    EXPECT_EQ(defs[0].allows(a, row.target), row.read);
    EXPECT_EQ(defs[1].allows(a, row.target), row.columns);
    EXPECT_EQ(defs[2].allows(a, row.target), row.write_plain);
    EXPECT_EQ(defs[3].allows(a, row.target), row.review_plain);
  }
}

TEST(PublishingPermissionsTest, NobodyApprovesTheirOwnArticle) {
  auth::Actor admin = On(Role::kCommitteeAdmin, kCity, 7);
  EXPECT_FALSE(MayApprove(admin, 7, std::nullopt));
  EXPECT_FALSE(MayApprove(admin, 3, 7)) << "the submitter";
  EXPECT_FALSE(MayApprove(admin, 7, 3)) << "the author";
  EXPECT_TRUE(MayApprove(admin, 3, 3));
  EXPECT_TRUE(MayApprove(admin, 3, std::nullopt));
}

struct WorkflowRow {
  std::string_view state;
  // edit, submit, approve, reject, publish, withdraw for: the author (column editor and
  // reviewer), the committee admin above (who writes and reviews everywhere in the subtree),
  // an editor only, a reader.
  ArticleActions author, reviewer, editor, reader;
};

ArticleActions A(bool edit, bool submit, bool approve, bool reject, bool publish, bool withdraw) {
  return {edit, submit, approve, reject, publish, withdraw};
}

TEST(PublishingPermissionsTest, WorkflowActionsByStateAndRole) {
  const ArticleActions none = A(false, false, false, false, false, false);
  const WorkflowRow rows[] = {
      {"draft", A(true, true, false, false, false, false), A(true, true, false, false, false, false),
       A(true, true, false, false, false, false), none},
      {"submitted", A(false, false, false, true, false, false), A(false, false, true, true, false, false), none, none},
      {"approved", A(false, false, false, true, true, false), A(false, false, false, true, true, false), none, none},
      {"published", A(false, false, false, false, false, true), A(false, false, false, false, false, true), none, none},
      {"withdrawn", A(true, false, false, false, false, false), A(true, false, false, false, false, false),
       A(true, false, false, false, false, false), none},
  };
  auto same = [](const ArticleActions& x, const ArticleActions& y) {
    return x.edit == y.edit && x.submit == y.submit && x.approve == y.approve && x.reject == y.reject &&
           x.publish == y.publish && x.withdraw == y.withdraw;
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(std::string(row.state));
    ArticleAccess access;
    access.article.org_path = std::string(kBranch);
    access.article.status = std::string(row.state);
    access.article.created_by = 1;
    access.article.submitted_by = 1;
    // The author: a cadre who edits and reviews the column.
    access.membership = {.editor = true, .reviewer = true};
    EXPECT_TRUE(same(ActionsFor(On(Role::kCadre, kBranch, 1), access), row.author)) << "author";
    // The committee admin above it, who reviews but did not write it.
    access.membership = {};
    EXPECT_TRUE(same(ActionsFor(On(Role::kCommitteeAdmin, kCity, 2), access), row.reviewer)) << "admin";
    // A column reviewer (cadre) who did not write it.
    access.membership = {.reviewer = true};
    auto reviewer = ActionsFor(On(Role::kCadre, kBranch, 4), access);
    EXPECT_EQ(reviewer.approve, row.reviewer.approve) << "column reviewer";
    // A column editor who is no reviewer.
    access.membership = {.editor = true};
    EXPECT_TRUE(same(ActionsFor(On(Role::kCadre, kBranch, 3), access), row.editor)) << "editor";
    // A cadre of the branch without membership, and an admin of a sibling.
    access.membership = {};
    EXPECT_TRUE(same(ActionsFor(On(Role::kCadre, kBranch, 5), access), row.reader)) << "reader";
    EXPECT_TRUE(same(ActionsFor(On(Role::kCommitteeAdmin, kSibling, 6), access), none)) << "sibling admin";
  }
}

}  // namespace
}  // namespace tianshan::publishing
