// The audit log of a subtree: filters (who, what, when), keyset pages, the .xlsx export and
// who may read it — on SQLite and PostgreSQL.

#include <gtest/gtest.h>

#include "core/calendar.h"
#include "core/tables/table.h"
#include "testing/test_server.h"

namespace tianshan::testing {
namespace {

class AuditApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    server().CreateAccount("platform", {{0, auth::Role::kCommitteeAdmin}});
    platform_ = LoggedIn("platform", "password-123");
    region_ = Create(std::nullopt, "自治区团委");
    city_ = Create(region_, "克拉玛依市团委");
    other_root_ = Create(std::nullopt, "兵团团委");
    server().CreateAccount("city-admin", {{city_, auth::Role::kCommitteeAdmin}});
    // Two days later (new sessions) the city admin changes the city; the platform admin adds a
    // branch below it.
    first_day_ = TodayInChina(server().clock().NowMillis());
    server().clock().Advance(2LL * 24 * 3600 * 1000);
    later_day_ = TodayInChina(server().clock().NowMillis());
    platform_ = LoggedIn("platform", "password-123");
    city_admin_ = LoggedIn("city-admin", "password-123");
    EXPECT_EQ(city_admin_->Patch("/api/v1/organizations/" + std::to_string(city_), {{"short_name", "克市团委"}}).status,
              200);
    branch_ = Create(city_, "风云社区团支部");
  }
  int64_t Create(std::optional<int64_t> parent, const std::string& name) {
    nlohmann::json body = {{"name", name}, {"kind", parent ? "branch" : "committee"}, {"setting", "government"}};
    body["parent_id"] = parent ? nlohmann::json(*parent) : nlohmann::json(nullptr);
    if (!parent) body["kind"] = "committee";
    auto r = platform_->Post("/api/v1/organizations", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().value("id", int64_t{0});
  }
  // The entries of the city for `query`; who (`actor`, a login or phone) in the X-Search-Actor
  // header, percent-encoded, as the web sends it.
  nlohmann::json List(HttpClient& c, const std::string& query, const std::string& actor = "") {
    std::map<std::string, std::string> headers;
    if (!actor.empty()) headers["X-Search-Actor"] = actor;
    auto r = c.Get("/api/v1/audit?organization_id=" + std::to_string(city_) + query, headers);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    return r.json();
  }
  static std::vector<std::string> Actions(const nlohmann::json& page) {
    std::vector<std::string> out;
    for (const auto& e : page["items"]) out.push_back(e["action"]);
    return out;
  }
  std::unique_ptr<HttpClient> platform_, city_admin_;
  int64_t region_ = 0, city_ = 0, other_root_ = 0, branch_ = 0;
  std::string first_day_, later_day_;  // China dates of the setup's two days
};

TEST_P(AuditApiTest, FiltersByWhoWhatAndWhenWithinTheSubtree) {
  auto all = List(*city_admin_, "");
  EXPECT_EQ(Actions(all),
            (std::vector<std::string>{"organization.create", "organization.update", "organization.create"}))
      << "the city's own creation, its change and the branch; nothing of the region or the other root";
  EXPECT_EQ(all["items"][0]["actor_name"], "platform");

  auto by_city_admin = List(*city_admin_, "", "city-admin");
  ASSERT_EQ(by_city_admin["items"].size(), 1u);
  EXPECT_EQ(by_city_admin["items"][0]["action"], "organization.update");
  EXPECT_EQ(by_city_admin["items"][0]["actor_name"], "city-admin");
  EXPECT_TRUE(List(*city_admin_, "", "nobody-at-all")["items"].empty());

  EXPECT_EQ(Actions(List(*city_admin_, "&action=organization.create")).size(), 2u);
  EXPECT_EQ(List(*city_admin_, "&entity_type=organization&action=organization.update")["items"].size(), 1u);

  // The setup created the city on the first day and changed it two days later.
  const std::string& first = first_day_;
  const std::string& later = later_day_;
  EXPECT_EQ(Actions(List(*city_admin_, "&until=" + first)), std::vector<std::string>{"organization.create"});
  EXPECT_EQ(List(*city_admin_, "&since=" + later)["items"].size(), 2u);
  EXPECT_EQ(List(*city_admin_, "&since=" + first + "&until=" + later)["items"].size(), 3u);
}

TEST_P(AuditApiTest, PagesAreKeysetPagesNewestFirst) {
  auto one = List(*city_admin_, "&limit=2");
  ASSERT_EQ(one["items"].size(), 2u);
  ASSERT_TRUE(one["next_cursor"].is_string());
  auto two = List(*city_admin_, "&limit=2&cursor=" + one["next_cursor"].get<std::string>());
  ASSERT_EQ(two["items"].size(), 1u);
  EXPECT_TRUE(two["next_cursor"].is_null());
  EXPECT_GT(one["items"][1]["id"].get<int64_t>(), two["items"][0]["id"].get<int64_t>());
}

TEST_P(AuditApiTest, BadFiltersAreNamedAnd422) {
  struct Case {
    std::string query;
    std::string field;
  };
  EXPECT_EQ(city_admin_->Get("/api/v1/audit?organization_id=" + std::to_string(city_) + "&limit=0").status, 422);
  for (const Case& c : {Case{"&since=2026-13-01", "since"}, Case{"&until=yesterday", "until"},
                        Case{"&since=2026-05-02&until=2026-05-01", "until"}}) {
    for (const char* route : {"/api/v1/audit?organization_id=", "/api/v1/audit/export?organization_id="}) {
      auto r = city_admin_->Get(route + std::to_string(city_) + c.query);
      EXPECT_EQ(r.status, 422) << route << c.query;
      EXPECT_EQ(r.error_fields(), std::vector<std::string>{c.field}) << route << c.query;
    }
  }
}

// ASVS 8.3.1, 13.1.3: who may be given as a phone number, so it travels in the X-Search-Actor
// header, percent-encoded, never in the URL (access logs, browser history and proxies keep
// URLs). An ?actor= is refused with a 422 naming actor and the header, on the list and its
// export, not ignored (an old client would otherwise get everyone's entries).
TEST_P(AuditApiTest, WhoGoesInAHeaderNeverInTheUrl) {
  Status phoned = server().app().context().db.Write([](storage::Transaction& tx) -> Status {
    return tx.Execute("UPDATE auth_accounts SET phone = ? WHERE login = ?", {"13912345678", "city-admin"}).status();
  });
  ASSERT_TRUE(phoned.ok()) << phoned.message();
  auto by_phone = List(*city_admin_, "", "13912345678");
  ASSERT_EQ(by_phone["items"].size(), 1u);
  EXPECT_EQ(by_phone["items"][0]["actor_name"], "city-admin");
  EXPECT_EQ(List(*city_admin_, "", "%20%20")["items"].size(), 3u) << "a blank actor filters nothing";

  const std::string city = std::to_string(city_);
  for (const char* route : {"/api/v1/audit?organization_id=", "/api/v1/audit/export?organization_id="}) {
    for (const std::string& actor : {std::string("13912345678"), std::string("city-admin"), std::string()}) {
      auto refused = city_admin_->Get(route + city + "&actor=" + actor);
      EXPECT_EQ(refused.status, 422) << route << actor;
      EXPECT_EQ(refused.error_fields(), std::vector<std::string>{"actor"}) << refused.body;
      EXPECT_NE(refused.body.find("X-Search-Actor"), std::string::npos) << "the problem says where who goes";
      EXPECT_EQ(refused.body.find("13912345678"), std::string::npos) << "the answer does not repeat it";
    }
    // Percent-encoding that does not decode to UTF-8 text, and more than 100 characters.
    for (const std::string& bad :
         {std::string("%E6%9E"), std::string("%ZZ"), std::string("%FF"), std::string("%00"), std::string(101, 'a')}) {
      auto r = city_admin_->Get(route + city, {{"X-Search-Actor", bad}});
      EXPECT_EQ(r.status, 422) << route << bad;
      EXPECT_EQ(r.error_fields(), std::vector<std::string>{"actor"}) << r.body;
    }
    // Every field error at once: the refused actor beside a bad date.
    auto both = city_admin_->Get(route + city + "&actor=city-admin&since=2026-13-01");
    EXPECT_EQ(both.status, 422);
    EXPECT_EQ(both.error_fields(), (std::vector<std::string>{"actor", "since"})) << both.body;
  }
}

TEST_P(AuditApiTest, OnlyCommitteeAdminsOfTheSubtreeReadIt) {
  // Above the caller's grant, beside it, and a branch secretary inside it: 404 (ids reveal nothing).
  for (int64_t org : {region_, other_root_}) {
    EXPECT_EQ(city_admin_->Get("/api/v1/audit?organization_id=" + std::to_string(org)).status, 404);
    EXPECT_EQ(city_admin_->Get("/api/v1/audit/export?organization_id=" + std::to_string(org)).status, 404);
  }
  server().CreateAccount("secretary", {{branch_, auth::Role::kBranchSecretary}});
  auto secretary = LoggedIn("secretary", "password-123");
  EXPECT_EQ(secretary->Get("/api/v1/audit?organization_id=" + std::to_string(branch_)).status, 404);
  EXPECT_EQ(city_admin_->Get("/api/v1/audit?organization_id=" + std::to_string(branch_)).status, 200);
  EXPECT_EQ(Client()->Get("/api/v1/audit?organization_id=" + std::to_string(city_)).status, 401);
}

TEST_P(AuditApiTest, ExportIsAnXlsxOfTheFilteredEntries) {
  auto r = city_admin_->Get("/api/v1/audit/export?organization_id=" + std::to_string(city_),
                            {{"X-Search-Actor", "city-admin"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(r.body.substr(0, 2), "PK") << "a zip container";
  EXPECT_NE(r.header("content-disposition").find("attachment"), std::string::npos);
  auto table = tables::ReadXlsx(r.body);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->rows.size(), 2u) << "the header and the one entry by city-admin";
  EXPECT_EQ(table->rows[0][1].text, "时间");
  EXPECT_EQ(table->rows[1][2].text, "city-admin");
  EXPECT_EQ(table->rows[1][3].text, "organization.update");
}

TS_INSTANTIATE_FOR_DATABASES(AuditApiTest);

}  // namespace
}  // namespace tianshan::testing
