// Change my password and my sessions, through a real HTTP client on SQLite and PostgreSQL.

#include <gtest/gtest.h>

#include "testing/test_server.h"

namespace tianshan::testing {
namespace {

constexpr char kOld[] = "password-123";
constexpr char kNew[] = "new-secret-42";

class AccountsApiTest : public ApiTest {
 protected:
  TestServerOptions Options() const override {
    TestServerOptions o;
    o.production_session_timeouts = true;  // what the session tests here check
    return o;
  }
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    alice_ = server().CreateAccount("alice", {{0, auth::Role::kCommitteeAdmin}});
    bob_ = server().CreateAccount("bob", {{0, auth::Role::kCommitteeAdmin}});
    ASSERT_GT(alice_, 0);
    ASSERT_GT(bob_, 0);
  }
  std::unique_ptr<HttpClient> As(const std::string& login, const std::string& password = kOld) {
    auto c = Client();
    auto r = c->Login(login, password);
    EXPECT_EQ(r.status, 200) << r.body;
    return c;
  }
  std::string PasswordHash(int64_t id) {
    auto row = server().app().db().Read([&](storage::Transaction& tx) {
      return tx.QueryOne("SELECT password_hash FROM auth_accounts WHERE id = ?", {id});
    });
    EXPECT_TRUE(row.ok() && row->has_value());
    return row.ok() && row->has_value() ? (*row)->Text("password_hash") : "";
  }
  int64_t Notifications(int64_t account, const std::string& kind) {
    auto row = server().app().db().Read([&](storage::Transaction& tx) {
      return tx.QueryOne("SELECT COUNT(*) AS n FROM notifications_notifications WHERE account_id = ? AND kind = ?",
                         {account, kind});
    });
    return row.ok() && row->has_value() ? (*row)->Int("n") : -1;
  }
  int64_t AuditCount(const std::string& action) {
    auto row = server().app().db().Read([&](storage::Transaction& tx) {
      return tx.QueryOne("SELECT COUNT(*) AS n FROM audit_entries WHERE action = ?", {action});
    });
    return row.ok() && row->has_value() ? (*row)->Int("n") : -1;
  }
  static nlohmann::json Change(const std::string& current, const std::string& fresh) {
    return {{"current_password", current}, {"new_password", fresh}};
  }
  int64_t alice_ = 0;
  int64_t bob_ = 0;
};

TEST_P(AccountsApiTest, ChangingThePasswordEndsTheOtherSessionsAndTheOldPasswordNoLongerLogsIn) {
  auto here = As("alice");
  auto elsewhere = As("alice");
  auto bobs = As("bob");
  auto r = here->Post("/api/v1/session/password", Change(kOld, kNew));
  ASSERT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(here->Get("/api/v1/session").status, 200) << "the session that changed it stays";
  EXPECT_EQ(elsewhere->Get("/api/v1/session").status, 401) << "every other session of the account ends";
  EXPECT_EQ(bobs->Get("/api/v1/session").status, 200) << "other accounts' sessions are untouched";
  EXPECT_EQ(Client()->Login("alice", kOld).status, 401);
  EXPECT_EQ(Client()->Login("alice", kNew).status, 200);
  EXPECT_EQ(AuditCount("account.password_change"), 1);
  EXPECT_EQ(PasswordHash(alice_).find(kNew), std::string::npos);
  EXPECT_EQ(PasswordHash(alice_).rfind("$argon2id$", 0), 0u) << "stored as an Argon2id hash";
  // ASVS 2.5.5: the account is told, in its notifications, in its language.
  EXPECT_EQ(Notifications(alice_, "auth.password_changed"), 1);
  EXPECT_EQ(Notifications(bob_, "auth.password_changed"), 0);
  auto list = here->Get("/api/v1/notifications", {{"Accept-Language", "en"}});
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Your password was changed"), std::string::npos) << list.body;
}

TEST_P(AccountsApiTest, AWrongCurrentPasswordIs422OnThatFieldAndChangesNothing) {
  auto here = As("alice");
  auto elsewhere = As("alice");
  const std::string before = PasswordHash(alice_);
  auto r = here->Post("/api/v1/session/password", Change("not-my-password-1", kNew));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"current_password"});
  EXPECT_EQ(PasswordHash(alice_), before);
  EXPECT_EQ(elsewhere->Get("/api/v1/session").status, 200);
  EXPECT_EQ(AuditCount("account.password_change"), 0);
  EXPECT_EQ(Notifications(alice_, "auth.password_changed"), 0);
  EXPECT_EQ(Client()->Login("alice", kNew).status, 401);
  EXPECT_EQ(Client()->Login("alice", kOld).status, 200);
}

