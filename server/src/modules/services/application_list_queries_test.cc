// Regression (issue 13): an application list read each application's file answers, steps,
// messages and service with their own queries (N+1). A page now reads each in one query, so a
// page of six costs as many statements as a page of one, and each application still gets exactly
// its own files, steps and messages — on SQLite and PostgreSQL, counted through a database that
// counts the statements it runs.

#include <atomic>
#include <cstdio>
#include <map>
#include <set>

#include "kit/context_over.h"
#include "modules/services/services_api_test_fixture.h"
#include "modules/services/use_cases.h"

namespace tianshan::testing {
namespace {

// Counts the statements that run through it (`all`) and those on publishing_files (`files`);
// everything goes on to `inner`.
class CountingTransaction : public storage::Transaction {
 public:
  CountingTransaction(storage::Transaction& inner, std::atomic<int>& files, std::atomic<int>& all)
      : inner_(inner), count_(files), all_(all) {}
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
  void Note(std::string_view sql) {
    count_ += sql.find("publishing_files") != std::string_view::npos;
    ++all_;
  }
  storage::Transaction& inner_;
  std::atomic<int>& count_;
  std::atomic<int>& all_;
};

class CountingDatabase : public storage::Database {
 public:
  explicit CountingDatabase(storage::Database& inner) : inner_(inner) {}
  storage::Dialect dialect() const override { return inner_.dialect(); }
  std::string describe() const override { return inner_.describe(); }
  Status BackupTo(const std::string& file) override { return inner_.BackupTo(file); }
  std::atomic<int> file_queries{0};
  std::atomic<int> statements{0};

 protected:
  Status RunOnce(storage::TxMode mode, const std::function<Status(storage::Transaction&)>& fn) override {
    return inner_.Run(mode, [&](storage::Transaction& tx) {
      CountingTransaction counting(tx, file_queries, statements);
      return fn(counting);
    });
  }

 private:
  storage::Database& inner_;
};

class ServicesListQueriesTest : public ServicesApiTest {
 protected:
  // The application context with its database counting statements.
  struct Counted {
    explicit Counted(const AppContext& ctx) : db(ctx.db), ctx(ContextOver(ctx, db)) {}
    CountingDatabase db;
    AppContext ctx;
  };
};

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
  Counted counted_ctx(ctx);
  auto& counting = counted_ctx.db;
  const AppContext& counted = counted_ctx.ctx;
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

// Six applications, each with its own steps and messages: the handler's inbox and the
// applicant's list cost the same number of statements for one application as for six (per-row
// reads would add at least three statements an application), and each shows its own steps and
// messages.
TEST_P(ServicesListQueriesTest, APageCostsTheSameStatementsWhateverItsLength) {
  const int64_t service = MakeService(ApplicationService("定额查询"));
  auto youth = LoggedIn("youth");
  auto admin = LoggedIn("karamay-admin");
  constexpr int kApplications = 6;
  std::map<int64_t, int> index_of;
  for (int i = 0; i < kApplications; ++i) {
    auto a = youth->Post("/api/v1/services/" + std::to_string(service) + "/applications",
                         nlohmann::json{{"answers", {{"project", "项目" + std::to_string(i)}, {"stage", "想法"}}}});
    ASSERT_EQ(a.status, 201) << a.body;
    const int64_t id = a.json()["id"];
    index_of[id] = i;
    const std::string path = "/api/v1/applications/" + std::to_string(id);
    if (i % 2 == 0) {
      ASSERT_EQ(admin->Post(path + "/accept", std::string()).status, 200);
    }
    for (int m = 0; m <= i % 3; ++m) {
      ASSERT_EQ(youth->Post(path + "/messages", nlohmann::json{{"body", "留言" + std::to_string(i)}}).status, 201);
    }
  }
  auto& ctx = server().app().context();
  auth::Actor applicant;
  auto row = ctx.db.Read([&](storage::Transaction& tx) {
    return tx.QueryOne("SELECT account_id FROM services_applications WHERE service_id = ?", {service});
  });
  ASSERT_TRUE(row.ok() && *row);
  applicant.account_id = (*row)->Int("account_id");
  const int64_t karamay = Karamay();
  auto karamay_path = ctx.db.Read([&](storage::Transaction& tx) {
    return tx.QueryOne("SELECT path FROM organizations_organizations WHERE id = ?", {karamay});
  });
  ASSERT_TRUE(karamay_path.ok() && *karamay_path);
  auth::Actor handler;  // a committee admin of 克拉玛依市团委
  handler.account_id = 1;
  handler.grants.push_back({karamay, (*karamay_path)->Text("path"), "", auth::Role::kCommitteeAdmin});

  auto count = [&](int limit, bool inbox) {
    Counted counted(ctx);
    auto page = inbox ? services::ListApplications(counted.ctx, handler, karamay, std::nullopt, std::nullopt, limit)
                      : services::ListMyApplications(counted.ctx, applicant, std::nullopt, limit);
    EXPECT_TRUE(page.ok()) << page.status().message();
    if (page.ok()) {
      EXPECT_EQ(page->items.size(), static_cast<size_t>(limit));
      for (const auto& v : page->items) {
        if (!index_of.contains(v.application.id)) continue;
        const int i = index_of[v.application.id];
        EXPECT_EQ(v.messages.size(), static_cast<size_t>(i % 3 + 1)) << "application " << i;
        for (const auto& m : v.messages) EXPECT_EQ(m.body, "留言" + std::to_string(i));
        EXPECT_EQ(v.steps.size(), i % 2 == 0 ? 2u : 1u) << "submitted (and accepted)";
        EXPECT_EQ(v.service_name, "定额查询");
      }
    }
    return counted.db.statements.load();
  };
  for (bool inbox : {false, true}) {
    SCOPED_TRACE(inbox ? "the handler's inbox" : "the applicant's list");
    const int one = count(1, inbox), six = count(kApplications, inbox);
    EXPECT_EQ(six, one) << "statements for a page of 6 vs a page of 1";
    std::printf("[ %s ] %s: %d statements for a page of 1, %d for a page of 6\n",
                GetParam() == storage::Dialect::kSqlite ? "SQLite" : "PostgreSQL", inbox ? "inbox" : "my applications",
                one, six);
  }
}

TS_INSTANTIATE_FOR_DATABASES(ServicesListQueriesTest);

}  // namespace
}  // namespace tianshan::testing
