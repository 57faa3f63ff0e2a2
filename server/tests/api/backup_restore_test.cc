// `tianshan backup` and `tianshan restore` (storage/backup.h), on SQLite and PostgreSQL: the
// demo network restored into an empty database is the same, table by table and row by row, with
// its counters right; a non-empty database is refused without --force; a damaged file changes
// nothing; and a backup taken while people are being registered is consistent and holds every
// registration acknowledged before it began.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "app/restore.h"
#include "storage/backup.h"
#include "testing/demo_api_test.h"

namespace tianshan::testing {
namespace {

struct TableDigest {
  size_t rows = 0;
  size_t checksum = 0;
  bool operator==(const TableDigest&) const = default;
};

// Every table's row count and a checksum over every row (each value as text), independent of
// row order.
std::map<std::string, TableDigest> Digest(storage::Database& db) {
  auto digest = db.Read([](storage::Transaction& tx) -> Result<std::map<std::string, TableDigest>> {
    auto tables = storage::ListTables(tx);
    if (!tables.ok()) return tables.status();
    std::map<std::string, TableDigest> out;
    for (const auto& table : *tables) {
      auto rows = tx.Query("SELECT * FROM \"" + table + "\"");
      if (!rows.ok()) return rows.status();
      std::vector<std::string> lines;
      for (const auto& row : *rows) {
        std::string line;
        for (size_t i = 0; i < row.size(); ++i) line += (row.IsNull(i) ? "\\N" : row.Text(i)) + "\x1f";
        lines.push_back(std::move(line));
      }
      std::sort(lines.begin(), lines.end());
      TableDigest d{lines.size(), 0};
      for (const auto& line : lines) d.checksum = d.checksum * 1000003u ^ std::hash<std::string>{}(line);
      out[table] = d;
    }
    return out;
  });
  EXPECT_TRUE(digest.ok()) << digest.status().detail();
  return digest.ok() ? *digest : std::map<std::string, TableDigest>{};
}

class BackupRestoreTest : public DemoApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    dir_ = std::filesystem::temp_directory_path() / ("tianshan-backup-" + std::to_string(::getpid()) + "-" +
                                                     std::to_string(GetParam() == storage::Dialect::kSqlite));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    targets_.clear();
    target_dbs_.clear();
    std::filesystem::remove_all(dir_);
    ApiTest::TearDown();
  }
  std::string File(const std::string& name) const { return (dir_ / name).string(); }

  // A fresh, empty database of the same dialect with an App over it (not migrated).
  App& EmptyTarget() {
    std::string why;
    target_dbs_.push_back(TestDatabase::Create(GetParam(), &why));
    EXPECT_NE(target_dbs_.back(), nullptr) << why;
    auto app = App::Create(server().app().config(), target_dbs_.back()->TakeDb(), &server().clock());
    EXPECT_TRUE(app.ok()) << app.status().detail();
    targets_.push_back(std::move(app).value());
    return *targets_.back();
  }

  std::filesystem::path dir_;
  std::vector<std::unique_ptr<TestDatabase>> target_dbs_;
  std::vector<std::unique_ptr<App>> targets_;
};

TEST_P(BackupRestoreTest, DemoRoundTripIsEqualTableByTableWithCountersRight) {
  auto source = Digest(server().app().db());
  ASSERT_GT(source.size(), 20u);
  ASSERT_GT(source["people_persons"].rows, 0u);
  ASSERT_TRUE(server().app().db().BackupTo(File("demo.backup")).ok());
  EXPECT_EQ(server().app().db().BackupTo(File("demo.backup")).code(), StatusCode::kConflict)
      << "an existing file is never overwritten";

  App& target = EmptyTarget();
  Status restored = RestoreDatabase(target, File("demo.backup"), false);
  ASSERT_TRUE(restored.ok()) << restored.detail();
  auto copy = Digest(target.db());
  EXPECT_EQ(copy.size(), source.size());
  for (const auto& [table, digest] : source) {
    EXPECT_EQ(copy[table].rows, digest.rows) << table;
    EXPECT_EQ(copy[table].checksum, digest.checksum) << table;
  }
  auto differences = target.VerifyCounters();
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty()) << (*differences)[0];

  // The restored database takes new rows with fresh ids (sequences moved past the restored).
  auto inserted = target.db().Write([](storage::Transaction& tx) -> Result<int64_t> {
    auto row = tx.QueryOne(
        "INSERT INTO audit_entries (at, action, entity_type, entity_id) VALUES (0, 'test.restore', 'test', '0') "
        "RETURNING id");
    if (!row.ok()) return row.status();
    return (*row)->Int(0);
  });
  EXPECT_TRUE(inserted.ok()) << inserted.status().detail();
}

