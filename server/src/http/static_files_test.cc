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
    std::ofstream(root_ / "assets" / "big-77aa.js") << "plain";
    std::ofstream(root_ / "assets" / "big-77aa.js.br") << "BROTLI";
    std::ofstream(root_ / "assets" / "big-77aa.js.gz") << "GZIP";
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

TEST_F(StaticFilesTest, PrecompressedCopiesGoToClientsThatTakeThem) {
  auto br = files_.Serve("/assets/big-77aa.js", "", "gzip, deflate, br");
  ASSERT_TRUE(br);
  EXPECT_EQ(br->body, "BROTLI");
  EXPECT_EQ(HeaderOf(*br, "Content-Encoding"), "br");
  EXPECT_EQ(HeaderOf(*br, "Vary"), "Accept-Encoding");
  EXPECT_EQ(br->content_type, "text/javascript; charset=utf-8");

  auto gz = files_.Serve("/assets/big-77aa.js", "", "gzip;q=1, br;q=0");
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->body, "GZIP");
  EXPECT_EQ(HeaderOf(*gz, "Content-Encoding"), "gzip");
  EXPECT_NE(HeaderOf(*gz, "ETag"), HeaderOf(*br, "ETag")) << "each representation has its own ETag";

  auto plain = files_.Serve("/assets/big-77aa.js", "", "");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->body, "plain");
  EXPECT_EQ(HeaderOf(*plain, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(*plain, "Vary"), "Accept-Encoding");

  auto again = files_.Serve("/assets/big-77aa.js", HeaderOf(*br, "ETag"), "br");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_EQ(files_.Serve("/assets/big-77aa.js", HeaderOf(*br, "ETag"), "gzip")->status, 200)
      << "the brotli ETag does not validate the gzip copy";
  EXPECT_FALSE(files_.Serve("/assets/big-77aa.js.br", "", "br")) << "copies are not files of their own";
  EXPECT_EQ(HeaderOf(*files_.Serve("/favicon.svg", "", "br"), "Vary"), "") << "nothing to vary without copies";
}

TEST(AcceptsEncodingTest, ReadsTheHeaderAsRfc9110Says) {
  EXPECT_TRUE(AcceptsEncoding("gzip, deflate, br", "br"));
  EXPECT_TRUE(AcceptsEncoding("BR", "br"));
  EXPECT_TRUE(AcceptsEncoding("br;q=0.5", "br"));
  EXPECT_FALSE(AcceptsEncoding("br;q=0", "br"));
  EXPECT_FALSE(AcceptsEncoding("br;q=0.0, gzip", "br"));
  EXPECT_FALSE(AcceptsEncoding("gzip", "br"));
  EXPECT_FALSE(AcceptsEncoding("", "gzip"));
  EXPECT_TRUE(AcceptsEncoding("*", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("*, gzip;q=0", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("brotli", "br")) << "whole names only";
}

}  // namespace
}  // namespace tianshan::http