TEST_P(AccountsApiTest, WrongCurrentPasswordsCountAsFailedLogins) {
  auto here = As("alice");
  const std::string before = PasswordHash(alice_);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(here->Post("/api/v1/session/password", Change("guess-number-" + std::to_string(i), kNew)).status, 422);
  }
  auto locked = here->Post("/api/v1/session/password", Change(kOld, kNew));
  EXPECT_EQ(locked.status, 429) << "a stolen session guesses no faster than the login form";
  EXPECT_EQ(Client()->Login("alice", kOld).status, 429) << "the account's logins wait too";
  server().clock().Advance(31 * 1000);
  EXPECT_EQ(PasswordHash(alice_), before) << "nothing changed";
  EXPECT_EQ(Client()->Login("alice", kOld).status, 200);
}

TEST_P(AccountsApiTest, AWeakOrMissingNewPasswordNamesTheFieldAndChangesNothing) {
  auto here = As("alice");
  const std::string before = PasswordHash(alice_);
  struct Case {
    nlohmann::json body;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {Change(kOld, "short-1"), {"new_password"}},
      {Change(kOld, "eleven-ch-1"), {"new_password"}},  // 11 characters: one too few
      {Change(kOld, std::string(120, 'a') + "-12345678"), {"new_password"}},  // 129 characters: one too many
      {Change(kOld, "aaaaaaaaaaaa"), {"new_password"}},
      {Change(kOld, "12345678901234"), {"new_password"}},
      {Change(kOld, kOld), {"new_password"}},
      {Change(kOld, std::string(201, 'a') + "1"), {"new_password"}},
      {{{"new_password", kNew}}, {"current_password"}},
      {{{"current_password", kOld}}, {"new_password"}},
      {{{"current_password", kOld}, {"new_password", kNew}, {"extra", 1}}, {"extra"}},
  };
  for (const auto& c : cases) {
    auto r = here->Post("/api/v1/session/password", c.body);
    EXPECT_EQ(r.status, 422) << c.body.dump() << " " << r.body;
    EXPECT_EQ(r.error_fields(), c.fields) << c.body.dump();
  }
  EXPECT_EQ(PasswordHash(alice_), before);
  EXPECT_EQ(AuditCount("account.password_change"), 0);
}

TEST_P(AccountsApiTest, ANewPasswordHasTwelveToOneHundredTwentyEightCharacters) {
  // Exactly 12 characters, then exactly 128 (a long passphrase), each accepted in turn.
  const std::string twelve = "twelve-ch-12", longest = std::string(120, 'b') + "-1234567";
  ASSERT_EQ(twelve.size(), 12u);
  ASSERT_EQ(longest.size(), 128u);
  EXPECT_EQ(As("alice")->Post("/api/v1/session/password", Change(kOld, twelve)).status, 204);
  EXPECT_EQ(As("alice", twelve)->Post("/api/v1/session/password", Change(twelve, longest)).status, 204);
  EXPECT_EQ(As("alice", longest)->Get("/api/v1/session").status, 200);
}

TEST_P(AccountsApiTest, TheNewPasswordMayNotBeTheLoginName) {
  server().CreateAccount("long-login-1", {{0, auth::Role::kCommitteeAdmin}});
  auto c = As("long-login-1");
  auto r = c->Post("/api/v1/session/password", Change(kOld, "long-login-1"));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"new_password"});
}

TEST_P(AccountsApiTest, TheNewPasswordMayNotBeACommonOneEvenDressedUp) {
  auto here = As("alice");
  const std::string before = PasswordHash(alice_);
  // On the kept list (john-data's password.lst) as typed, or once the digits and symbols
  // around it are taken away.
  for (const char* common : {"qwertyuiop12", "Basketball-2024!", "2024#Sunshine#", "BUTTERFLY123"}) {
    auto r = here->Post("/api/v1/session/password", Change(kOld, common));
    EXPECT_EQ(r.status, 422) << common;
    ASSERT_EQ(r.error_fields(), std::vector<std::string>{"new_password"}) << common;
    EXPECT_NE(r.json()["errors"][0].dump().find("常见密码"), std::string::npos) << r.body;
  }
  EXPECT_EQ(PasswordHash(alice_), before);
  EXPECT_EQ(here->Post("/api/v1/session/password", Change(kOld, "basket-of-2024-apples")).status, 204)
      << "a list word inside a longer password is fine";
}

