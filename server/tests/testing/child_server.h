#pragma once
// A real `tianshan serve` child process for crash tests (header only): a free loopback port, the
// fork/exec with extra environment variables, and waiting until it answers /health; the helpers
// the crash, kill and fault tests share (a fresh database or a skip, a login's session token).

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "testing/http_client.h"
#include "testing/test_database.h"

namespace tianshan::testing {

inline uint16_t FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

// Starts `argv` (argv[0] the binary) with the extra `env`; returns the child's pid. With
// `stderr_path`, the child's standard error (a sanitizer's report, a crash message, progress
// lines) goes to that file, for DiedSaying().
inline pid_t StartProcess(std::vector<std::string> argv, const std::vector<std::pair<std::string, std::string>>& env,
                          const std::string& stderr_path) {
  pid_t pid = fork();
  if (pid == 0) {
    if (!stderr_path.empty()) {
      int fd = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (fd >= 0) dup2(fd, STDERR_FILENO);
    }
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  return pid;
}

// Starts `bin --db url serve --port port` (fast password hashing, quiet, no web app) with the
// extra `env` and `args`; returns the child's pid. `stderr_path` as for StartProcess().
inline pid_t StartServerProcess(const std::string& bin, const std::string& url, uint16_t port,
                                const std::vector<std::pair<std::string, std::string>>& env = {},
                                const std::vector<std::string>& args = {}, const std::string& stderr_path = "") {
  std::vector<std::string> argv = {
      bin, "--db", url, "--quiet", "--password-cost", "fast", "serve", "--port", std::to_string(port), "--web", ""};
  argv.insert(argv.end(), args.begin(), args.end());
  return StartProcess(std::move(argv), env, stderr_path);
}

// `env` plus what turns a child server's abuse limits off: the rate limits per address and per
// account and the connections per address. The crash, kill and fault tests drive a server from
// one address far faster than people do, and test durability, not throttling (AbuseLimitsTest
// does that): under load a storm would otherwise be answered 429 and acknowledge too few writes.
inline std::vector<std::pair<std::string, std::string>> WithoutAbuseLimits(
    std::vector<std::pair<std::string, std::string>> env = {}) {
  env.emplace_back("TIANSHAN_RATE_LIMIT_IP", "0");
  env.emplace_back("TIANSHAN_RATE_LIMIT_ACCOUNT", "0");
  env.emplace_back("TIANSHAN_MAX_CONNECTIONS_PER_IP", "0");
  return env;
}

// The seed of a fault test's random choices: TIANSHAN_FAULT_SEED when set (to replay a run the
// test printed), else one random seed per test process.
inline uint32_t FaultSeed() {
  const char* fixed = std::getenv("TIANSHAN_FAULT_SEED");
  static const uint32_t seed = fixed ? static_cast<uint32_t>(std::stoul(fixed)) : std::random_device{}();
  return seed;
}

inline std::string Quoted(const std::string& s) { return "'" + s + "'"; }

// Runs a shell command; its exit status (or -1) and, when `out` is given, its output (standard
// output and error).
inline int Shell(const std::string& command, std::string* out = nullptr) {
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (p == nullptr) return -1;
  char buf[4096];
  std::string text;
  while (size_t n = fread(buf, 1, sizeof buf, p)) text.append(buf, n);
  int status = pclose(p);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// `$TIANSHAN_BIN verify-counters` on the database: "" when clean, else its exit status and report.
inline std::string VerifyCounters(const std::string& url) {
  std::string out;
  int rc = Shell(Quoted(std::getenv("TIANSHAN_BIN")) + " --db " + Quoted(url) + " --quiet verify-counters", &out);
  return rc == 0 ? std::string() : "exit " + std::to_string(rc) + ": " + out;
}

// The session token of a login answer's Set-Cookie.
inline std::string SessionToken(const HttpResult& login) {
  const std::string c = login.header("set-cookie");
  auto start = c.find('=') + 1;
  return c.substr(start, c.find(';') - start);
}

// For tests of child processes: a fresh database of `dialect` in `out`; when there is none, the
// test is skipped (PostgreSQL not configured and TIANSHAN_REQUIRE_POSTGRES unset) or fails
// fatally, and `out` stays null. Also skips when TIANSHAN_BIN (set by ctest) is missing.
inline void CreateChildTestDatabase(storage::Dialect dialect, std::unique_ptr<TestDatabase>& out) {
  if (std::getenv("TIANSHAN_BIN") == nullptr) GTEST_SKIP() << "TIANSHAN_BIN is not set (ctest sets it)";
  std::string why;
  out = TestDatabase::Create(dialect, &why);
  if (out) return;
  const char* require = std::getenv("TIANSHAN_REQUIRE_POSTGRES");
  if (dialect == storage::Dialect::kPostgres && (require == nullptr || std::string(require) != "1")) {
    GTEST_SKIP() << why;
  }
  FAIL() << why;
}

// SIGKILLs the child `pid` names, if it still runs, when the scope ends: a failed ASSERT that
// returns early must not leave a server behind holding ctest's output pipe (ctest then waits
// for it until its timeout). Reads `pid` at the end, so a restarted child is covered too.
class KillChildOnExit {
 public:
  explicit KillChildOnExit(const pid_t& pid) : pid_(pid) {}
  ~KillChildOnExit() {
    if (pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  KillChildOnExit(const KillChildOnExit&) = delete;
  KillChildOnExit& operator=(const KillChildOnExit&) = delete;

 private:
  const pid_t& pid_;
};

inline bool WaitHealthy(uint16_t port) {
  HttpClient c("http://127.0.0.1:" + std::to_string(port));
  for (int i = 0; i < 200; ++i) {
    if (c.Get("/api/v1/health").status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// How a child ended (from waitpid's status) and the end of what it wrote to `stderr_path`.
inline std::string EndedSaying(int status, const std::string& stderr_path) {
  std::ostringstream out;
  if (WIFSIGNALED(status)) {
    out << "the server died of signal " << WTERMSIG(status);
  } else {
    out << "the server exited with status " << WEXITSTATUS(status);
  }
  std::ifstream in(stderr_path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > 8000) text = "..." + text.substr(text.size() - 8000);
  out << "; its standard error:\n" << text;
  return out.str();
}

// Empty while the child runs; once it has ended on its own (not killed by the test), how, so a
// failure shows why the server died.
inline std::string DiedSaying(pid_t pid, const std::string& stderr_path) {
  int status = 0;
  if (waitpid(pid, &status, WNOHANG) != pid) return "";
  return EndedSaying(status, stderr_path);
}

}  // namespace tianshan::testing
