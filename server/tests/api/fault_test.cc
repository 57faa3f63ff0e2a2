// Kill and fault tests (issue 15, item 4). A real `tianshan serve` child process works under load
// from several client threads, which record every write that got a 2xx; then a fault:
//
//   * SIGKILL at a random moment during a spreadsheet import, during subtree moves and during a
//     sign-up storm (several cycles each, on SQLite and PostgreSQL; `tianshan generate` killed:
//     generate_kill_test.cc); after the kill `tianshan verify-counters` is clean, every acknowledged write is
//     there after a restart, and nothing is half done (an import is all rows or none, a move is
//     the whole subtree or nothing);
//   * PostgreSQL restarted under load (a private cluster of this test, started with pg_ctl):
//     requests in flight answer 200 or 503 problem+json, never 500 or a dropped connection, the
//     server reconnects by itself, and every acknowledged login survives;
//   * the disk full under SQLite (a small tmpfs; needs root, else skipped): writes answer 503
//     problem+json, reads still answer, and writes succeed again once space returns.
//
// Each test prints its cycles and the acknowledged writes it checked; the seed of the random
// kill moments is printed so that a failure can be replayed (TIANSHAN_FAULT_SEED).

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <thread>

#include "app/app.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/tables/xlsx_writer.h"
#include "modules/accounts/public/create_account.h"
#include "modules/organizations/create_organization.h"
#include "modules/people/create_person.h"
#include "modules/people/people_test_support.h"
#include "testing/child_server.h"
#include "testing/test_database.h"

namespace tianshan::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kHourMs = 3600 * 1000;

const char* Bin() { return std::getenv("TIANSHAN_BIN"); }

bool IsProblem503(const HttpResult& r) {
  return r.status == 503 && r.header("content-type").rfind("application/problem+json", 0) == 0;
}

// The world every scenario starts from, written in-process before the child server starts:
// region R ─┬─ city C1 ── street W ─┬─ branch A (the volunteers' branch)
//           │                       └─ branch B (where imports go)
//           └─ city C2
// an administrator on R ("fault-admin") and `volunteers` young people of A with accounts
// ("vol-N"); every password is "password-123".
struct World {
  std::map<std::string, int64_t> org;
  std::map<std::string, std::string> name;
  int volunteers = 0;
};

Status BuildWorld(const std::string& url, World& world, std::unique_ptr<storage::Database> db) {
  InitLogging(true);
  AppConfig config;
  config.password_cost = "fast";
  if (!db) {
    TS_ASSIGN_OR_RETURN(db, storage::OpenDatabase(url, 4));
  }
  TS_ASSIGN_OR_RETURN(auto app, App::Create(config, std::move(db)));
  TS_RETURN_IF_ERROR(app->Migrate().status());
  auto& ctx = app->context();
  std::vector<int64_t> people;
  TS_RETURN_IF_ERROR(app->db().Write([&](storage::Transaction& tx) -> Status {
    std::map<std::string, std::string> paths;
    auto make = [&](const std::string& key, const std::string& parent, const std::string& name,
                    const std::string& kind) -> Status {
      organizations::CreateOrganizationInput in;
      if (!parent.empty()) in.parent_id = world.org.at(parent);
      in.fields.name = name;
      in.fields.kind = kind;
      in.fields.setting = kind == "branch" ? "community" : "government";
      TS_ASSIGN_OR_RETURN(auto o, organizations::CreateOrganizationUnchecked(tx, ctx, std::nullopt, in, "test"));
      world.org[key] = o.id;
      world.name[key] = name;
      paths[key] = o.path;
      return Status::Ok();
    };
    TS_RETURN_IF_ERROR(make("R", "", "故障测试自治区团委", "committee"));
    TS_RETURN_IF_ERROR(make("C1", "R", "故障测试甲市团委", "committee"));
    TS_RETURN_IF_ERROR(make("C2", "R", "故障测试乙市团委", "committee"));
    TS_RETURN_IF_ERROR(make("W", "C1", "故障测试街道团工委", "working_committee"));
    TS_RETURN_IF_ERROR(make("A", "W", "故障测试甲社区团支部", "branch"));
    TS_RETURN_IF_ERROR(make("B", "W", "故障测试乙社区团支部", "branch"));
    for (int i = 0; i < world.volunteers; ++i) {
      people::CreatePersonInput in;
      in.fields.name = "志愿者" + std::to_string(i);
      in.fields.gender = i % 2 ? "female" : "male";
      in.fields.birth_date = "2000-01-01";
      in.organization_id = world.org["A"];
      TS_ASSIGN_OR_RETURN(int64_t id, people::InsertPersonUnchecked(tx, ctx, in, paths["A"], true));
      people.push_back(id);
    }
    return Status::Ok();
  }));
  auth::NewAccount admin{"fault-admin",  std::nullopt, "fault-admin",
                         "password-123", std::nullopt, {{world.org["R"], auth::Role::kCommitteeAdmin}},
                         false};
  TS_RETURN_IF_ERROR(auth::CreateAccount(ctx, admin, std::nullopt).status());
  for (int i = 0; i < world.volunteers; ++i) {
    auth::NewAccount v{"vol-" + std::to_string(i), std::nullopt, "vol", "password-123", people[i], {}, false};
    TS_RETURN_IF_ERROR(auth::CreateAccount(ctx, v, std::nullopt).status());
  }
  return Status::Ok();
}

