// The command line as a person types it: global options after the subcommand are accepted
// (`tianshan demo --db sqlite:x.db`), and a refused command says why.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace tianshan::testing {
namespace {

struct CommandRun {
  int exit_code = -1;
  std::string output;
};

CommandRun Tianshan(const std::string& args) {
  const char* bin = std::getenv("TIANSHAN_BIN");
  CommandRun run;
  if (bin == nullptr) return run;
  FILE* pipe = ::popen((std::string(bin) + " " + args + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 512> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) run.output += buffer.data();
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(CommandLineTest, GlobalOptionsAreAcceptedAfterTheSubcommand) {
  if (std::getenv("TIANSHAN_BIN") == nullptr) GTEST_SKIP() << "TIANSHAN_BIN is not set";
  const auto dir = std::filesystem::temp_directory_path() / ("tianshan-cli-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "demo.db").string();

  CommandRun demo = Tianshan("demo --db sqlite:" + db + " --password-cost fast --quiet");
  EXPECT_EQ(demo.exit_code, 0) << demo.output;
  EXPECT_NE(demo.output.find("demo network loaded into"), std::string::npos) << demo.output;
  EXPECT_TRUE(std::filesystem::exists(db)) << "the database named after the subcommand was used";

  CommandRun again = Tianshan("demo --quiet --db sqlite:" + db);
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_NE(again.output.find("already holds data"), std::string::npos) << again.output;

  CommandRun counters = Tianshan("--quiet verify-counters --db sqlite:" + db);
  EXPECT_EQ(counters.exit_code, 0) << counters.output;

  CommandRun unknown = Tianshan("demo --no-such-option");
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.output.find("--no-such-option"), std::string::npos) << unknown.output;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tianshan::testing