TEST_P(AccountsApiTest, ASessionEndsAfterTwoHoursUnusedOrTwelveHoursAfterLogin) {
  constexpr int64_t kMinute = 60'000;
  auto idle = As("alice");
  auto busy = As("bob");
  EXPECT_NE(idle->Login("alice", kOld).header("set-cookie").find("Max-Age=43200"), std::string::npos)
      << "the cookie lives as long as the session may";
  server().clock().Advance(119 * kMinute);
  EXPECT_EQ(idle->Get("/api/v1/session").status, 200) << "1 h 59 min unused";
  server().clock().Advance(121 * kMinute);
  EXPECT_EQ(idle->Get("/api/v1/session").status, 401) << "2 h 1 min unused";
  // Used every 100 minutes, the session still ends 12 hours after login.
  auto fresh = As("bob");
  for (int step = 1; step <= 7; ++step) {
    server().clock().Advance(100 * kMinute);
    EXPECT_EQ(fresh->Get("/api/v1/session").status, 200) << step * 100 << " min after login";
  }
  server().clock().Advance(21 * kMinute);
  EXPECT_EQ(fresh->Get("/api/v1/session").status, 401) << "12 h 1 min after login";
  EXPECT_EQ(busy->Get("/api/v1/session").status, 401);
}

TEST_P(AccountsApiTest, LogOutEverywhereEndsEverySessionOfMineAndNoOneElses) {
  auto here = As("alice");
  auto phone = As("alice");
  auto bobs = As("bob");
  const std::string body = nlohmann::json{{"current_password", kOld}}.dump();
  const std::map<std::string, std::string> json = {{"Content-Type", "application/json"}};
  EXPECT_EQ(here->Send("DELETE", "/api/v1/session/list", body, json, /*no_csrf=*/true).status, 403);
  EXPECT_EQ(phone->Get("/api/v1/session").status, 200) << "refused without the CSRF token: nothing ended";
  // ASVS 3.3.4: the password is asked again; without it or with a wrong one nothing ends.
  auto missing = here->Send("DELETE", "/api/v1/session/list", "{}", json);
  EXPECT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(missing.error_fields(), std::vector<std::string>{"current_password"});
  auto wrong =
      here->Send("DELETE", "/api/v1/session/list", nlohmann::json{{"current_password", "not-mine-123"}}.dump(), json);
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_EQ(wrong.error_fields(), std::vector<std::string>{"current_password"});
  EXPECT_EQ(here->Get("/api/v1/session").status, 200) << "nothing ended";
  EXPECT_EQ(phone->Get("/api/v1/session").status, 200) << "nothing ended";
  EXPECT_EQ(AuditCount("session.logout_everywhere"), 0);
  auto r = here->Send("DELETE", "/api/v1/session/list", body, json);
  ASSERT_EQ(r.status, 204) << r.body;
  EXPECT_NE(r.header("set-cookie").find("Max-Age=0"), std::string::npos) << "the cookie is cleared";
  EXPECT_EQ(here->Get("/api/v1/session").status, 401);
  EXPECT_EQ(phone->Get("/api/v1/session").status, 401);
  EXPECT_EQ(bobs->Get("/api/v1/session").status, 200);
  EXPECT_EQ(AuditCount("session.logout_everywhere"), 1);
  EXPECT_EQ(Client()->Send("DELETE", "/api/v1/session/list", body, json).status, 401);
  EXPECT_EQ(Client()->Login("alice", kOld).status, 200) << "the password still works";
}

TEST_P(AccountsApiTest, ALoginFromANewBrowserAlertsTheAccountOnce) {
  auto login_with = [&](const std::string& login, const std::string& agent, const std::string& password = kOld) {
    HttpClient c(server().base_url());
    return c
        .Send("POST", "/api/v1/session", nlohmann::json{{"login", login}, {"password", password}}.dump(),
              {{"Content-Type", "application/json"}, {"User-Agent", agent}}, /*no_csrf=*/true)
        .status;
  };
  auto alerts = [&](int64_t account) {
    auto row = server().app().db().Read([&](storage::Transaction& tx) {
      return tx.QueryOne(
          "SELECT COUNT(*) AS n FROM notifications_notifications WHERE account_id = ? AND kind = 'auth.new_login'",
          {account});
    });
    return row.ok() && row->has_value() ? (*row)->Int("n") : -1;
  };
  ASSERT_EQ(login_with("alice", "Laptop/1.0"), 200);
  EXPECT_EQ(alerts(alice_), 0) << "the first login ever has nothing to compare with";
  ASSERT_EQ(login_with("alice", "Laptop/1.0"), 200);
  EXPECT_EQ(alerts(alice_), 0) << "the same browser on the same network";
  ASSERT_EQ(login_with("alice", "Phone/2.0"), 200);
  EXPECT_EQ(alerts(alice_), 1) << "a new browser";
  ASSERT_EQ(login_with("alice", "Phone/2.0"), 200);
  EXPECT_EQ(alerts(alice_), 1) << "known now";
  ASSERT_EQ(login_with("alice", "Tablet/3.0", "wrong-password"), 401);
  EXPECT_EQ(alerts(alice_), 1) << "a failed login alerts nobody";
  EXPECT_EQ(alerts(bob_), 0);
  // The alert reaches alice's notifications, in her language, naming the browser.
  auto here = As("alice");
  auto list = here->Get("/api/v1/notifications");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Phone/2.0"), std::string::npos) << list.body;
}