TEST_P(BackupRestoreTest, NonEmptyDatabaseNeedsForceAndDamagedFileChangesNothing) {
  ASSERT_TRUE(server().app().db().BackupTo(File("demo.backup")).ok());
  App& target = EmptyTarget();
  ASSERT_TRUE(RestoreDatabase(target, File("demo.backup"), false).ok());
  auto before = Digest(target.db());

  Status again = RestoreDatabase(target, File("demo.backup"), false);
  EXPECT_EQ(again.code(), StatusCode::kConflict);
  EXPECT_EQ(again.message(), "restore.not_empty");

  {
    std::ofstream damaged(File("damaged.backup"), std::ios::binary);
    std::ifstream good(File("demo.backup"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(good)), std::istreambuf_iterator<char>());
    damaged << bytes.substr(0, bytes.size() / 2);
  }
  EXPECT_FALSE(RestoreDatabase(target, File("damaged.backup"), true).ok());
  EXPECT_EQ(RestoreDatabase(target, File("missing.backup"), true).code(), StatusCode::kNotFound);
  EXPECT_EQ(Digest(target.db()), before) << "a failed restore changes nothing";

  Status forced = RestoreDatabase(target, File("demo.backup"), true);
  EXPECT_TRUE(forced.ok()) << forced.detail();
  EXPECT_EQ(Digest(target.db()), before);
}

TEST_P(BackupRestoreTest, BackupDuringWritesIsConsistentAndHoldsEveryAcknowledgedWrite) {
  auto org = server().app().db().Read([](storage::Transaction& tx) -> Result<int64_t> {
    auto row = tx.QueryOne("SELECT id FROM organizations_organizations WHERE name = '风云社区团支部'");
    if (!row.ok()) return row.status();
    return (*row)->Int(0);
  });
  ASSERT_TRUE(org.ok());
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<int64_t> acknowledged;
  std::vector<std::thread> writers;
  for (int w = 0; w < 3; ++w) {
    writers.emplace_back([&, w] {
      auto secretary = LoggedIn("branch-secretary");
      for (int i = 0; !stop.load(); ++i) {
        auto r = secretary->Post("/api/v1/people",
                                 nlohmann::json{{"name", "备份" + std::to_string(w) + "-" + std::to_string(i)},
                                                {"gender", "female"},
                                                {"birth_date", "2004-05-06"},
                                                {"organization_id", *org}});
        if (r.status != 201) continue;
        std::lock_guard lock(mu);
        acknowledged.push_back(r.json()["id"].get<int64_t>());
      }
    });
  }
  auto wait_for = [&](size_t n) {
    for (int i = 0; i < 2000; ++i) {
      {
        std::lock_guard lock(mu);
        if (acknowledged.size() >= n) return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  };
  wait_for(10);
  std::vector<int64_t> before_backup;
  {
    std::lock_guard lock(mu);
    before_backup = acknowledged;
  }
  Status backup = server().app().db().BackupTo(File("busy.backup"));
  size_t during;
  {
    std::lock_guard lock(mu);
    during = acknowledged.size();
  }
  wait_for(during + 5);
  stop = true;
  for (auto& t : writers) t.join();
  ASSERT_TRUE(backup.ok()) << backup.detail();
  EXPECT_GE(before_backup.size(), 10u);

  App& target = EmptyTarget();
  ASSERT_TRUE(RestoreDatabase(target, File("busy.backup"), false).ok());
  auto differences = target.VerifyCounters();
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty()) << (*differences)[0];
  auto present = target.db().Read([](storage::Transaction& tx) -> Result<std::set<int64_t>> {
    auto rows = tx.Query("SELECT id FROM people_persons");
    if (!rows.ok()) return rows.status();
    std::set<int64_t> ids;
    for (const auto& row : *rows) ids.insert(row.Int("id"));
    return ids;
  });
  ASSERT_TRUE(present.ok());
  for (int64_t id : before_backup) EXPECT_EQ(present->count(id), 1u) << "person " << id << " acknowledged before";
}

TS_INSTANTIATE_FOR_DATABASES(BackupRestoreTest);

}  // namespace
}  // namespace tianshan::testing
