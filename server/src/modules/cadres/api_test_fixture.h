#pragma once
// Test support for the cadres API tests (included by *_test.cc only): the demo network on each
// database (the "cadre" account is a full-time committee member of 克拉玛依市团委), young people
// of chosen ages in 风云社区团支部 with their own accounts, and helpers for invitations.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "modules/people/create_person.h"
#include "testing/demo_api_test.h"

namespace tianshan::cadres::testing {

using ::tianshan::testing::HttpClient;
using ::tianshan::testing::HttpResult;

class CadresApiTest : public ::tianshan::testing::DemoApiTest {
 protected:
  AppContext& ctx() { return server().app().context(); }

  // The id and path of the demo organization called `name`.
  std::pair<int64_t, std::string> Org(const std::string& name) {
    std::pair<int64_t, std::string> out{0, ""};
    Status s = ctx().db.Read([&](storage::Transaction& tx) -> Status {
      TS_ASSIGN_OR_RETURN(auto row,
                          tx.QueryOne("SELECT id, path FROM organizations_organizations WHERE name = ?", {name}));
      if (row) out = {row->Int("id"), row->Text("path")};
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  // A young person born on `birth_date` in 风云社区团支部, with an account logged in as `login`.
  struct Youth {
    int64_t person_id = 0;
    std::string name;
    std::unique_ptr<HttpClient> client;
  };
  Youth MakeYouth(const std::string& login, const std::string& birth_date = "2002-03-04") {
    auto [org_id, path] = Org("风云社区团支部");
    Youth y;
    y.name = "联系青年" + login;
    Status s = ctx().db.Write([&](storage::Transaction& tx) -> Status {
      people::CreatePersonInput in;
      in.fields.name = y.name;
      in.fields.gender = "female";
      in.fields.birth_date = birth_date;
      in.organization_id = org_id;
      TS_ASSIGN_OR_RETURN(y.person_id, people::InsertPersonUnchecked(tx, ctx(), in, path, true));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message() << " " << s.detail();
    EXPECT_GT(server().CreateAccount(login, {}, y.person_id), 0);
    y.client = LoggedIn(login, "password-123");
    return y;
  }

  // A new personal link of the cadre; returns its token.
  std::string PersonalLink(HttpClient& cadre, nlohmann::json body = nlohmann::json::object()) {
    auto r = cadre.Post("/api/v1/cadres/me/invitations", body);
    EXPECT_EQ(r.status, 201) << r.body;
    const std::string path = r.json().value("path", "");
    return path.substr(path.rfind('/') + 1);
  }

  // The young person accepts the invitation `token`; returns the contact id.
  int64_t Accept(HttpClient& youth, const std::string& token, const std::string& field = "employee") {
    auto offer = youth.Get("/api/v1/cadres/invitations/" + token);
    EXPECT_EQ(offer.status, 200) << offer.body;
    auto r = youth.Post("/api/v1/cadres/invitations/" + token + "/accept",
                        nlohmann::json{{"field", field}, {"consent_version", offer.json()["consent"]["version"]}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().value("id", int64_t{0});
  }

  // The subtree figures of the dashboard of `org` as `admin` sees them.
  nlohmann::json Figures(HttpClient& admin, const std::string& org = "克拉玛依市团委") {
    auto r = admin.Get("/api/v1/organizations/" + std::to_string(Org(org).first) + "/cadres/dashboard");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["figures"];
  }
};

}  // namespace tianshan::cadres::testing
