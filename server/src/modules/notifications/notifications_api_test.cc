// Notifications through the API, on SQLite and PostgreSQL: who receives a notification (named
// accounts, a person's accounts, the nearest holders of a role), digests, reading only one's
// own, live unread counts over server-sent events, mail settings and the outbox with a real
// SMTP conversation (an accepting and a refusing relay on loopback).

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "auth/account_repository.h"
#include "modules/jobs/job_runner.h"
#include "modules/notifications/notifications_test_support.h"
#include "modules/notifications/public/notify.h"
#include "testing/openapi_contract.h"
#include "testing/test_server.h"

namespace tianshan::testing {
namespace {

using notifications::Notification;
using notifications::Recipients;

class NotificationsTest : public ApiTest {
 protected:
  TestServerOptions Options() const override { return {.demo = true, .smtp_url = smtp_url_, .public_url = "https://ts.example"}; }
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    RegisterMessages({{"test.title", "测试通知 {n}", "Test notice {n}"},
                      {"test.body", "有 {n} 件事等您处理", "{n} things wait for you"}});
    ctx().notification_kinds.push_back({"test.kind", "测试", "Test"});
  }
  AppContext& ctx() { return server().app().context(); }

  int64_t Account(const std::string& login) {
    auto a = ctx().db.Read([&](storage::Transaction& tx) { return auth::AccountRepository::FindByLoginOrPhone(tx, login); });
    EXPECT_TRUE(a.ok() && a->has_value()) << login;
    return (a.ok() && a->has_value()) ? (**a).id : 0;
  }
  int64_t Organization(const std::string& name) {
    auto r = LoggedIn("region-admin")->Get("/api/v1/organizations/directory?q=" + name);
    return r.json()["items"][0]["id"];
  }

  int Send(const Recipients& to, const std::string& n = "3", std::optional<std::string> digest = std::nullopt) {
    Notification note{"test.kind", "test.title", "test.body", {{"n", n}}, "/app/notifications", digest};
    auto r = ctx().db.Write([&](storage::Transaction& tx) { return notifications::Notify(tx, ctx(), to, note); });
    EXPECT_TRUE(r.ok()) << r.status().message() << r.status().detail();
    return r.ok() ? *r : -1;
  }

  std::string smtp_url_;
};

TEST_P(NotificationsTest, RecipientsDigestsAndReadingOnlyOnesOwn) {
  // The nearest holders of a role: 佳福小区团支部 has no admin account, so its committee's does.
  EXPECT_EQ(Send({.organization_id = Organization("%E4%BD%B3%E7%A6%8F"),  // 佳福
                  .roles = {auth::Role::kCommitteeAdmin, auth::Role::kBranchSecretary}}),
            1);
  EXPECT_EQ(Send({.accounts = {Account("youth")}}, "5", "test@2026-11-30"), 1);
  EXPECT_EQ(Send({.accounts = {Account("youth")}}, "6", "test@2026-11-30"), 0) << "one per digest key and account";
  EXPECT_EQ(Send({.accounts = {Account("youth")}}, "7", "test@2026-12-01"), 1);

  auto karamay = LoggedIn("karamay-admin");
  auto mine = karamay->Get("/api/v1/notifications");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json()["items"].size(), 1u);
  EXPECT_EQ(mine.json()["unread"], 1);
  EXPECT_EQ(mine.json()["items"][0]["title"], "测试通知 3");
  EXPECT_EQ(mine.json()["items"][0]["body"], "有 3 件事等您处理");
  EXPECT_EQ(mine.json()["items"][0]["link"], "/app/notifications");
  karamay->set_language("en");
  EXPECT_EQ(karamay->Get("/api/v1/notifications").json()["items"][0]["title"], "Test notice 3")
      << "rendered in the reader's language";
  EXPECT_EQ(LoggedIn("region-admin")->Get("/api/v1/notifications").json()["items"].size(), 0u)
      << "levels above the nearest holders are not disturbed";

