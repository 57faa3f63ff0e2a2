// Where `serve` finds the web app without --web: the working directory's web/dist, else beside
// the binary (a build tree or an install); an explicit --web is never replaced.

#include "app/web_location.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace tianshan {
namespace {

namespace fs = std::filesystem;

class WebLocationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("tianshan-web-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "bin");
  }
  void TearDown() override { fs::remove_all(root_); }
  void MakeApp(const fs::path& dir) {
    fs::create_directories(dir);
    std::ofstream(dir / "index.html") << "<!doctype html>";
  }
  std::string Bin() const { return (root_ / "bin" / "tianshan").string(); }
  fs::path root_;
};

TEST_F(WebLocationTest, TheConfiguredFolderWinsWhenItHoldsTheApp) {
  MakeApp(root_ / "here");
  MakeApp(root_ / "share" / "tianshan" / "web");
  EXPECT_EQ(LocateWebApp((root_ / "here").string(), false, Bin()), (root_ / "here").string());
}

TEST_F(WebLocationTest, WithoutItTheAppBesideTheBinaryIsServed) {
  EXPECT_EQ(LocateWebApp("web/dist-missing", false, Bin()), std::nullopt) << "nothing anywhere: API only";
  MakeApp(root_ / "share" / "tianshan" / "web");
  EXPECT_EQ(LocateWebApp("web/dist-missing", false, Bin()), (root_ / "share" / "tianshan" / "web").string());
  MakeApp(root_ / "web" / "dist");
  EXPECT_EQ(LocateWebApp("web/dist-missing", false, Bin()), (root_ / "web" / "dist").string()) << "a build tree first";
}

TEST_F(WebLocationTest, AnExplicitFolderIsNeverReplaced) {
  MakeApp(root_ / "web" / "dist");
  EXPECT_EQ(LocateWebApp((root_ / "nowhere").string(), true, Bin()), std::nullopt);
  EXPECT_EQ(LocateWebApp("", true, Bin()), std::nullopt) << "--web '' asks for the API only";
  fs::create_directories(root_ / "empty");
  EXPECT_EQ(LocateWebApp((root_ / "empty").string(), true, Bin()), std::nullopt) << "a folder without index.html";
}

}  // namespace
}  // namespace tianshan