// A child server on one database: start, SIGKILL, restart, stop. Its rate and connection limits
// are off: the loads come from one address far faster than people do, and test durability.
class Child {
 public:
  Child(std::string url, std::vector<std::pair<std::string, std::string>> env = {})
      : url_(std::move(url)), env_(WithoutAbuseLimits(std::move(env))), port_(FreePort()) {}
  ~Child() { Stop(); }
  bool Start() {
    pid_ = StartServerProcess(Bin(), url_, port_, env_);
    return WaitHealthy(port_);
  }
  void Kill() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
  }
  // A stop ends the server cleanly, exit 0: a sanitizer's report (make test-tsan, make
  // test-asan) ends it with another status, and its report is in this test's output.
  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    const bool reaped = waitpid(pid_, &status, 0) == pid_;
    pid_ = 0;
    EXPECT_TRUE(!reaped || (WIFEXITED(status) && WEXITSTATUS(status) == 0)) << EndedSaying(status, "");
  }
  bool Alive() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::unique_ptr<HttpClient> Client() const { return std::make_unique<HttpClient>(base()); }
  std::unique_ptr<HttpClient> LoggedIn(const std::string& login) const {
    auto c = Client();
    auto r = c->Login(login, "password-123");
    EXPECT_EQ(r.status, 200) << login << " " << r.body;
    return c;
  }

 private:
  std::string url_;
  std::vector<std::pair<std::string, std::string>> env_;
  uint16_t port_;
  pid_t pid_ = 0;
};

class KillTest : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  void SetUp() override {
    CreateChildTestDatabase(GetParam(), database_);
    if (!database_) return;
    rng_.seed(FaultSeed() + static_cast<uint32_t>(GetParam()));
  }

  void MakeWorld(int volunteers) {
    world_.volunteers = volunteers;
    Status s = BuildWorld(database_->url(), world_, database_->TakeDb());
    ASSERT_TRUE(s.ok()) << s.message() << " " << s.detail();
  }

  int RandomMillis(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  template <typename T>
  T Scalar(const std::string& sql, std::initializer_list<storage::Param> params = {}) {
    auto db = database_->OpenAnother(1);
    auto r = db->Read([&](storage::Transaction& tx) -> Result<int64_t> {
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(sql, params));
      return row ? row->Int(0) : 0;
    });
    EXPECT_TRUE(r.ok()) << sql << ": " << r.status().detail();
    return r.ok() ? static_cast<T>(*r) : T{};
  }

  void Report(const char* what, int cycles, size_t acknowledged, size_t lost) {
    std::printf("[ fault    ] %s on %s: %d kill cycles, %zu acknowledged writes checked, %zu lost (seed %u)\n", what,
                GetParam() == storage::Dialect::kSqlite ? "SQLite" : "PostgreSQL", cycles, acknowledged, lost,
                FaultSeed());
    RecordProperty("cycles", cycles);
    RecordProperty("acknowledged", static_cast<int>(acknowledged));
  }

  std::unique_ptr<TestDatabase> database_;
  World world_;
  std::mt19937 rng_;
};