  auto youth = LoggedIn("youth");
  auto list = youth->Get("/api/v1/notifications?limit=1");
  ASSERT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(list.json()["unread"], 2);
  EXPECT_EQ(list.json()["items"][0]["body"], "有 7 件事等您处理") << "newest first";
  std::string cursor = list.json()["next_cursor"];
  EXPECT_EQ(youth->Get("/api/v1/notifications?limit=1&cursor=" + cursor).json()["items"][0]["body"],
            "有 5 件事等您处理");
  int64_t karamay_note = mine.json()["items"][0]["id"];
  // Another account's notification: not found, and unchanged.
  EXPECT_EQ(youth->Post("/api/v1/notifications/" + std::to_string(karamay_note) + "/read", std::string()).status, 404);
  EXPECT_EQ(karamay->Get("/api/v1/notifications/unread-count").json()["unread"], 1);
  int64_t first = list.json()["items"][0]["id"];
  auto read = youth->Post("/api/v1/notifications/" + std::to_string(first) + "/read", std::string());
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json()["unread"], 1);
  EXPECT_EQ(youth->Get("/api/v1/notifications?unread=true").json()["items"].size(), 1u);
  EXPECT_EQ(youth->Post("/api/v1/notifications/read-all", std::string()).json()["unread"], 0);
  EXPECT_EQ(youth->Get("/api/v1/notifications/unread-count").json()["unread"], 0);
  EXPECT_EQ(youth->Get("/api/v1/notifications?unread=maybe").status, 422);
  EXPECT_EQ(Client()->Get("/api/v1/notifications").status, 401);
}

TEST_P(NotificationsTest, LiveUnreadCountArrivesOverServerSentEvents) {
  auto youth = Client();
  auto login = youth->Login("youth", "tianshan-demo");
  ASSERT_EQ(login.status, 200);
  std::string set_cookie = login.header("set-cookie");
  std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  EventStreamReader stream(server().app().port(), "/api/v1/notifications/stream", cookie);
  ASSERT_TRUE(stream.WaitFor("event: unread\ndata: {\"unread\":0}", std::chrono::seconds(5))) << stream.received();
  const std::string head = stream.received();
  ASSERT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << head;
  EXPECT_NE(head.find("text/event-stream"), std::string::npos);
  EXPECT_NE(head.find("X-Content-Type-Options: nosniff"), std::string::npos) << "security headers on streams too";
  // The stream never ends, so the test client cannot read it: check its answer here.
  auto mismatch = OpenApiContract::Served().Check("GET", "/api/v1/notifications/stream", 200, "text/event-stream",
                                                   head.substr(head.find("\r\n\r\n") + 4));
  EXPECT_FALSE(mismatch.has_value()) << *mismatch;
  auto sent = std::chrono::steady_clock::now();
  Send({.accounts = {Account("youth")}});
  ASSERT_TRUE(stream.WaitFor("data: {\"unread\":1}", std::chrono::seconds(2))) << stream.received();
  auto latency = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent).count();
  std::printf("[ measure ] unread count reached the open stream %.1f ms after the commit\n", latency);
  ASSERT_EQ(youth->Post("/api/v1/notifications/read-all", std::string()).status, 200);
  EXPECT_TRUE(stream.WaitFor("data: {\"unread\":0}\n\nevent: unread", std::chrono::seconds(2)) ||
              stream.received().rfind("{\"unread\":0}") > stream.received().find("{\"unread\":1}"))
      << stream.received();
}

