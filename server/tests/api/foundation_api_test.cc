// Foundation API tests: health, errors as problem+json, security headers, sessions, CSRF,
// login throttling, metrics and the OpenAPI document — on SQLite and PostgreSQL.

#include <gtest/gtest.h>

#include <set>

#include "app/openapi_document.h"
#include "http/dispatch.h"
#include "testing/test_server.h"

namespace tianshan::testing {
namespace {

class FoundationApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_id_ = server().CreateAccount("admin", {{0, auth::Role::kCommitteeAdmin}});
    ASSERT_GT(admin_id_, 0);
  }
  int64_t admin_id_ = 0;
};

void ExpectSecurityHeaders(const HttpResult& r) {
  EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_FALSE(r.header("referrer-policy").empty());
  EXPECT_FALSE(r.header("x-request-id").empty());
}

TEST_P(FoundationApiTest, HealthAnswersOkWithSecurityHeaders) {
  auto r = Client()->Get("/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json(), nlohmann::json({{"status", "ok"}}));
  ExpectSecurityHeaders(r);
}

TEST_P(FoundationApiTest, UnknownRouteIsProblemJsonWithSecurityHeaders) {
  auto r = Client()->Get("/api/v1/no-such-thing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  EXPECT_EQ(r.json()["status"], 404);
  ExpectSecurityHeaders(r);
}

TEST_P(FoundationApiTest, JsonAnswersDownloadAsAFileWhenOpenedAsAPage) {
  auto c = LoggedIn("admin", "password-123");
  const std::string attachment = "attachment; filename=\"api.json\"";
  EXPECT_EQ(c->Get("/api/v1/health").header("content-disposition"), attachment);
  EXPECT_EQ(c->Get("/api/v1/no-such-thing").header("content-disposition"), attachment) << "problem+json too";
  EXPECT_EQ(c->Get("/api/v1/audit?organization_id=abc").header("content-disposition"), attachment);
  // Not JSON, not the API: no disposition.
  EXPECT_EQ(c->Get("/metrics").header("content-disposition"), "");
}

TEST_P(FoundationApiTest, WrongMethodIs405) {
  auto c = Client();
  EXPECT_EQ(c->Send("PUT", "/api/v1/health", "", {}).status, 405);
}

TEST_P(FoundationApiTest, RequestIdIsEchoedWhenSane) {
  auto r = Client()->Get("/api/v1/health", {{"X-Request-Id", "abc-123"}});
  EXPECT_EQ(r.header("x-request-id"), "abc-123");
  auto bad = Client()->Get("/api/v1/health", {{"X-Request-Id", "a b<script>"}});
  EXPECT_NE(bad.header("x-request-id"), "a b<script>");
}

TEST_P(FoundationApiTest, MalformedJsonNamesTheBody) {
  auto r = Client()->Post("/api/v1/session", std::string("{\"login\": "));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"body"});
}

TEST_P(FoundationApiTest, WrongTypesAndUnknownFieldsAreAllNamed) {
  auto r = Client()->Post("/api/v1/session", nlohmann::json{{"login", 5}, {"password", "x"}, {"extra", true}});
  EXPECT_EQ(r.status, 422);
  auto fields = r.error_fields();
  EXPECT_EQ(std::set<std::string>(fields.begin(), fields.end()), (std::set<std::string>{"login", "extra"}));
}

TEST_P(FoundationApiTest, InvalidUtf8IsRejected) {
  auto r = Client()->Post("/api/v1/session", std::string("{\"login\":\"\xff\xfe\",\"password\":\"x\"}"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"body"});
}

