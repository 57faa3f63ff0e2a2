#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace tianshan::http {
namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("tianshan_static_" + std::to_string(getpid()));
    std::filesystem::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<html>app</html>";
    std::ofstream(root_ / "assets" / "app-3f9a.js") << "console.log(1)";
    std::ofstream(root_ / "favicon.svg") << "<svg/>";
    std::ofstream(root_.parent_path() / "secret.txt") << "secret";
    files_ = StaticFiles::Load(root_.string());
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  std::filesystem::path root_;
  StaticFiles files_;
};

std::string HeaderOf(const HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

TEST_F(StaticFilesTest, HashedAssetsAreCachedForAYear) {
  auto r = files_.Serve("/assets/app-3f9a.js", "");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "console.log(1)");
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  EXPECT_NE(HeaderOf(*r, "Cache-Control").find("max-age=31536000"), std::string::npos);
}

TEST_F(StaticFilesTest, IndexIsTheFallbackForAppRoutesAndIsNotCached) {
  auto r = files_.Serve("/app/organizations/12", "");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "<html>app</html>");
  EXPECT_EQ(HeaderOf(*r, "Cache-Control"), "no-cache");
  EXPECT_TRUE(files_.Serve("/", ""));
}

TEST_F(StaticFilesTest, MissingFilesWithExtensionsAre404) { EXPECT_FALSE(files_.Serve("/assets/nope.js", "")); }

TEST_F(StaticFilesTest, NothingOutsideTheFolderIsReachable) {
  auto r = files_.Serve("/../secret.txt", "");
  EXPECT_FALSE(r && r->body == "secret");
}

TEST_F(StaticFilesTest, EtagAnswers304) {
  auto first = files_.Serve("/favicon.svg", "");
  ASSERT_TRUE(first);
  auto again = files_.Serve("/favicon.svg", HeaderOf(*first, "ETag"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
}

}  // namespace
}  // namespace tianshan::http
