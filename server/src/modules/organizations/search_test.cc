// Subtree listing with keyset pagination and the indexed substring search, on both databases.
#include <set>

#include "modules/organizations/list_organizations.h"
#include "modules/organizations/organization_search.h"
#include "modules/organizations/test_fixture.h"

namespace tianshan::organizations::testing {
namespace {

using auth::Role;

class OrganizationSearchTest : public OrganizationsTest {
 protected:
  void SetUp() override {
    OrganizationsTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    region_ = Make("新疆维吾尔自治区团委");
    karamay_ = Make("克拉玛依市团委", &region_);
    urumqi_ = Make("乌鲁木齐市团委", &region_);
    district_ = Make("克拉玛依区团委", &karamay_);
    street_ = Make("天山街道团工委", &district_, "working_committee", "street");
    Make("风云社区团支部", &street_, "branch", "community");
    Make("佳福小区团支部", &street_, "branch", "community");
    Make("天山区团委", &urumqi_);  // same words, another city
  }
  // The ids of every page of a search for `q` in `scope`, 3 a page, with an id window of `window`.
  std::vector<int64_t> Walk(const std::string& q, const std::string& scope, int window) {
    std::vector<int64_t> ids;
    SearchRequest req{q, {scope}, {}, std::nullopt, 3, window};
    for (int i = 0; i < 30; ++i) {
      auto page = ctx().db.Read([&](storage::Transaction& tx) { return SearchOrganizationIndex(tx, req); });
      EXPECT_TRUE(page.ok());
      if (!page.ok()) break;
      for (const auto& o : page->items) ids.push_back(o.id);
      if (!page->next_cursor) break;
      req.after_id = std::stoll(*page->next_cursor);
    }
    return ids;
  }
  static std::vector<int64_t> Ids(const OrganizationList& list) {
    std::vector<int64_t> out;
    for (const auto& o : list.items) out.push_back(o.id);
    return out;
  }
  static std::set<std::string> Names(const OrganizationList& list) {
    std::set<std::string> out;
    for (const auto& o : list.items) out.insert(o.fields.name);
    return out;
  }
  Organization region_, karamay_, urumqi_, district_, street_;
};

TEST_P(OrganizationSearchTest, SubtreePagesInPathOrder) {
  auth::Actor admin = AdminOn(karamay_);
  PageRequest page{2, std::nullopt};
  std::vector<std::string> seen;
  for (int i = 0; i < 10; ++i) {
    auto r = ListSubtree(ctx(), admin, karamay_.id, page, {}, std::nullopt);
    ASSERT_TRUE(r.ok()) << r.status().message();
    for (const auto& o : r->items) seen.push_back(o.path);
    if (!r->next_cursor) break;
    page.cursor = r->next_cursor;
  }
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(seen[0], karamay_.path);
  auto branches = ListSubtree(ctx(), admin, karamay_.id, {}, {"branch", std::nullopt, std::nullopt}, std::nullopt);
  EXPECT_EQ(Names(*branches), (std::set<std::string>{"风云社区团支部", "佳福小区团支部"}));
  // A cursor outside the subtree or malformed is a bad request, not a leak.
  EXPECT_EQ(ListSubtree(ctx(), admin, karamay_.id, {2, "p" + urumqi_.path}, {}, std::nullopt).status().code(),
            StatusCode::kInvalid);
  EXPECT_EQ(ListSubtree(ctx(), admin, karamay_.id, {2, "garbage"}, {}, std::nullopt).status().code(),
            StatusCode::kInvalid);
}

TEST_P(OrganizationSearchTest, PrefixSearchPagesAreExactWhetherThePrefixIsCommonOrRare) {
  // Common "甲" names interleaved with others; one rare "丙" name at the end; a window of 10 ids
  // is too small for some pages, so both the window and the index path serve pages.
  std::vector<int64_t> common;
  for (int i = 0; i < 12; ++i) {
    common.push_back(Make("甲" + std::to_string(i) + "社区团支部", &street_, "branch", "community").id);
    Make("乙" + std::to_string(i) + "社区团支部", &street_, "branch", "community");
    if (i % 3 == 0) Make("丁" + std::to_string(i) + "社区团支部", &street_, "branch", "community");
  }
  const int64_t rare = Make("丙社区团支部", &street_, "branch", "community").id;
  EXPECT_EQ(Walk("甲", region_.path, 10), common);
  EXPECT_EQ(Walk("丙", region_.path, 10), std::vector<int64_t>{rare});
  EXPECT_TRUE(Walk("甲", urumqi_.path, 10).empty()) << "the scope applies in the window too";
}

TEST_P(OrganizationSearchTest, TrigramSearchPagesAreExactWhetherTheTermIsCommonOrRare) {
  // "社区团" is in most names below (and in two of the fixture's), "丙社区" in one; a window of
  // 10 ids fills some pages and not others, so on PostgreSQL both the window and the index path
  // serve pages (SQLite's FTS5 needs no window), and each must give the matches in id order.
  std::vector<int64_t> common = Ids(*SearchOrganizations(ctx(), AdminOn(region_), "社区团", {}, {}));
  std::vector<int64_t> others{street_.id};  // 天山街道团工委, the scope's root
  for (int i = 0; i < 12; ++i) {
    common.push_back(Make("甲" + std::to_string(i) + "社区团支部", &street_, "branch", "community").id);
    Make("乙" + std::to_string(i) + "小区团支部", &street_, "branch", "community");
    if (i % 3 == 0) others.push_back(Make("丁" + std::to_string(i) + "街道团工委", &street_).id);
  }
  const int64_t rare = Make("丙社区团支部", &street_, "branch", "community").id;
  common.push_back(rare);
  for (int window : {1, 4, 10, 4096}) {
    EXPECT_EQ(Walk("社区团", region_.path, window), common) << "window " << window;
    EXPECT_EQ(Walk("丙社区", region_.path, window), std::vector<int64_t>{rare}) << "window " << window;
    EXPECT_EQ(Walk("街道团工委", street_.path, window), others) << "window " << window;
    EXPECT_TRUE(Walk("社区团", urumqi_.path, window).empty()) << "the scope applies in the window too";
  }
}

TEST_P(OrganizationSearchTest, SearchFindsSubstringsWithinGrants) {
  auth::Actor region_admin = AdminOn(region_);
  auto r = SearchOrganizations(ctx(), region_admin, "天山街", {}, {});
  ASSERT_TRUE(r.ok()) << r.status().message() << r.status().detail();
  EXPECT_EQ(Names(*r), (std::set<std::string>{"天山街道团工委"}));
  // Substring in the middle of a name.
  EXPECT_EQ(Names(*SearchOrganizations(ctx(), region_admin, "社区团支", {}, {})),
            (std::set<std::string>{"风云社区团支部"}));
  EXPECT_EQ(Names(*SearchOrganizations(ctx(), region_admin, "玛依区", {}, {})),
            (std::set<std::string>{"克拉玛依区团委"}));
  // Only what the caller may see: the Urumqi 天山区团委 is outside a Karamay grant.
  auth::Actor karamay_member = ActorWith(Role::kMember, karamay_);
  EXPECT_EQ(Names(*SearchOrganizations(ctx(), karamay_member, "拉玛依", {}, {})),
            (std::set<std::string>{"克拉玛依市团委", "克拉玛依区团委"}));
  EXPECT_TRUE(SearchOrganizations(ctx(), ActorWith(Role::kMember, urumqi_), "拉玛依", {}, {})->items.empty());
  EXPECT_EQ(Names(*SearchOrganizations(ctx(), karamay_member, "天山", {}, {})),
            (std::set<std::string>{"天山街道团工委"}));
  EXPECT_TRUE(SearchOrganizations(ctx(), auth::Actor{}, "天山街", {}, {})->items.empty());
  // Short queries fall back to a prefix match (of name or short name).
  EXPECT_EQ(Names(*SearchOrganizations(ctx(), region_admin, "天山", {}, {})),
            (std::set<std::string>{"天山街道团工委", "天山区团委"}));
  EXPECT_TRUE(SearchOrganizations(ctx(), region_admin, "团委", {}, {})->items.empty());
  // Within a subtree, with a query.
  auto within = ListSubtree(ctx(), region_admin, urumqi_.id, {}, {}, std::string("天山区"));
  EXPECT_EQ(Names(*within), (std::set<std::string>{"天山区团委"}));
  // LIKE and FTS syntax in the query is just text.
  for (const char* q : {"%%%", "\"天山", "天山 OR 风云", "a_b", "*"}) {
    EXPECT_TRUE(SearchOrganizations(ctx(), region_admin, q, {}, {}).ok()) << q;
  }
  EXPECT_TRUE(SearchOrganizations(ctx(), region_admin, "%%%", {}, {})->items.empty());
  EXPECT_EQ(SearchOrganizations(ctx(), region_admin, "  ", {}, {}).status().code(), StatusCode::kInvalid);
}

TEST_P(OrganizationSearchTest, LettersMatchInEitherCaseAndEverythingElseExactly) {
  // Latin letters are matched without regard to case (ILIKE, FTS5's default); a query of CJK,
  // digits and the names' middle dot has no case (LIKE on PostgreSQL).
  auth::Actor admin = AdminOn(region_);
  Make("ABC科技公司团支部", &karamay_, "branch", "non_public_enterprise");
  Make("ＸＹ·新能源团支部", &karamay_, "branch", "non_public_enterprise");
  Make("阿依·2号井团支部", &karamay_, "branch", "non_public_enterprise");
  for (const char* q : {"abc科技", "ABC科技", "Abc科"}) {
    EXPECT_EQ(Names(*SearchOrganizations(ctx(), admin, q, {}, {})), (std::set<std::string>{"ABC科技公司团支部"})) << q;
  }
  // (Full-width letters go to ILIKE too; whether they fold is up to the database's locale.)
  EXPECT_EQ(Names(*SearchOrganizations(ctx(), admin, "ＸＹ·新", {}, {})), (std::set<std::string>{"ＸＹ·新能源团支部"}));
  EXPECT_EQ(Names(*SearchOrganizations(ctx(), admin, "依·2号", {}, {})), (std::set<std::string>{"阿依·2号井团支部"}));
  EXPECT_EQ(Names(*SearchOrganizations(ctx(), admin, "科技公司", {}, {})),
            (std::set<std::string>{"ABC科技公司团支部"}));
  EXPECT_TRUE(SearchOrganizations(ctx(), admin, "依·3号", {}, {})->items.empty());
}

TEST_P(OrganizationSearchTest, SearchPagesById) {
  auth::Actor admin = AdminOn(region_);
  PageRequest page{1, std::nullopt};
  std::set<std::string> names;
  for (int i = 0; i < 10; ++i) {
    auto r = SearchOrganizations(ctx(), admin, "拉玛依", page, {});
    ASSERT_TRUE(r.ok());
    for (const auto& o : r->items) names.insert(o.fields.name);
    if (!r->next_cursor) break;
    page.cursor = r->next_cursor;
  }
  EXPECT_EQ(names, (std::set<std::string>{"克拉玛依市团委", "克拉玛依区团委"}));
}

TEST_P(OrganizationSearchTest, RenamesReachTheIndex) {
  auth::Actor admin = AdminOn(region_);
  Organization park = Make("高新技术产业开发区团工委", &karamay_, "working_committee", "industrial_park");
  EXPECT_EQ(SearchOrganizations(ctx(), admin, "产业开发", {}, {})->items.size(), 1u);
  ASSERT_TRUE(db().Write([&](storage::Transaction& tx) {
                    return tx.Execute("UPDATE organizations_organizations SET name = ? WHERE id = ?",
                                      {"克拉玛依园区团工委", park.id});
                  })
                  .ok());
  EXPECT_TRUE(SearchOrganizations(ctx(), admin, "产业开发", {}, {})->items.empty());
  EXPECT_EQ(SearchOrganizations(ctx(), admin, "园区团", {}, {})->items.size(), 1u);
}

TS_INSTANTIATE_FOR_DATABASES(OrganizationSearchTest);

}  // namespace
}  // namespace tianshan::organizations::testing