// Found by the JSON body fuzz target: RapidJSON parses recursively, and 300,000 "[" (a body
// well under the size limit) overflowed the stack of the thread serving it, killing the server.
TEST_P(FoundationApiTest, DeeplyNestedJsonIs400AndTheServerStaysUp) {
  auto r = Client()->Post("/api/v1/session", "{\"login\":" + std::string(300'000, '['));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"body"});
  EXPECT_EQ(Client()->Get("/api/v1/health").status, 200);
}

// Found by a long run of the JSON body fuzz target: RapidJSON 1.1.0's full-precision number
// conversion read outside its tables for a fraction with 360 leading zeros (a SEGV: the whole
// server down for one anonymous request). Numbers are now converted by std::from_chars.
TEST_P(FoundationApiTest, ANumberBelowTheSmallestDoubleIs400AndTheServerStaysUp) {
  auto r = Client()->Post("/api/v1/session", "{\"login\":0." + std::string(360, '0') + "9551615}");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"body"});
  auto big =
      Client()->Post("/api/v1/session", std::string("{\"login\":128.74836467836484838364836483643636483648e-300}"));
  EXPECT_EQ(big.status, 422);
  EXPECT_EQ(big.error_fields(), (std::vector<std::string>{"login", "password"}));
  EXPECT_EQ(Client()->Get("/api/v1/health").status, 200);
}

TEST_P(FoundationApiTest, OversizedBodyIs413) {
  std::string big = "{\"login\":\"" + std::string((1 << 20) + 10, 'a') + "\",\"password\":\"x\"}";
  auto r = Client()->Post("/api/v1/session", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
}

TEST_P(FoundationApiTest, NonJsonBodyIs415) {
  auto r = Client()->Post("/api/v1/session", "login=a", {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(r.status, 415);
}

TEST_P(FoundationApiTest, MessagesFollowAcceptLanguage) {
  auto c = Client();
  auto zh = c->Login("admin", "wrong-password");
  c->set_language("en");
  auto en = c->Login("admin", "wrong-password");
  EXPECT_EQ(zh.json()["detail"], "登录名或密码不正确");
  EXPECT_EQ(en.json()["detail"], "Wrong login name or password");
}

TEST_P(FoundationApiTest, LoginSessionAndLogout) {
  auto c = Client();
  auto login = c->Login("admin", "password-123");
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string cookie = login.header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  auto j = login.json();
  EXPECT_EQ(j["account"]["login"], "admin");
  ASSERT_EQ(j["grants"].size(), 1u);
  EXPECT_EQ(j["grants"][0]["role"], "committee_admin");
  EXPECT_FALSE(j["csrf_token"].get<std::string>().empty());

  auto me = c->Get("/api/v1/session");
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["account"]["id"], admin_id_);

  // Logging out needs the CSRF token.
  auto no_csrf = c->Send("DELETE", "/api/v1/session", "", {}, /*no_csrf=*/true);
  EXPECT_EQ(no_csrf.status, 403);
  auto wrong_csrf = c->Send("DELETE", "/api/v1/session", "", {{"X-CSRF-Token", "nope"}});
  EXPECT_EQ(wrong_csrf.status, 403);
  EXPECT_EQ(c->Get("/api/v1/session").status, 200) << "a refused logout changes nothing";
  EXPECT_EQ(c->Delete("/api/v1/session").status, 204);
  EXPECT_EQ(c->Get("/api/v1/session").status, 401);
}

TEST_P(FoundationApiTest, LoginAnswerDoesNotRevealWhetherTheAccountExists) {
  auto c = Client();
  auto known = c->Login("admin", "wrong-password");
  auto unknown = c->Login("nobody-here", "wrong-password");
  EXPECT_EQ(known.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(known.json()["detail"], unknown.json()["detail"]);
}

TEST_P(FoundationApiTest, FailedLoginsAreThrottledPerAccountAndExpire) {
  auto c = Client();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(c->Login("admin", "wrong-password").status, 401);
  auto fifth = c->Login("admin", "wrong-password");
  EXPECT_EQ(fifth.status, 401);
  auto locked = c->Login("admin", "password-123");
  EXPECT_EQ(locked.status, 429) << "even the right password waits while locked";
  EXPECT_FALSE(locked.header("retry-after").empty());
  // The same happens to a login name that does not exist.
  for (int i = 0; i < 5; ++i) c->Login("ghost", "wrong-password");
  EXPECT_EQ(c->Login("ghost", "wrong-password").status, 429);
  server().clock().Advance(31 * 1000);
  EXPECT_EQ(c->Login("admin", "password-123").status, 200);
}

TEST_P(FoundationApiTest, FailedLoginsAreThrottledPerAddress) {
  auto c = Client();
  // 30 failures spread over many login names lock the address.
  for (int i = 0; i < 30; ++i) c->Login("user" + std::to_string(i), "wrong-password");
  EXPECT_EQ(c->Login("admin", "password-123").status, 429);
}

TEST_P(FoundationApiTest, SessionsExpireWhenIdle) {
  auto c = Client();
  ASSERT_EQ(c->Login("admin", "password-123").status, 200);
  server().clock().Advance(13LL * 3600 * 1000);
  EXPECT_EQ(c->Get("/api/v1/session").status, 401);
}

TEST_P(FoundationApiTest, ChangesByAnotherInstanceReachCachedSessionsWithinTheCacheTime) {
  auto c = Client();
  ASSERT_EQ(c->Login("admin", "password-123").status, 200);
  ASSERT_EQ(c->Get("/api/v1/session").status, 200);
  // Another server instance (here: a direct write) disables the account.
  ASSERT_TRUE(
      server()
          .app()
          .db()
          .Write([&](storage::Transaction& tx) {
            return tx.Execute("UPDATE auth_accounts SET status = 'disabled' WHERE id = ?", {admin_id_}).status();
          })
          .ok());
  EXPECT_EQ(c->Get("/api/v1/session").status, 200) << "answered from the session cache";
  server().clock().Advance(server().app().config().session_cache_millis);
  EXPECT_EQ(c->Get("/api/v1/session").status, 401);
}

TEST_P(FoundationApiTest, LoginIsAudited) {
  auto c = Client();
  ASSERT_EQ(c->Login("admin", "password-123").status, 200);
  auto rows = server().app().db().Read([](storage::Transaction& tx) {
    return tx.Query("SELECT actor_account_id, action FROM audit_entries WHERE action = 'session.login'");
  });
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Int(0), admin_id_);
}

TEST_P(FoundationApiTest, MetricsCountRequestsByRouteAndStatus) {
  auto c = Client();
  c->Get("/api/v1/health");
  c->Get("/api/v1/health");
  auto m = c->Get("/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("tianshan_http_requests_total{method=\"GET\",route=\"/api/v1/health\",status=\"200\"} 2"),
            std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("tianshan_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(m.body.find("tianshan_db_transaction_seconds_total"), std::string::npos);
}

TEST_P(FoundationApiTest, AuditNeedsAnOrganizationId) {
  auto c = LoggedIn("admin", "password-123");
  auto r = c->Get("/api/v1/audit?organization_id=abc");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"organization_id"});
  EXPECT_EQ(c->Get("/api/v1/audit?organization_id=1&limit=0").status, 422);
}

TEST_P(FoundationApiTest, OpenApiDescribesExactlyTheRoutes) {
  auto doc = Client()->Get("/api/v1/openapi.json").json();
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["openapi"], "3.1.0");
  std::set<std::string> served, described;
  for (const auto& route : server().app().router().routes()) {
    std::string method = route->method;
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    served.insert(method + " " + route->pattern);
  }
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) described.insert(method + " " + path);
  }
  for (const auto& s : served) EXPECT_TRUE(described.count(s)) << "route not in the OpenAPI document: " << s;
  for (const auto& d : described) EXPECT_TRUE(served.count(d)) << "documented route that does not exist: " << d;
}

