// Which handlers run with reads that may lag (app/read_routing.h), without a database: each
// handler records storage::ReadsMayLagOnThisThread() as it runs.
#include "app/read_routing.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "http/dispatch.h"
#include "storage/read_replica.h"

namespace tianshan {
namespace {

class ReadRoutingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto record = [this](http::HttpRequest&) {
      seen_ = storage::ReadsMayLagOnThisThread();
      return http::HttpResponse::Json("{}");
    };
    router_.Add("GET", "/list", http::Access::kPublic, record);
    http::AnswerFromCache(router_.Add("GET", "/stats", http::Access::kPublic, record),
                          [](http::HttpRequest&) { return std::nullopt; });
    router_.Add("POST", "/things", http::Access::kPublic, record);
    router_.Add("GET", "/writes", http::Access::kPublic, [this](http::HttpRequest&) {
      storage::NoteWriteOnThisThread();  // as Database::Write does
      seen_ = storage::ReadsMayLagOnThisThread();
      return http::HttpResponse::Json("{}");
    });
  }
  // Runs the route's handler as the pipeline would; the answer's headers.
  http::HeaderList Call(const std::string& method, const std::string& path, const std::string& cookie = "") {
    http::HttpRequest req;
    req.method = method;
    req.path = path;
    if (!cookie.empty()) req.headers.emplace_back("cookie", cookie);
    http::RouteMatch m = router_.Match(method, path);
    EXPECT_NE(m.route, nullptr);
    http::HeaderList headers;
    m.route->handler(req, [&](http::HttpResponse r) { headers = r.headers; });
    EXPECT_FALSE(storage::ReadsMayLagOnThisThread()) << "the scope ends with the handler";
    return headers;
  }
  bool SeenOn(const std::string& method, const std::string& path, const std::string& cookie = "") {
    seen_ = false;
    Call(method, path, cookie);
    return seen_;
  }

  http::Router router_;
  bool seen_ = false;
};

TEST_F(ReadRoutingTest, GetHandlersMayLagCachedAnswersAndWritesUseThePrimary) {
  RouteLaggingReads(router_, {60'000, "tianshan_session", false});
  EXPECT_TRUE(SeenOn("GET", "/list", "tianshan_session=a"));
  EXPECT_FALSE(SeenOn("GET", "/stats", "tianshan_session=a")) << "a cached answer is filled from the primary";
  EXPECT_FALSE(SeenOn("POST", "/things", "tianshan_session=a"));
  EXPECT_FALSE(SeenOn("GET", "/writes", "tianshan_session=b")) << "a write ends the scope for the rest";
}

TEST_F(ReadRoutingTest, ASessionThatWroteReadsThePrimaryForTheWindowOthersDoNot) {
  RouteLaggingReads(router_, {300, "tianshan_session", false});
  http::HeaderList answer = Call("POST", "/things", "tianshan_session=writer");
  ASSERT_FALSE(answer.empty());
  EXPECT_EQ(answer.front().first, "Set-Cookie");
  EXPECT_EQ(answer.front().second.rfind("tianshan_ryw=", 0), 0u) << answer.front().second;
  EXPECT_NE(answer.front().second.find("Max-Age=1"), std::string::npos) << answer.front().second;
  EXPECT_FALSE(SeenOn("GET", "/list", "tianshan_session=writer"));
  EXPECT_TRUE(SeenOn("GET", "/list", "tianshan_session=other"));
  Call("GET", "/writes", "tianshan_session=reader-that-wrote");
  EXPECT_FALSE(SeenOn("GET", "/list", "tianshan_session=reader-that-wrote")) << "a GET that wrote counts too";
  std::this_thread::sleep_for(std::chrono::milliseconds(350));
  EXPECT_TRUE(SeenOn("GET", "/list", "tianshan_session=writer")) << "the window is over";
  EXPECT_TRUE(SeenOn("GET", "/list", "tianshan_session=reader-that-wrote"));
}

TEST_F(ReadRoutingTest, AReadYourWritesCookieOfAnotherInstanceIsHonouredUntilItsTime) {
  RouteLaggingReads(router_, {5000, "tianshan_session", false});
  const int64_t now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  EXPECT_FALSE(SeenOn("GET", "/list", "tianshan_session=x; tianshan_ryw=" + std::to_string(now + 60'000)));
  EXPECT_TRUE(SeenOn("GET", "/list", "tianshan_session=x; tianshan_ryw=" + std::to_string(now - 1)));
  EXPECT_TRUE(SeenOn("GET", "/list", "tianshan_session=x; tianshan_ryw=garbage"));
}

}  // namespace
}  // namespace tianshan