TEST_P(AccountsApiTest, ChangingThePasswordNeedsTheCsrfTokenAndASession) {
  auto here = As("alice");
  EXPECT_EQ(here->Send("POST", "/api/v1/session/password", Change(kOld, kNew).dump(), {}, /*no_csrf=*/true).status,
            403);
  EXPECT_EQ(Client()->Post("/api/v1/session/password", Change(kOld, kNew)).status, 401);
  EXPECT_EQ(Client()->Login("alice", kOld).status, 200);
}

TEST_P(AccountsApiTest, MySessionsListShowsMineWhichIsThisAndNoToken) {
  auto here = Client();
  ASSERT_EQ(here->Send("POST", "/api/v1/session", nlohmann::json{{"login", "alice"}, {"password", kOld}}.dump(),
                       {{"User-Agent", "Desk browser/1.0"}}, /*no_csrf=*/true)
                .status,
            200);
  auto phone = Client();
  ASSERT_EQ(phone
                ->Send("POST", "/api/v1/session", nlohmann::json{{"login", "alice"}, {"password", kOld}}.dump(),
                       {{"User-Agent", "Phone browser/2.0"}}, /*no_csrf=*/true)
                .status,
            200);
  server().clock().Advance(1000);
  auto bobs = As("bob");

  auto r = here->Get("/api/v1/session/list");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.json()["items"];
  ASSERT_EQ(items.size(), 2u) << "only alice's sessions";
  int current = 0;
  for (const auto& s : items) {
    if (s["current"].get<bool>()) {
      ++current;
      EXPECT_EQ(s["user_agent"], "Desk browser/1.0");
    } else {
      EXPECT_EQ(s["user_agent"], "Phone browser/2.0");
    }
    EXPECT_EQ(s["id"].get<std::string>().size(), 16u);
  }
  EXPECT_EQ(current, 1);
  // Neither the token nor its full digest is in the answer.
  auto rows = server().app().db().Read([&](storage::Transaction& tx) {
    return tx.Query("SELECT token_digest FROM auth_sessions WHERE account_id = ?", {alice_});
  });
  ASSERT_TRUE(rows.ok());
  for (const auto& row : *rows) EXPECT_EQ(r.body.find(row.Text("token_digest")), std::string::npos);
  EXPECT_EQ(bobs->Get("/api/v1/session/list").json()["items"].size(), 1u);
}

TEST_P(AccountsApiTest, EndingOneOfMySessionsLogsItOutAndAnotherAccountsIs404) {
  auto here = As("alice");
  auto elsewhere = As("alice");
  auto bobs = As("bob");
  std::string other_id, current_id;
  const auto mine = here->Get("/api/v1/session/list").json();
  for (const auto& s : mine["items"]) {
    (s["current"].get<bool>() ? current_id : other_id) = s["id"].get<std::string>();
  }
  const std::string bobs_id = bobs->Get("/api/v1/session/list").json()["items"][0]["id"];
  ASSERT_FALSE(other_id.empty());

  EXPECT_EQ(here->Delete("/api/v1/session/list/" + bobs_id).status, 404);
  EXPECT_EQ(bobs->Get("/api/v1/session").status, 200) << "another account's session is not touched";
  EXPECT_EQ(here->Delete("/api/v1/session/list/not-a-session").status, 404);
  EXPECT_EQ(here->Delete("/api/v1/session/list/" + current_id).status, 409) << "log out instead";
  EXPECT_EQ(here->Get("/api/v1/session").status, 200);

  EXPECT_EQ(elsewhere->Get("/api/v1/session").status, 200);
  EXPECT_EQ(here->Delete("/api/v1/session/list/" + other_id).status, 204);
  EXPECT_EQ(elsewhere->Get("/api/v1/session").status, 401) << "ended at once, though its session was cached";
  EXPECT_EQ(here->Delete("/api/v1/session/list/" + other_id).status, 404) << "already ended";
  EXPECT_EQ(here->Get("/api/v1/session/list").json()["items"].size(), 1u);
  EXPECT_EQ(AuditCount("session.end"), 1);
}

TS_INSTANTIATE_FOR_DATABASES(AccountsApiTest);

}  // namespace
}  // namespace tianshan::testing
