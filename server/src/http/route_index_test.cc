#include "http/route_index.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/app.h"

namespace tianshan::http {
namespace {

Route& Add(Router& router, const std::string& method, const std::string& pattern) {
  return router.Add(method, pattern, Access::kPublic, [](HttpRequest&) { return HttpResponse{}; });
}

void ExpectSame(const Router& router, const RouteIndex& index, std::string_view method, std::string_view path) {
  SCOPED_TRACE(std::string(method) + " " + std::string(path));
  RouteMatch want = router.Match(method, path);
  RouteMatch got = index.Match(method, path);
  EXPECT_EQ(got.route, want.route);
  EXPECT_EQ(got.path_known, want.path_known);
  EXPECT_EQ(got.params, want.params);
}

TEST(RouteIndexTest, MostLiteralSegmentsWinThenTheFirstAdded) {
  Router router;
  const Route& by_id = Add(router, "GET", "/api/v1/organizations/{id}");
  const Route& search = Add(router, "GET", "/api/v1/organizations/search");
  const Route& first = Add(router, "GET", "/api/v1/things/{a}/x");
  Add(router, "GET", "/api/v1/things/{b}/x");  // same literals, added later: never chosen
  const Route& post = Add(router, "POST", "/api/v1/organizations/{id}");
  RouteIndex index(router);

  EXPECT_EQ(index.Match("GET", "/api/v1/organizations/search").route, &search);
  auto m = index.Match("GET", "/api/v1/organizations/42");
  EXPECT_EQ(m.route, &by_id);
  EXPECT_EQ(m.params, (std::vector<std::pair<std::string, std::string>>{{"id", "42"}}));
  EXPECT_EQ(index.Match("POST", "/api/v1/organizations/42").route, &post);
  EXPECT_EQ(index.Match("HEAD", "/api/v1/organizations/42").route, &by_id);
  m = index.Match("GET", "/api/v1/things/7/x");
  EXPECT_EQ(m.route, &first);
  EXPECT_EQ(m.params, (std::vector<std::pair<std::string, std::string>>{{"a", "7"}}));
  // The path exists for another method: 405, not 404.
  m = index.Match("DELETE", "/api/v1/organizations/42");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  m = index.Match("GET", "/api/v1/nothing/here");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.path_known);
  // Empty segments are skipped, as Router::Match does.
  EXPECT_EQ(index.Match("GET", "//api/v1//organizations/search/").route, &search);
}

// Every route of the real application, asked for by its own pattern (parameters filled in) and
// by near misses, with every method: the index answers what the router answers.
TEST(RouteIndexTest, AnswersAsTheRouterForEveryApplicationRoute) {
  const auto dir = std::filesystem::temp_directory_path() / ("route_index_test_" + std::to_string(::getpid()));
  AppConfig config;
  config.db_url = "sqlite:" + (dir / "t.db").string();
  auto app = App::Create(config);  // registers every module; nothing is migrated or served
  ASSERT_TRUE(app.ok()) << app.status().detail();
  const Router& router = (*app)->router();
  RouteIndex index(router);
  ASSERT_GT(router.routes().size(), 100u);
  for (const auto& route : router.routes()) {
    std::string path, longer, other;
    for (const auto& segment : route->segments) {
      const std::string part = IsParamSegment(segment) ? "12" : segment;
      path += "/" + part;
      other += "/" + (IsParamSegment(segment) ? std::string("search") : part);
    }
    longer = path + "/extra";
    for (const char* method : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) {
      ExpectSame(router, index, method, path);
      ExpectSame(router, index, method, other);
      ExpectSame(router, index, method, longer);
    }
  }
  app->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tianshan::http