// Event streams under load (a race for ThreadSanitizer too, `make test-tsan`): for three
// accounts, streams that stay open, streams opened and closed over and over, and notifications
// written by one thread per account all at once. Every stream that stayed open ends on its
// account's final count, and the server still answers.
TEST_P(NotificationsTest, StreamsOpeningAndClosingWhileNotificationsRaceEndOnTheFinalCount) {
  constexpr int kNotes = 15, kChurn = 8;
  const std::vector<std::string> logins = {"youth", "member", "cadre"};
  std::vector<std::string> cookies;
  std::vector<int64_t> accounts, finals;
  for (const auto& login : logins) {
    auto client = Client();
    auto r = client->Login(login, "tianshan-demo");
    ASSERT_EQ(r.status, 200) << login << r.body;
    std::string set_cookie = r.header("set-cookie");
    cookies.push_back(set_cookie.substr(0, set_cookie.find(';')));
    accounts.push_back(Account(login));
    auto unread = LoggedIn(login)->Get("/api/v1/notifications/unread-count");
    ASSERT_EQ(unread.status, 200) << unread.body;
    finals.push_back(unread.json()["unread"].get<int64_t>() + kNotes);
  }
  const uint16_t port = server().app().port();
  std::vector<std::unique_ptr<EventStreamReader>> kept;
  for (const auto& cookie : cookies) {
    for (int i = 0; i < 2; ++i)
      kept.push_back(std::make_unique<EventStreamReader>(port, "/api/v1/notifications/stream", cookie));
  }
  std::vector<std::thread> threads;
  for (size_t a = 0; a < accounts.size(); ++a) {
    threads.emplace_back([&, a] {
      for (int i = 0; i < kNotes; ++i) Send({.accounts = {accounts[a]}}, std::to_string(i));
    });
    threads.emplace_back([&, a] {
      for (int i = 0; i < kChurn; ++i) {
        EventStreamReader churn(port, "/api/v1/notifications/stream", cookies[a]);
        churn.WaitFor("event: unread", std::chrono::seconds(5));
      }  // each closes here, while the others are being written to
    });
  }
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < kept.size(); ++i) {
    const int64_t final_count = finals[i / 2];
    const std::string last = "data: {\"unread\":" + std::to_string(final_count) + "}";
    ASSERT_TRUE(kept[i]->WaitFor(last, std::chrono::seconds(20))) << logins[i / 2] << "\n" << kept[i]->received();
    const std::string text = kept[i]->received();
    EXPECT_EQ(text.rfind("data: {\"unread\":"), text.rfind(last)) << "nothing older after the final count\n" << text;
  }
  for (size_t a = 0; a < logins.size(); ++a) {
    auto unread = LoggedIn(logins[a])->Get("/api/v1/notifications/unread-count");
    ASSERT_EQ(unread.status, 200) << unread.body;
    EXPECT_EQ(unread.json()["unread"], finals[a]);
  }
}

TEST_P(NotificationsTest, MailSettingsAreValidated) {
  auto youth = LoggedIn("youth");
  auto settings = youth->Get("/api/v1/notifications/settings");
  ASSERT_EQ(settings.status, 200) << settings.body;
  EXPECT_TRUE(settings.json()["email"].is_null());
  const nlohmann::json body = settings.json();
  bool listed = false;
  for (const auto& k : body["kinds"]) listed = listed || k["kind"] == "test.kind";
  EXPECT_TRUE(listed);
  auto bad = youth->Send("PUT", "/api/v1/notifications/settings",
                         R"({"email": "not an address", "email_kinds": ["test.kind", "no.such"], "extra": 1})", {});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.error_fields(), (std::vector<std::string>{"email", "email_kinds[1]", "extra"}));
  auto no_address = youth->Send("PUT", "/api/v1/notifications/settings", R"({"email_kinds": ["test.kind"]})", {});
  EXPECT_EQ(no_address.error_fields(), std::vector<std::string>{"email"});
  auto ok = youth->Send("PUT", "/api/v1/notifications/settings",
                        R"({"email": "youth@example.org", "lang": "en", "email_kinds": ["test.kind"]})", {});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["email"], "youth@example.org");
}