TEST_P(FoundationApiTest, OpenApiServedIsTheDocumentTheTestsCheckAgainst) {
  auto served = Client()->Get("/api/v1/openapi.json");
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.body, OpenApiDocument());
}

// What the request pipeline answers before any handler runs is documented on each operation:
// 401 on session routes, 403 (CSRF) on state-changing routes; and security names the session
// exactly where one is required.
TEST_P(FoundationApiTest, OpenApiDocumentsThePipelinesAnswersOfEachRoute) {
  auto doc = nlohmann::json::parse(OpenApiDocument());
  for (const auto& route : server().app().router().routes()) {
    std::string method = route->method;
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    const auto& op = doc["paths"][route->pattern][method];
    ASSERT_TRUE(op.is_object()) << route->method << " " << route->pattern;
    const auto& responses = op["responses"];
    const std::string name = route->method + " " + route->pattern;
    bool session = route->access == http::Access::kSession;
    if (session) {
      EXPECT_TRUE(responses.contains("401")) << name << ": 401 not documented";
    }
    bool needs_security = false;
    for (const auto& requirement : op.value("security", nlohmann::json::array())) {
      needs_security = needs_security || requirement.contains("session");
    }
    EXPECT_EQ(needs_security, session) << name << ": security should " << (session ? "" : "not ") << "name the session";
    bool unsafe = method != "get" && method != "head";
    if (unsafe && !route->csrf_exempt) {
      EXPECT_TRUE(responses.contains("403")) << name << ": 403 (CSRF) not documented";
    }
    // A route on the worker pool can meet a full queue or an unreachable database: 503; one run
    // inline answers from memory and is marked so in the document.
    const auto* dispatch = http::DispatchOf(*route);
    const bool inline_route = dispatch != nullptr && dispatch->run_inline;
    EXPECT_EQ(op.value("x-answers-from-memory", false), inline_route) << name;
    EXPECT_EQ(responses.contains("503"), !inline_route) << name << ": 503 documented exactly off the I/O thread";
    if (responses.contains("503") && responses["503"].contains("$ref")) {
      EXPECT_EQ(responses["503"]["$ref"], "#/components/responses/Unavailable") << name;
    }
  }
}

TS_INSTANTIATE_FOR_DATABASES(FoundationApiTest);

}  // namespace
}  // namespace tianshan::testing
