// Regression (issue 13): an application list read each application's file answers with its own
// query (N+1). A page now reads its files in one query, and each application still gets
// exactly its own files — on SQLite and PostgreSQL, counted through a database that counts the
// statements it runs.

#include <atomic>
#include <set>

#include "modules/services/services_api_test_fixture.h"
#include "modules/services/use_cases.h"

namespace tianshan::testing {
namespace {

// Counts the statements naming `table` that run through it; everything else goes to `inner`.
class CountingTransaction : public storage::Transaction {
 public:
  CountingTransaction(storage::Transaction& inner, std::atomic<int>& count) : inner_(inner), count_(count) {}
  storage::Dialect dialect() const override { return inner_.dialect(); }
  Result<storage::Rows> Query(std::string_view sql, std::span<const storage::Param> params) override {
    Note(sql);
    return inner_.Query(sql, params);
  }
  Result<int64_t> Execute(std::string_view sql, std::span<const storage::Param> params) override {
    Note(sql);
    return inner_.Execute(sql, params);
  }
  Status ExecuteScript(std::string_view sql) override { return inner_.ExecuteScript(sql); }
  void* native_handle() override { return inner_.native_handle(); }

 private:
  void Note(std::string_view sql) { count_ += sql.find("publishing_files") != std::string_view::npos; }
  storage::Transaction& inner_;
  std::atomic<int>& count_;
};

class CountingDatabase : public storage::Database {
 public:
  explicit CountingDatabase(storage::Database& inner) : inner_(inner) {}
  storage::Dialect dialect() const override { return inner_.dialect(); }
  std::string describe() const override { return inner_.describe(); }
  Status BackupTo(const std::string& file) override { return inner_.BackupTo(file); }
  std::atomic<int> file_queries{0};

 protected:
  Status RunOnce(storage::TxMode mode, const std::function<Status(storage::Transaction&)>& fn) override {
    return inner_.Run(mode, [&](storage::Transaction& tx) {
      CountingTransaction counting(tx, file_queries);
      return fn(counting);
    });
  }

 private:
  storage::Database& inner_;
};

class ServicesListQueriesTest : public ServicesApiTest {};

TEST_P(ServicesListQueriesTest, APageReadsItsFilesInOneQuery) {
  nlohmann::json body = ApplicationService("文件列表");
  body["questions"] = {{{"key", "project"}, {"label", "项目"}, {"type", "text"}, {"required", true}},
                       {{"key", "plan"}, {"label", "计划书"}, {"type", "file"}, {"accept", {"pdf"}}}};
  const int64_t service = MakeService(body);
  auto youth = LoggedIn("youth");
  const std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  std::map<int64_t, std::string> key_of;  // application → its file's key
  for (int i = 0; i < 5; ++i) {
    nlohmann::json answers = {{"project", "项目" + std::to_string(i)}};
    if (i != 2) {  // one application without a file
      auto up = youth->Send("POST",
                            "/api/v1/services/" + std::to_string(service) + "/answer-files?question=plan&name=p" +
                                std::to_string(i) + ".pdf",
                            pdf, {{"Content-Type", "application/octet-stream"}});
      ASSERT_EQ(up.status, 201) << up.body;
      answers["plan"] = up.json()["key"];
    }
    auto a = youth->Post("/api/v1/services/" + std::to_string(service) + "/applications",
                         nlohmann::json{{"answers", answers}});
    ASSERT_EQ(a.status, 201) << a.body;
    if (i != 2) key_of[a.json()["id"].get<int64_t>()] = answers["plan"].get<std::string>();
  }

  // Through the API: each application lists exactly its own file.
  auto list =
      LoggedIn("karamay-admin")->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/applications?limit=4");
  ASSERT_EQ(list.status, 200) << list.body;
  int with_files = 0;
  const auto items = list.json()["items"];  // a range-for over a temporary's member would dangle
  for (const auto& item : items) {
    const int64_t id = item["id"];
    if (!key_of.contains(id)) {
      if (item["service_id"] == service) {
        EXPECT_TRUE(item["files"].empty()) << item.dump();
      }
      continue;
    }
    ASSERT_EQ(item["files"].size(), 1u) << item.dump();
    EXPECT_EQ(item["files"][0]["key"], key_of[id]);
    ++with_files;
  }
  EXPECT_EQ(with_files, 3) << "the newest four: three with a file, one without";

  // Through the use case on a counting database: one statement on the files for the page.
  auto& ctx = server().app().context();
  CountingDatabase counting(ctx.db);
  AppContext counted{
      counting,     ctx.clock,  ctx.hasher,      ctx.audit,    ctx.settings, ctx.organizations, ctx.subtree_moved,
      ctx.sessions, ctx.sheets, ctx.permissions, ctx.services, ctx.jobs,     ctx.counters,      ctx.notification_kinds};
  auth::Actor applicant;
  auto row = ctx.db.Read([&](storage::Transaction& tx) {
    return tx.QueryOne("SELECT account_id FROM services_applications WHERE service_id = ?", {service});
  });
  ASSERT_TRUE(row.ok() && *row);
  applicant.account_id = (*row)->Int("account_id");
  auto mine = services::ListMyApplications(counted, applicant, std::nullopt, 50);
  ASSERT_TRUE(mine.ok()) << mine.status().message();
  EXPECT_EQ(mine->items.size(), 5u);
  EXPECT_EQ(counting.file_queries.load(), 1) << "one query for the page's files, not one per application";
  std::set<std::string> keys;
  for (const auto& v : mine->items) {
    for (const auto& f : v.files) keys.insert(f.key);
  }
  EXPECT_EQ(keys.size(), 4u);
}

TS_INSTANTIATE_FOR_DATABASES(ServicesListQueriesTest);

}  // namespace
}  // namespace tianshan::testing
