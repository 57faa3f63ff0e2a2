// The trust rules of "1+100" through the HTTP API on SQLite and PostgreSQL: every kind of bad
// input is a clear 4xx naming the field and changes nothing; two acceptances racing make one
// contact; nobody but the two parties — not a committee admin above them, not the young
// person's branch secretary — obtains the contacted young person's identity by any route.

#include <thread>

#include "core/tables/table.h"
#include "modules/cadres/api_test_fixture.h"

namespace tianshan::cadres::testing {
namespace {

class CadresTrustApiTest : public CadresApiTest {
 protected:
  // What an observer could compare before and after a refused request.
  std::string Snapshot(HttpClient& cadre, HttpClient& admin) {
    return cadre.Get("/api/v1/cadres/me/contacts?status=all").body + Figures(admin).dump() +
           cadre.Get("/api/v1/cadres/me/interactions").body;
  }
};

TEST_P(CadresTrustApiTest, EveryBadInputNamesTheFieldAndChangesNothing) {
  auto cadre = LoggedIn("cadre");
  auto admin = LoggedIn("karamay-admin");
  auto young = MakeYouth("young-c");
  auto other = MakeYouth("young-d");
  auto child = MakeYouth("child", "2013-06-01");  // 12 years old on the test clock's day
  auto older = MakeYouth("older", "1990-01-01");  // 36
  const std::string link = PersonalLink(*cadre);
  const int64_t contact = Accept(*young.client, link);
  const std::string today = cadre->Get("/api/v1/cadres/me").json()["period"]["as_of"];
  const std::string before = Snapshot(*cadre, *admin);

  struct Case {
    const char* what;
    std::function<HttpResult()> send;
    int status;
    std::vector<std::string> fields;
  };
  const std::string version = young.client->Get("/api/v1/cadres/invitations/" + link).json()["consent"]["version"];
  auto consent = [&](const char* field = "student") {
    return nlohmann::json{{"field", field}, {"consent_version", version}};
  };
  std::vector<Case> cases = {
      {"inviting a child under 14",
       [&] {
         return cadre->Post("/api/v1/cadres/me/invitations", nlohmann::json{{"person_id", child.person_id}});
       },
       422,
       {"person_id"}},
      {"inviting someone over 35",
       [&] {
         return cadre->Post("/api/v1/cadres/me/invitations", nlohmann::json{{"person_id", older.person_id}});
       },
       422,
       {"person_id"}},
      {"a child accepting a personal link",
       [&] { return child.client->Post("/api/v1/cadres/invitations/" + link + "/accept", consent()); },
       422,
       {"birth_date"}},
      {"an account without a cadre position inviting",
       [&] { return LoggedIn("member")->Post("/api/v1/cadres/me/invitations", nlohmann::json::object()); },
       403,
       {}},
      {"a second contact between the same pair (addressed)",
       [&] {
         return cadre->Post("/api/v1/cadres/me/invitations", nlohmann::json{{"person_id", young.person_id}});
       },
       409,
       {"person_id"}},
      {"a second contact between the same pair (the link again)",
       [&] { return young.client->Post("/api/v1/cadres/invitations/" + link + "/accept", consent()); },
       409,
       {"token"}},
      {"an outdated consent text",
       [&] {
         return other.client->Post("/api/v1/cadres/invitations/" + link + "/accept",
                                   nlohmann::json{{"field", "student"}, {"consent_version", "v0"}});
       },
       422,
       {"consent_version"}},
      {"a field outside the platform's list",
       [&] { return other.client->Post("/api/v1/cadres/invitations/" + link + "/accept", consent("farmer")); },
       422,
       {"field"}},
      {"an interaction dated in the future",
       [&] {
         return cadre->Post(
             "/api/v1/cadres/me/interactions",
             nlohmann::json{{"kind", "talk"}, {"occurred_on", "2099-01-01"}, {"contact_ids", {contact}}});
       },
       422,
       {"occurred_on"}},
      {"an interaction with someone else's contact",
       [&] {
         return cadre->Post(
             "/api/v1/cadres/me/interactions",
             nlohmann::json{{"kind", "talk"}, {"occurred_on", today}, {"contact_ids", {contact, 999999}}});
       },
       422,
       {"contact_ids[1]"}},
      {"a summary over 200 characters and an opinion field",
       [&] {
         return cadre->Post("/api/v1/cadres/me/interactions", nlohmann::json{{"kind", "talk"},
                                                                             {"occurred_on", today},
                                                                             {"contact_ids", {contact}},
                                                                             {"summary", std::string(201, 'x')},
                                                                             {"opinion", "nice"}});
       },
       422,
       {"opinion", "summary"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto r = c.send();
    EXPECT_EQ(r.status, c.status) << r.body;
    if (!c.fields.empty()) {
      auto fields = r.error_fields();
      std::sort(fields.begin(), fields.end());
      EXPECT_EQ(fields, c.fields) << r.body;
    }
    EXPECT_EQ(Snapshot(*cadre, *admin), before);
  }

  // Accepting an invitation meant for another person.
  auto addressed = cadre->Post("/api/v1/cadres/me/invitations", nlohmann::json{{"person_id", other.person_id}});
  ASSERT_EQ(addressed.status, 201) << addressed.body;
  const std::string path = addressed.json()["path"];
  const std::string token = path.substr(path.rfind('/') + 1);
  auto offer = older.client->Get("/api/v1/cadres/invitations/" + token);
  ASSERT_EQ(offer.status, 200) << offer.body;
  EXPECT_EQ(offer.json()["for_you"], false);
  EXPECT_EQ(offer.json()["can"]["accept"], false);
  const std::string with_invitation = Snapshot(*cadre, *admin);
  auto wrong = young.client->Post("/api/v1/cadres/invitations/" + token + "/accept", consent());
  EXPECT_EQ(wrong.status, 403) << wrong.body;
  EXPECT_EQ(wrong.error_fields(), std::vector<std::string>{"token"});
  EXPECT_EQ(Snapshot(*cadre, *admin), with_invitation);
  EXPECT_EQ(Accept(*other.client, token) > 0, true);
}

TEST_P(CadresTrustApiTest, TwoAcceptancesRacingMakeOneContact) {
  auto cadre = LoggedIn("cadre");
  auto admin = LoggedIn("karamay-admin");
  auto young = MakeYouth("racer");
  const int before = Figures(*admin)["contacts"];
  for (int round = 0; round < 3; ++round) {
    const std::string link = PersonalLink(*cadre);
    const std::string version = young.client->Get("/api/v1/cadres/invitations/" + link).json()["consent"]["version"];
    std::vector<std::unique_ptr<HttpClient>> clients;
    for (int i = 0; i < 4; ++i) clients.push_back(LoggedIn("racer", "password-123"));
    std::vector<int> statuses(clients.size());
    std::vector<std::thread> threads;
    for (size_t i = 0; i < clients.size(); ++i) {
      threads.emplace_back([&, i] {
        statuses[i] = clients[i]
                          ->Post("/api/v1/cadres/invitations/" + link + "/accept",
                                 nlohmann::json{{"field", "student"}, {"consent_version", version}})
                          .status;
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 3);
    auto mine = young.client->Get("/api/v1/cadres/mine").json()["contacts"];
    ASSERT_FALSE(mine.empty());
    EXPECT_EQ(Figures(*admin)["contacts"].get<int>(), before + 1);
    // End it for the next round.
    ASSERT_EQ(
        young.client
            ->Post("/api/v1/cadres/contacts/" + std::to_string(mine[0]["id"].get<int64_t>()) + "/end", std::string())
            .status,
        200);
  }
}

TEST_P(CadresTrustApiTest, NoOneButTheTwoPartiesObtainsTheYoungPersonsIdentity) {
  auto cadre = LoggedIn("cadre");
  auto young = MakeYouth("secret-youth");
  const std::string link = PersonalLink(*cadre);
  const int64_t contact = Accept(*young.client, link, "rural");
  const std::string today = cadre->Get("/api/v1/cadres/me").json()["period"]["as_of"];
  ASSERT_EQ(
      cadre
          ->Post("/api/v1/cadres/me/interactions", nlohmann::json{{"kind", "activity"},
                                                                  {"occurred_on", today},
                                                                  {"contact_ids", {contact}},
                                                                  {"summary", "与 secret-youth 一起开展植树活动"}})
          .status,
      201);
  auto help = young.client->Post("/api/v1/cadres/contacts/" + std::to_string(contact) + "/help-requests",
                                 nlohmann::json{{"category", "study"}, {"description", "secret-youth 需要辅导"}});
  ASSERT_EQ(help.status, 201) << help.body;
  const std::string help_id = std::to_string(help.json()["id"].get<int64_t>());
  const std::string person = "\"person_id\":" + std::to_string(young.person_id);
  const std::string c = std::to_string(contact);
  // The cadre does see them (so the walk below would catch a leak).
  EXPECT_NE(cadre->Get("/api/v1/cadres/me/contacts", {{"X-Search-Query", "secret"}}).body.find("secret-youth"),
            std::string::npos);

  const int64_t karamay = Org("克拉玛依市团委").first, region = Org("新疆维吾尔自治区团委").first,
                fengyun = Org("风云社区团支部").first;
  for (const char* login : {"karamay-admin", "region-admin", "branch-secretary", "member"}) {
    SCOPED_TRACE(login);
    auto observer = LoggedIn(login);
    std::vector<std::string> reads = {
        "/api/v1/cadres/me",
        "/api/v1/cadres/me/contacts?status=all",
        "/api/v1/cadres/me/invitations",
        "/api/v1/cadres/me/interactions",
        "/api/v1/cadres/me/interactions?contact_id=" + c,
        "/api/v1/cadres/me/help-requests",
        "/api/v1/cadres/mine",
        "/api/v1/cadres/mine/interactions",
        "/api/v1/cadres/contacts/" + c,
        "/api/v1/cadres/invitations/" + link,
    };
    for (int64_t org : {karamay, region, fengyun}) {
      const std::string o = std::to_string(org);
      for (const char* tail : {"/cadres/dashboard", "/cadres", "/cadres?quota=below", "/cadres/export"}) {
        reads.push_back("/api/v1/organizations/" + o + tail);
      }
      reads.push_back("/api/v1/audit?organization_id=" + o);
      reads.push_back("/api/v1/audit?organization_id=" + o + "&entity_type=cadres_contact");
      reads.push_back("/api/v1/audit?organization_id=" + o + "&entity_type=cadres_interaction");
    }
    for (const auto& path : reads) {
      SCOPED_TRACE(path);
      auto r = observer->Get(path, {{"X-Search-Query", "secret"}});  // the contacts' search; others ignore it
      EXPECT_LT(r.status, 500) << r.body;
      EXPECT_EQ(r.body.find("secret-youth"), std::string::npos) << r.body;
      EXPECT_EQ(r.body.find(young.name), std::string::npos) << r.body;
      EXPECT_EQ(r.body.find(person), std::string::npos) << r.body;
      if (path.ends_with("/export") && r.status == 200) {
        auto table = tables::ReadXlsx(r.body);
        ASSERT_TRUE(table.ok());
        for (const auto& row : table->rows) {
          for (const auto& cell : row) EXPECT_EQ(cell.text.find("secret-youth"), std::string::npos);
        }
      }
    }
    // The one contact's routes answer 404 (ids reveal nothing) to anyone else.
    EXPECT_EQ(observer->Get("/api/v1/cadres/contacts/" + c).status, 404);
    EXPECT_EQ(observer->Post("/api/v1/cadres/contacts/" + c + "/end", std::string()).status, 404);
    EXPECT_EQ(
        observer->Patch("/api/v1/cadres/help-requests/" + help_id, nlohmann::json{{"status", "in_progress"}}).status,
        404);
    EXPECT_EQ(
        observer->Post("/api/v1/cadres/contacts/" + c + "/help-requests", nlohmann::json{{"category", "other"}}).status,
        404);
  }
  // The committee admin does see the figures and the cadre's quota status.
  auto admin = LoggedIn("karamay-admin");
  auto mine = cadre->Get("/api/v1/cadres/me").json();
  auto rows = admin->Get("/api/v1/organizations/" + std::to_string(karamay) + "/cadres").json()["items"];
  nlohmann::json row;
  for (const auto& r : rows) {
    if (r["id"] == mine["cadre"]["id"]) row = r;
  }
  ASSERT_TRUE(row.is_object());
  EXPECT_EQ(row["active_contacts"], mine["figures"]["active_contacts"]);
  EXPECT_EQ(row["at_quota"], false);
  EXPECT_EQ(admin->Get("/api/v1/organizations/" + std::to_string(karamay) + "/cadres?quota=at").json()["items"].size(),
            0u);
  auto file = admin->Get("/api/v1/organizations/" + std::to_string(karamay) + "/cadres/export");
  ASSERT_EQ(file.status, 200);
  auto table = tables::ReadXlsx(file.body);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->rows.size(), rows.size() + 1);  // the header and one line per cadre
  bool found = false;
  for (const auto& line : table->rows) {
    if (line[0].text == mine["cadre"]["name"]) {
      found = true;
      EXPECT_EQ(line[1].text, "克拉玛依市团委");
      EXPECT_EQ(line[3].number, mine["figures"]["active_contacts"].get<double>());
    }
  }
  EXPECT_TRUE(found);
  // Outside the subtree or without the role: 404 / 403.
  auto secretary = LoggedIn("branch-secretary");
  EXPECT_EQ(secretary->Get("/api/v1/organizations/" + std::to_string(karamay) + "/cadres/dashboard").status, 404);
  EXPECT_EQ(secretary->Get("/api/v1/organizations/" + std::to_string(fengyun) + "/cadres/dashboard").status, 403);
  EXPECT_EQ(secretary->Get("/api/v1/organizations/" + std::to_string(fengyun) + "/cadres/export").status, 403);
}

TS_INSTANTIATE_FOR_DATABASES(CadresTrustApiTest);

}  // namespace
}  // namespace tianshan::cadres::testing