TEST_P(NotificationsTest, WithoutARelayMailWaitsInTheOutboxForAdmins) {
  auto youth = LoggedIn("youth");
  ASSERT_EQ(youth->Send("PUT", "/api/v1/notifications/settings",
                        R"({"email": "youth@example.org", "email_kinds": ["test.kind"]})", {})
                .status,
            200);
  Send({.accounts = {Account("youth")}});
  jobs::JobRunner runner(ctx(), {});
  ASSERT_TRUE(ctx().jobs.at("notifications.send_mail").run(ctx(), {}).ok());
  auto admin = LoggedIn("region-admin");
  auto outbox = admin->Get("/api/v1/notifications/outbox");
  ASSERT_EQ(outbox.status, 200) << outbox.body;
  ASSERT_EQ(outbox.json()["items"].size(), 1u);
  EXPECT_EQ(outbox.json()["items"][0]["status"], "pending");
  EXPECT_EQ(outbox.json()["items"][0]["subject"], "测试通知 3");
  EXPECT_EQ(outbox.json()["mail_relay"], false);
  EXPECT_EQ(youth->Get("/api/v1/notifications/outbox").status, 403);
  EXPECT_EQ(LoggedIn("karamay-admin")->Get("/api/v1/notifications/outbox").status, 403);
}

class NotificationsMailTest : public NotificationsTest {
 protected:
  NotificationsMailTest() { smtp_url_ = sink_.url(); }
  SmtpSink sink_;
};

TEST_P(NotificationsMailTest, TheRelayReceivesTheMessageInTheReadersLanguage) {
  auto youth = LoggedIn("youth");
  ASSERT_EQ(youth->Send("PUT", "/api/v1/notifications/settings",
                        R"({"email": "youth@example.org", "lang": "en", "email_kinds": ["test.kind"]})", {})
                .status,
            200);
  Send({.accounts = {Account("youth")}}, "4");
  Send({.accounts = {Account("member")}}, "4");  // no mail: the member chose none
  ASSERT_TRUE(ctx().jobs.at("notifications.send_mail").run(ctx(), {}).ok());
  auto messages = sink_.messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].find("To: <youth@example.org>"), std::string::npos) << messages[0];
  EXPECT_NE(messages[0].find("Subject: =?UTF-8?B?"), std::string::npos);
  auto outbox = LoggedIn("region-admin")->Get("/api/v1/notifications/outbox");
  EXPECT_EQ(outbox.json()["items"][0]["status"], "sent");
  EXPECT_EQ(outbox.json()["items"][0]["subject"], "Test notice 4");
  ASSERT_TRUE(ctx().jobs.at("notifications.send_mail").run(ctx(), {}).ok());
  EXPECT_EQ(sink_.messages().size(), 1u) << "sent once";
}

class NotificationsRefusedTest : public NotificationsTest {
 protected:
  NotificationsRefusedTest() : sink_(/*refuse=*/true) { smtp_url_ = sink_.url(); }
  SmtpSink sink_;
};

TEST_P(NotificationsRefusedTest, ARefusingRelayLeavesTheMessagePendingWithItsAnswer) {
  auto youth = LoggedIn("youth");
  ASSERT_EQ(youth->Send("PUT", "/api/v1/notifications/settings",
                        R"({"email": "youth@example.org", "email_kinds": ["test.kind"]})", {})
                .status,
            200);
  Send({.accounts = {Account("youth")}});
  ASSERT_TRUE(ctx().jobs.at("notifications.send_mail").run(ctx(), {}).ok()) << "a refusal fails no request or job";
  auto outbox = LoggedIn("region-admin")->Get("/api/v1/notifications/outbox");
  ASSERT_EQ(outbox.json()["items"].size(), 1u);
  EXPECT_EQ(outbox.json()["items"][0]["status"], "pending");
  EXPECT_EQ(outbox.json()["items"][0]["attempts"], 1);
  EXPECT_NE(outbox.json()["items"][0]["last_error"].get<std::string>().find("550"), std::string::npos)
      << outbox.body;
  ASSERT_TRUE(ctx().jobs.at("notifications.send_mail").run(ctx(), {}).ok());
  EXPECT_EQ(LoggedIn("region-admin")->Get("/api/v1/notifications/outbox").json()["items"][0]["attempts"], 1)
      << "it waits for its back-off";
}

TS_INSTANTIATE_FOR_DATABASES(NotificationsTest);
TS_INSTANTIATE_FOR_DATABASES(NotificationsMailTest);
TS_INSTANTIATE_FOR_DATABASES(NotificationsRefusedTest);

}  // namespace
}  // namespace tianshan::testing