// A sign-up storm: every volunteer signs up for a fresh 10-seat shift at once (16 threads), the
// server is SIGKILLed at a random moment; each acknowledged sign-up is on the roster after the
// restart with the state it was answered, the seats are never oversold, the counters agree.
TEST_P(KillTest, SignUpStorm) {
  constexpr int kVolunteers = 120, kSeats = 10, kCycles = 4;  // the first one measures a whole storm
  ASSERT_NO_FATAL_FAILURE(MakeWorld(kVolunteers));
  Child child(database_->url());
  ASSERT_TRUE(child.Start());
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int i = 0; i < kVolunteers; ++i) clients.push_back(child.LoggedIn("vol-" + std::to_string(i)));
  auto admin = child.LoggedIn("fault-admin");
  auto project = admin->Post("/api/v1/volunteering/projects", nlohmann::json{{"title", "故障演练"},
                                                                             {"category", "community"},
                                                                             {"location", "克拉玛依"},
                                                                             {"organization_id", world_.org["A"]}});
  ASSERT_EQ(project.status, 201) << project.body;
  const std::string project_path =
      "/api/v1/volunteering/projects/" + std::to_string(project.json()["id"].get<int64_t>());
  ASSERT_EQ(admin->Post(project_path + "/status", nlohmann::json{{"status", "recruiting"}}).status, 200);

  size_t checked = 0, lost = 0, mid_storm = 0;
  int storm_ms = 0;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    const bool calibrate = cycle == 0;
    const int64_t now = SystemClock().NowMillis();
    // Shifts of different cycles do not overlap: a volunteer may hold a seat in each.
    const int64_t starts = now + (72 + 4 * cycle) * int64_t{kHourMs};
    auto shift = admin->Post(project_path + "/shifts", nlohmann::json{{"starts_at", FormatUtc(starts)},
                                                                      {"ends_at", FormatUtc(starts + 3 * kHourMs)},
                                                                      {"capacity", kSeats},
                                                                      {"role", "志愿者"}});
    ASSERT_EQ(shift.status, 201) << shift.body;
    const std::string shift_path = "/api/v1/volunteering/shifts/" + std::to_string(shift.json()["id"].get<int64_t>());

    std::mutex mutex;
    std::map<int64_t, std::string> acknowledged;  // sign-up id → state answered
    std::atomic<int> next{0};
    std::vector<std::thread> threads;
    const auto started = Clock::now();
    for (int t = 0; t < 16; ++t) {
      threads.emplace_back([&] {
        for (int i = next++; i < kVolunteers; i = next++) {
          auto r = clients[i]->Post(shift_path + "/sign-ups", std::string(),
                                    {{"Idempotency-Key", "storm-" + std::to_string(cycle) + "-" + std::to_string(i)}});
          if (r.status == 201) {
            std::lock_guard lock(mutex);
            acknowledged[r.json()["id"].get<int64_t>()] = r.json()["status"].get<std::string>();
          }
        }
      });
    }
    if (calibrate) {
      for (auto& t : threads) t.join();
      storm_ms =
          static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count());
    } else {
      // A moment within the storm as long as the calibration run took.
      std::this_thread::sleep_for(std::chrono::milliseconds(RandomMillis(storm_ms / 20, storm_ms)));
      child.Kill();
      for (auto& t : threads) t.join();
      if (acknowledged.size() < static_cast<size_t>(kVolunteers)) ++mid_storm;
      std::printf("[ fault    ] cycle %d: killed with %zu sign-ups acknowledged\n", cycle, acknowledged.size());
      EXPECT_EQ(VerifyCounters(database_->url()), "") << "cycle " << cycle;
      ASSERT_TRUE(child.Start()) << "no restart after the kill";
    }
    auto roster = admin->Get(shift_path + "/roster");
    ASSERT_EQ(roster.status, 200) << roster.body;
    const auto roster_json = roster.json();
    std::map<int64_t, std::string> on_roster;
    for (const auto& item : roster_json["items"]) {
      on_roster[item["sign_up"]["id"].get<int64_t>()] = item["sign_up"]["status"].get<std::string>();
    }
    for (const auto& [id, state] : acknowledged) {
      ++checked;
      auto it = on_roster.find(id);
      if (it == on_roster.end() || it->second != state) {
        ++lost;
        ADD_FAILURE() << "cycle " << cycle << ": acknowledged sign-up " << id << " (" << state << ") is "
                      << (it == on_roster.end() ? "missing" : it->second);
      }
    }
    EXPECT_LE(roster_json["shift"]["confirmed"].get<int>(), kSeats);
    EXPECT_EQ(Scalar<size_t>("SELECT COUNT(*) FROM volunteering_signups WHERE shift_id = ?",
                             {shift.json()["id"].get<int64_t>()}),
              on_roster.size());
  }
  std::printf("[ fault    ] a whole storm took %d ms; %zu of %d kills came in the middle of it\n", storm_ms, mid_storm,
              kCycles - 1);
  Report("sign-up storm", kCycles - 1, checked, lost);
  EXPECT_EQ(lost, 0u);
}

// Subtree moves: street W (with its two branches and the volunteers of A) moves between C1 and
// C2 as fast as the server answers; a SIGKILL at a random moment. W is afterwards under the
// last acknowledged parent or the one in flight, and every path below it agrees: the whole
// subtree moved, or none of it.
TEST_P(KillTest, SubtreeMove) {
  constexpr int kCycles = 3;
  ASSERT_NO_FATAL_FAILURE(MakeWorld(40));
  Child child(database_->url());
  ASSERT_TRUE(child.Start());
  auto admin = child.LoggedIn("fault-admin");
  const int64_t w = world_.org["W"];
  const std::string move_path = "/api/v1/organizations/" + std::to_string(w) + "/move";
  int64_t acknowledged_parent = world_.org["C1"];
  size_t checked = 0, lost = 0, moves = 0;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    std::atomic<int64_t> in_flight{acknowledged_parent};
    std::atomic<bool> stop{false};
    std::thread mover([&] {
      while (!stop) {
        const int64_t target = acknowledged_parent == world_.org["C1"] ? world_.org["C2"] : world_.org["C1"];
        in_flight = target;
        auto r = admin->Post(move_path, nlohmann::json{{"new_parent_id", target}});
        if (r.status != 200) break;  // the server is gone
        acknowledged_parent = target;
        ++moves;
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(RandomMillis(50, 800)));
    child.Kill();
    stop = true;
    mover.join();

    EXPECT_EQ(VerifyCounters(database_->url()), "") << "cycle " << cycle;
    const int64_t parent = Scalar<int64_t>("SELECT parent_id FROM organizations_organizations WHERE id = ?", {w});
    ++checked;
    if (parent != acknowledged_parent && parent != in_flight) {
      ++lost;
      ADD_FAILURE() << "cycle " << cycle << ": W is under " << parent << ", acknowledged " << acknowledged_parent;
    }
    acknowledged_parent = parent;
    // Every organization's path extends its parent's, and each person's path is their
    // organization's: no half-moved subtree.
    EXPECT_EQ(Scalar<int64_t>("SELECT COUNT(*) FROM organizations_organizations c JOIN organizations_organizations p "
                              "ON p.id = c.parent_id WHERE SUBSTR(c.path, 1, LENGTH(p.path)) <> p.path"),
              0)
        << "cycle " << cycle;
    EXPECT_EQ(Scalar<int64_t>("SELECT COUNT(*) FROM people_persons x JOIN organizations_organizations o ON o.id = "
                              "x.organization_id WHERE x.org_path <> o.path"),
              0)
        << "cycle " << cycle;
    ASSERT_TRUE(child.Start()) << "no restart after the kill";
    ASSERT_EQ(admin->Get("/api/v1/organizations/" + std::to_string(w)).json()["parent_id"].get<int64_t>(), parent);
  }
  std::printf("[ fault    ] %zu acknowledged moves in all\n", moves);
  Report("subtree move", kCycles, checked, lost);
  EXPECT_EQ(lost, 0u);
}

// Imports: 150 young people (an xlsx) into branch B, validated, then committed; the server is
// SIGKILLed at a random moment after the commit. Each cycle's rows are all there or none, and
// all there when the client saw the import done.
TEST_P(KillTest, Import) {
  constexpr int kRows = 200, kCycles = 4;  // the first one measures a whole import
  ASSERT_NO_FATAL_FAILURE(MakeWorld(0));
  Child child(database_->url());
  ASSERT_TRUE(child.Start());
  auto admin = child.LoggedIn("fault-admin");
  const std::vector<std::string> header = {"姓名", "性别",     "出生日期", "民族",     "手机号码", "身份证号码", "学历",
                                           "职业", "工作单位", "类别",     "所属组织", "入团日期", "团员编号"};
  size_t checked = 0, lost = 0, done_cycles = 0, killed_mid_import = 0;
  int import_ms = 0;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    const bool calibrate = cycle == 0;
    const std::string prefix = "导入" + std::to_string(cycle) + "号";
    tables::XlsxSheet sheet;
    sheet.header = header;
    for (int i = 0; i < kRows; ++i) {
      char birth[24], phone[24];
      std::snprintf(birth, sizeof birth, "2001%02d%02d", 1 + cycle, 1 + i % 28);
      std::snprintf(phone, sizeof phone, "137%08d", cycle * 1000 + i);
      const std::string b = birth;
      sheet.rows.push_back({tables::TextCell(prefix + std::to_string(i)), tables::TextCell(i % 2 ? "男" : "女"),
                            tables::DateCell(b.substr(0, 4) + "-" + b.substr(4, 2) + "-" + b.substr(6, 2)),
                            tables::TextCell("汉族"), tables::TextCell(phone), tables::TextCell(TestIdentity(b, i)),
                            tables::TextCell("本科"), tables::TextCell(""), tables::TextCell(""),
                            tables::TextCell("青年"), tables::TextCell(world_.name["B"]), tables::TextCell(""),
                            tables::TextCell("")});
    }
    auto bytes = tables::WriteXlsx(sheet);
    ASSERT_TRUE(bytes.ok());
    auto up = admin->Send("POST", "/api/v1/imports?kind=people&organization_id=" + std::to_string(world_.org["B"]),
                          *bytes, {{"Content-Type", "application/octet-stream"}});
    ASSERT_EQ(up.status, 202) << up.body;
    const std::string job = "/api/v1/imports/" + up.json()["id"].get<std::string>();
    nlohmann::json state;
    for (int i = 0; i < 2000; ++i) {
      state = admin->Get(job).json();
      if (state["status"] != "validating") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_EQ(state["status"], "validated") << state.dump();
    ASSERT_EQ(state["valid_rows"], kRows) << state.dump();

    std::atomic<bool> acknowledged{false};
    const auto started = Clock::now();
    auto commit = admin->Post(job + "/commit", nlohmann::json{{"mode", "all"}});
    ASSERT_EQ(commit.status, 202) << commit.body;
    std::thread poller([&] {
      for (;;) {
        auto r = admin->Get(job);
        if (r.status != 200) return;
        if (r.json()["status"] == "done") {
          acknowledged = true;
          return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    });
    if (calibrate) {
      poller.join();
      import_ms =
          static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count());
      ASSERT_TRUE(acknowledged) << "the calibration import did not finish";
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(RandomMillis(0, import_ms)));
      child.Kill();
      poller.join();
      if (!acknowledged) ++killed_mid_import;
    }

    EXPECT_EQ(VerifyCounters(database_->url()), "") << "cycle " << cycle;
    const auto rows = Scalar<int>("SELECT COUNT(*) FROM people_persons WHERE name LIKE ?", {prefix + "%"});
    EXPECT_TRUE(rows == 0 || rows == kRows) << "cycle " << cycle << ": half an import, " << rows << " rows";
    if (acknowledged) {
      ++done_cycles;
      checked += kRows;
      if (rows != kRows) {
        lost += static_cast<size_t>(kRows - rows);
        ADD_FAILURE() << "cycle " << cycle << ": the import was answered done, " << rows << " rows remain";
      }
    }
    if (!calibrate) {
      ASSERT_TRUE(child.Start()) << "no restart after the kill";
      admin = child.LoggedIn("fault-admin");
    }
  }
  std::printf("[ fault    ] a whole import took %d ms; %zu of %d kills came before it was answered done\n", import_ms,
              killed_mid_import, kCycles - 1);
  Report("import", kCycles - 1, checked, lost);
  EXPECT_EQ(lost, 0u);
}

TS_INSTANTIATE_FOR_DATABASES(KillTest);

// Logins (a session row and an audit entry each) from several threads until `stop`; every
// answer is a 200 (its session recorded) or a 503 problem (counted); anything else is a failure.
struct LoginLoad {
  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::atomic<int> ok{0}, unavailable{0}, other{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;

  void Start(const Child& child, int n) {
    for (int t = 0; t < n; ++t) {
      threads.emplace_back([this, &child] {
        while (!stop) Once(child);
      });
    }
  }
  HttpResult Once(const Child& child) {
    auto c = child.Client();
    auto r = c->Login("fault-admin", "password-123");
    if (r.status == 200) {
      ++ok;
      std::lock_guard lock(mutex);
      acknowledged.push_back(SessionToken(r));
    } else if (IsProblem503(r)) {
      ++unavailable;
    } else if (++other <= 3) {
      ADD_FAILURE() << "neither 200 nor a 503 problem: " << r.status << " " << r.header("content-type") << " "
                    << r.body.substr(0, 300);
    }
    return r;
  }
  void Join() {
    stop = true;
    for (auto& t : threads) t.join();
    threads.clear();
  }
  // After a restart of the server: how many acknowledged sessions no longer work.
  size_t Lost(const Child& child) {
    size_t lost = 0;
    for (const auto& token : acknowledged) {
      auto r = child.Client()->Get("/api/v1/session", {{"Cookie", "tianshan_session=" + token}});
      if (r.status != 200 && ++lost <= 3) ADD_FAILURE() << "lost session: " << r.status << " " << r.body.substr(0, 200);
    }
    return lost;
  }
};

// Waits (at most ~10 s) until a login succeeds again; false when it never does.
bool Recovers(LoginLoad& load, const Child& child) {
  for (int i = 0; i < 100; ++i) {
    if (load.Once(child).status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// A private PostgreSQL cluster for the restart test (the shared one of scripts/with-postgres.sh
// serves the other tests, which a restart would disturb). Durable settings (fsync on).
class PrivatePostgres {
 public:
  ~PrivatePostgres() {
    if (dir_.empty()) return;
    Ctl("-m immediate stop");
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  bool Start(std::string* why) {
    if (!std::filesystem::exists(kBin + "/initdb")) {
      *why = kBin + "/initdb not found (scripts/install-deps.sh installs PostgreSQL 15)";
      return false;
    }
    char tmpl[] = "/tmp/tianshan-fault-pg.XXXXXX";
    dir_ = mkdtemp(tmpl);
    if (geteuid() == 0) {
      as_ = "runuser -u postgres -- ";  // PostgreSQL refuses to run as root
      Shell("chown postgres:postgres " + dir_);
    }
    if (Shell(as_ + kBin + "/initdb -D " + dir_ + "/data -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8",
              why) != 0) {
      return false;
    }
    port_ = FreePort();
    if (Ctl("-w -t 30 -l " + dir_ + "/server.log -o " + Quoted(Options()) + " start") != 0) {
      Shell("cat " + dir_ + "/server.log", why);
      return false;
    }
    return true;
  }
  bool Restart() {
    return Ctl("-w -t 30 -m fast -l " + dir_ + "/server.log -o " + Quoted(Options()) + " restart") == 0;
  }
  bool Stop() { return Ctl("-w -t 30 -m fast stop") == 0; }
  bool StartAgain() { return Ctl("-w -t 30 -l " + dir_ + "/server.log -o " + Quoted(Options()) + " start") == 0; }
  std::string url() const { return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/postgres"; }

 private:
  std::string Options() const {
    return "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) + " -k " + dir_ + " -c max_connections=100";
  }
  int Ctl(const std::string& args) { return Shell(as_ + kBin + "/pg_ctl -D " + dir_ + "/data " + args); }

  const std::string kBin = "/usr/lib/postgresql/15/bin";
  std::string dir_, as_;
  uint16_t port_ = 0;
};

// PostgreSQL restarted (twice, and stopped for a second once) under a login load: the server
// answers 200 or a 503 problem throughout, never 500 or a dropped connection, stays up,
// reconnects by itself, and every acknowledged login is there after the server restarts too.
TEST(PostgresFaultTest, RestartUnderLoad) {
  if (Bin() == nullptr) GTEST_SKIP() << "TIANSHAN_BIN is not set (ctest sets it)";
  PrivatePostgres pg;
  std::string why;
  ASSERT_TRUE(pg.Start(&why)) << why;
  World world;
  Status built = BuildWorld(pg.url(), world, nullptr);
  ASSERT_TRUE(built.ok()) << built.message() << " " << built.detail();
  Child child(pg.url());
  ASSERT_TRUE(child.Start());
  LoginLoad load;
  load.Start(child, 6);
  constexpr int kCycles = 3;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    const auto fault = Clock::now();
    if (cycle == 1) {
      ASSERT_TRUE(pg.Stop());
      std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // every write now answers 503
      ASSERT_TRUE(pg.StartAgain());
    } else {
      ASSERT_TRUE(pg.Restart());
    }
    const auto back = Clock::now();
    ASSERT_TRUE(Recovers(load, child)) << "cycle " << cycle << ": no successful login after PostgreSQL came back";
    using std::chrono::milliseconds, std::chrono::duration_cast;
    std::printf("[ fault    ] cycle %d: PostgreSQL back after %lld ms, the server answering 200 again %lld ms later\n",
                cycle, static_cast<long long>(duration_cast<milliseconds>(back - fault).count()),
                static_cast<long long>(duration_cast<milliseconds>(Clock::now() - back).count()));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  load.Join();
  EXPECT_TRUE(child.Alive()) << "the server died";
  EXPECT_GT(load.unavailable.load(), 0) << "no request saw the database gone: the test tested nothing";
  EXPECT_EQ(load.other.load(), 0);
  child.Stop();
  ASSERT_TRUE(child.Start());
  const size_t lost = load.Lost(child);
  std::printf(
      "[ fault    ] PostgreSQL restart: %d cycles, %d logins acknowledged, %d answered 503, %d other, %zu lost\n",
      kCycles, load.ok.load(), load.unavailable.load(), load.other.load(), lost);
  EXPECT_EQ(lost, 0u) << "of " << load.acknowledged.size();
}

// SQLite on a 24 MiB tmpfs that a filler file then fills: logins answer 503 problems (no crash,
// no 500), reads still answer, and once the filler is gone writes succeed again; every
// acknowledged login survives a restart.
TEST(DiskFullTest, SqliteAnswers503AndRecovers) {
  if (Bin() == nullptr) GTEST_SKIP() << "TIANSHAN_BIN is not set (ctest sets it)";
  if (geteuid() != 0) GTEST_SKIP() << "mounting a tmpfs needs root (CI runs the tests as root)";
  char tmpl[] = "/tmp/tianshan-full.XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  if (mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=24m") != 0) {
    rmdir(dir.c_str());
    GTEST_SKIP() << "cannot mount a tmpfs: " << std::strerror(errno);
  }
  struct Unmount {
    std::string dir;
    ~Unmount() {
      umount2(dir.c_str(), MNT_DETACH);
      rmdir(dir.c_str());
    }
  } unmount{dir};
  const std::string url = "sqlite:" + dir + "/tianshan.db";
  World world;
  Status built = BuildWorld(url, world, nullptr);
  ASSERT_TRUE(built.ok()) << built.message() << " " << built.detail();
  Child child(url);
  ASSERT_TRUE(child.Start());
  auto admin = child.LoggedIn("fault-admin");
  LoginLoad load;
  for (int i = 0; i < 20; ++i) load.Once(child);

  // Fill the file system to the last byte.
  const std::string filler = dir + "/filler";
  {
    FILE* f = std::fopen(filler.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::setvbuf(f, nullptr, _IONBF, 0);
    std::string block(64 * 1024, 'x');
    for (size_t size = block.size(); size > 0; size /= 2) {
      while (std::fwrite(block.data(), 1, size, f) == size) {
      }
      std::clearerr(f);
    }
    std::fclose(f);
  }
  for (int i = 0; i < 3000 && load.unavailable < 20; ++i) load.Once(child);
  EXPECT_GE(load.unavailable.load(), 20) << "writes never failed: the disk did not fill";
  EXPECT_EQ(load.other.load(), 0);
  EXPECT_TRUE(child.Alive()) << "the server died of a full disk";
  auto read = admin->Get("/api/v1/organizations/" + std::to_string(world.org["R"]));
  EXPECT_EQ(read.status, 200) << "reads stop with the disk full: " << read.body.substr(0, 300);

  std::filesystem::remove(filler);
  EXPECT_TRUE(Recovers(load, child)) << "writes did not come back with the space";
  EXPECT_EQ(load.other.load(), 0);
  child.Stop();
  ASSERT_TRUE(child.Start());
  const size_t lost = load.Lost(child);
  child.Stop();
  std::printf("[ fault    ] disk full: %d logins acknowledged, %d answered 503, %zu lost\n", load.ok.load(),
              load.unavailable.load(), lost);
  EXPECT_EQ(lost, 0u);
}

}  // namespace
}  // namespace tianshan::testing
