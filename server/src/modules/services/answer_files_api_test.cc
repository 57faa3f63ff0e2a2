// File answers on service applications through the API on SQLite and PostgreSQL: the type is
// sniffed from the bytes (never the name), each question has its allow-list and size, a refused
// file is a 422 naming the answer and stores nothing, an answer names only the applicant's own
// upload for that service (once), and only the applicant and readers of the handling
// organization download it.

#include "modules/services/services_api_test_fixture.h"

namespace tianshan::testing {
namespace {

class ServicesFilesApiTest : public ServicesApiTest {
 protected:
  static nlohmann::json FileService(const std::string& name) {
    nlohmann::json s = ApplicationService(name);
    s["questions"] = {{{"key", "project"}, {"label", "项目简介"}, {"type", "text"}, {"required", true}},
                      {{"key", "plan"},
                       {"label", "商业计划书"},
                       {"type", "file"},
                       {"required", true},
                       {"accept", {"pdf", "docx"}},
                       {"max_kb", 1}}};
    return s;
  }
  static HttpResult Upload(HttpClient& c, int64_t service, const std::string& query, const std::string& bytes) {
    return c.Send("POST", "/api/v1/services/" + std::to_string(service) + "/answer-files?" + query, bytes,
                  {{"Content-Type", "application/octet-stream"}});
  }
  static std::string Apply(int64_t service) { return "/api/v1/services/" + std::to_string(service) + "/applications"; }
  static std::string Download(int64_t application, const std::string& key) {
    return "/api/v1/applications/" + std::to_string(application) + "/files?key=" + key;
  }
  // One number from the database (rows the API does not show: stored files, audit entries).
  int64_t Count(const std::string& sql, std::initializer_list<storage::Param> params = {}) {
    auto n = server().app().context().db.Read(
        [&](storage::Transaction& tx) -> Result<std::optional<storage::Row>> { return tx.QueryOne(sql, params); });
    return n.ok() && *n ? (*n)->Int(size_t{0}) : -1;
  }
  const std::string pdf_ = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
};

TEST_P(ServicesFilesApiTest, SniffedLimitedAndDownloadedOnlyByApplicantAndHandlers) {
  const int64_t service = MakeService(FileService("创业计划评审"));
  auto youth = LoggedIn("youth");
  // Refused: a PNG named .pdf, HTML named .pdf, a PDF over 1 KB, a question that takes no file,
  // missing query fields. Each names its field; nothing is stored.
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);
  for (const auto& [bytes, why] :
       std::vector<std::pair<std::string, std::string>>{{png, "an image where PDF or Word is asked"},
                                                        {"<html><script>alert(1)</script></html>", "markup"},
                                                        {pdf_ + std::string(1100, 'x'), "over 1 KB"},
                                                        {"", "empty"}}) {
    auto r = Upload(*youth, service, "question=plan&name=plan.pdf", bytes);
    EXPECT_EQ(r.status, 422) << why << ": " << r.body;
    EXPECT_EQ(r.error_fields(), (std::vector<std::string>{"answers.plan"})) << why;
  }
  auto wrong_question = Upload(*youth, service, "question=project&name=a.pdf", pdf_);
  EXPECT_EQ(wrong_question.status, 422);
  EXPECT_EQ(wrong_question.error_fields(), (std::vector<std::string>{"question"}));
  auto no_query = Upload(*youth, service, "", pdf_);
  EXPECT_EQ(no_query.status, 422);
  EXPECT_EQ(no_query.error_fields(), (std::vector<std::string>{"question", "name"}));
  EXPECT_EQ(Upload(*Client(), service, "question=plan&name=a.pdf", pdf_).status, 401);
  EXPECT_EQ(Upload(*youth, 999999, "question=plan&name=a.pdf", pdf_).status, 404);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM publishing_files"), 0);

  // Accepted by its bytes whatever its name; stored in the database, not under the web root.
  auto up = Upload(*youth, service, "question=plan&name=%E8%AE%A1%E5%88%92.txt", pdf_);
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json()["media_type"], "application/pdf");
  EXPECT_EQ(up.json()["file_name"], "计划.txt");
  const std::string key = up.json()["key"];
  auto other_up = Upload(*LoggedIn("member"), service, "question=plan&name=m.pdf", pdf_);
  ASSERT_EQ(other_up.status, 201);
  const std::string others_key = other_up.json()["key"];

  // Answers: missing, unknown, or someone else's upload → 422 on the answer, nothing applied.
  for (const auto& [plan, why] : std::vector<std::pair<nlohmann::json, std::string>>{
           {nullptr, "missing"}, {"no-such-key", "unknown"}, {others_key, "another account's upload"}}) {
    nlohmann::json answers = {{"project", "社区咖啡"}};
    if (!plan.is_null()) answers["plan"] = plan;
    auto r = youth->Post(Apply(service), nlohmann::json{{"answers", answers}});
    EXPECT_EQ(r.status, 422) << why << ": " << r.body;
    EXPECT_EQ(r.error_fields(), (std::vector<std::string>{"answers.plan"})) << why;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM services_applications WHERE service_id = ?", {service}), 0);

  auto applied = youth->Post(Apply(service), nlohmann::json{{"answers", {{"project", "社区咖啡"}, {"plan", key}}}});
  ASSERT_EQ(applied.status, 201) << applied.body;
  const int64_t id = applied.json()["id"];
  ASSERT_EQ(applied.json()["files"].size(), 1u);
  EXPECT_EQ(applied.json()["files"][0]["key"], key);
  EXPECT_EQ(applied.json()["answers"]["plan"], key);
  auto again = youth->Post(Apply(service), nlohmann::json{{"answers", {{"project", "再来"}, {"plan", key}}}});
  EXPECT_EQ(again.status, 422) << "a file answers one application";

  // Who downloads: the applicant and services.read on 克拉玛依市团委; nobody else.
  auto mine = youth->Get(Download(id, key));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.body, pdf_);
  EXPECT_EQ(mine.header("content-type"), "application/pdf");
  EXPECT_EQ(mine.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(mine.header("content-disposition").rfind("attachment;", 0), 0u) << mine.header("content-disposition");
  for (const char* reader : {"karamay-admin", "region-admin", "cadre"}) {
    EXPECT_EQ(LoggedIn(reader)->Get(Download(id, key)).status, 200) << reader;
  }
  for (const char* outsider : {"member", "branch-secretary"}) {
    EXPECT_EQ(LoggedIn(outsider)->Get(Download(id, key)).status, 404) << outsider;
  }
  EXPECT_EQ(Client()->Get(Download(id, key)).status, 401);
  EXPECT_EQ(youth->Get(Download(id, others_key)).status, 404) << "a file of no answer of this application";
  auto no_key = youth->Get("/api/v1/applications/" + std::to_string(id) + "/files");
  EXPECT_EQ(no_key.status, 422);
  EXPECT_EQ(no_key.error_fields(), (std::vector<std::string>{"key"}));
  EXPECT_EQ(Client()->Get("/media/" + key).status, 404) << "answer files are not public media";
}

TEST_P(ServicesFilesApiTest, FileQuestionsNeedTypesAndOnlyThey) {
  auto admin = LoggedIn("karamay-admin");
  const std::string create = "/api/v1/organizations/" + std::to_string(Karamay()) + "/services";
  nlohmann::json s = ApplicationService("坏的文件题");
  s["questions"] = {{{"key", "cv"}, {"label", "简历"}, {"type", "file"}},
                    {{"key", "pic"}, {"label", "照片"}, {"type", "file"}, {"accept", {"png", "exe"}}},
                    {{"key", "age"}, {"label", "年龄"}, {"type", "number"}, {"accept", {"pdf"}}}};
  auto r = admin->Post(create, s);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.error_fields(),
            (std::vector<std::string>{"questions[0].accept", "questions[1].accept", "questions[2].accept"}));
  s["questions"] = {{{"key", "big"}, {"label", "大"}, {"type", "file"}, {"accept", {"pdf"}}, {"max_kb", 20000}}};
  auto big = admin->Post(create, s);
  EXPECT_EQ(big.status, 422) << big.body;
  EXPECT_EQ(big.error_fields(), (std::vector<std::string>{"questions[0].max_kb"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM services_services WHERE name = ?", {std::string("坏的文件题")}), 0);
  const int64_t ok = MakeService(FileService("好的文件题"));
  auto read = Client()->Get("/api/v1/services/" + std::to_string(ok));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json()["questions"][1]["accept"], (nlohmann::json{"pdf", "docx"}));
  EXPECT_EQ(read.json()["questions"][1]["max_kb"], 1);
}

TEST_P(ServicesFilesApiTest, FormBuilderReplacesQuestionsUntilSomeoneApplies) {
  const int64_t service = MakeService(ApplicationService("表单测试"));
  const std::string path = "/api/v1/services/" + std::to_string(service) + "/questions";
  const nlohmann::json form = {
      {"questions",
       {{{"key", "name"}, {"label", "称呼"}, {"type", "text"}, {"required", true}},
        {{"key", "when"}, {"label", "希望日期"}, {"type", "date"}},
        {{"key", "kind"}, {"label", "类别"}, {"type", "choice"}, {"required", true}, {"options", {"个案", "小组"}}},
        {{"key", "people"}, {"label", "人数"}, {"type", "number"}},
        {{"key", "proof"}, {"label", "证明"}, {"type", "file"}, {"accept", {"jpg", "png", "pdf"}}, {"max_kb", 512}}}}};
  auto admin = LoggedIn("karamay-admin");
  EXPECT_EQ(LoggedIn("cadre")->Send("PUT", path, form.dump(), {{"Content-Type", "application/json"}}).status, 403);
  EXPECT_EQ(LoggedIn("youth")->Send("PUT", path, form.dump(), {{"Content-Type", "application/json"}}).status, 404);
  nlohmann::json bad = form;
  bad["questions"][2].erase("options");
  bad["questions"][0]["colour"] = "red";
  auto refused = admin->Send("PUT", path, bad.dump(), {{"Content-Type", "application/json"}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.error_fields(), (std::vector<std::string>{"questions[0].colour"}));
  bad["questions"][0].erase("colour");
  refused = admin->Send("PUT", path, bad.dump(), {{"Content-Type", "application/json"}});
  EXPECT_EQ(refused.error_fields(), (std::vector<std::string>{"questions[2].options"}));
  auto missing = admin->Send("PUT", path, "{}", {{"Content-Type", "application/json"}});
  EXPECT_EQ(missing.error_fields(), (std::vector<std::string>{"questions"}));
  EXPECT_EQ(Client()->Get("/api/v1/services/" + std::to_string(service)).json()["questions"].size(), 3u)
      << "refusals changed nothing";

  auto saved = admin->Send("PUT", path, form.dump(), {{"Content-Type", "application/json"}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  const auto questions = saved.json()["questions"];
  ASSERT_EQ(questions.size(), 5u);
  EXPECT_EQ(questions[4]["type"], "file");
  EXPECT_EQ(questions[4]["max_kb"], 512);
  EXPECT_EQ(questions[2]["options"], (nlohmann::json{"个案", "小组"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries WHERE action = 'service.questions'"), 1);

  auto applied = LoggedIn("youth")->Post("/api/v1/services/" + std::to_string(service) + "/applications",
                                         nlohmann::json{{"answers", {{"name", "小王"}, {"kind", "个案"}}}});
  ASSERT_EQ(applied.status, 201) << applied.body;
  auto late = admin->Send("PUT", path, form.dump(), {{"Content-Type", "application/json"}});
  EXPECT_EQ(late.status, 409) << "answers keep the questions they answered";
  const int64_t klass = MakeService(ClassService("托管班表单"));
  EXPECT_EQ(admin
                ->Send("PUT", "/api/v1/services/" + std::to_string(klass) + "/questions", form.dump(),
                       {{"Content-Type", "application/json"}})
                .status,
            422)
      << "an enrollment service has no questions";
}

// The hourly job services.draft_file_cleanup: uploads never attached to a submitted application
// go after a day; attached files and fresh drafts stay; a draft that went is an unknown answer.
TEST_P(ServicesFilesApiTest, CleanupJobDeletesDraftsOlderThanADay) {
  const int64_t service = MakeService(FileService("草稿清理"));
  auto youth = LoggedIn("youth");
  const std::string used = Upload(*youth, service, "question=plan&name=a.pdf", pdf_).json()["key"];
  const std::string unused = Upload(*youth, service, "question=plan&name=b.pdf", pdf_).json()["key"];
  auto& clock = server().clock();
  clock.Set(clock.NowMillis() + 3600 * 1000LL);
  auto applied = youth->Post(Apply(service), nlohmann::json{{"answers", {{"project", "社区咖啡"}, {"plan", used}}}});
  ASSERT_EQ(applied.status, 201) << applied.body;
  clock.Set(clock.NowMillis() + 23 * 3600 * 1000LL + 60 * 1000);  // 24 h 1 min after the uploads
  youth = LoggedIn("youth");                                      // a new session a day later
  auto fresh = Upload(*youth, service, "question=plan&name=c.pdf", pdf_);
  ASSERT_EQ(fresh.status, 201);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM publishing_files"), 3);

  auto& ctx = server().app().context();
  const auto job = ctx.jobs.find("services.draft_file_cleanup");
  ASSERT_NE(job, ctx.jobs.end()) << "registered through the manifest";
  JobRun run;
  run.kind = job->first;
  run.due_at = clock.NowMillis();
  ASSERT_TRUE(job->second.run(ctx, run).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM publishing_files WHERE file_key = ?", {unused}), 0) << "a day-old draft went";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM publishing_files WHERE file_key = ?", {used}), 1) << "an answer stays";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM publishing_files WHERE file_key = ?", {fresh.json()["key"].get<std::string>()}),
            1)
      << "a fresh draft stays";
  EXPECT_EQ(youth->Get(Download(applied.json()["id"], used)).status, 200);
  auto late = youth->Post(Apply(service), nlohmann::json{{"answers", {{"project", "x"}, {"plan", unused}}}});
  EXPECT_EQ(late.status, 422) << late.body;
  EXPECT_EQ(late.error_fields(), (std::vector<std::string>{"answers.plan"}));
  ASSERT_TRUE(job->second.run(ctx, run).ok()) << "a second run finds nothing to do";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM publishing_files"), 2);
}

TS_INSTANTIATE_FOR_DATABASES(ServicesFilesApiTest);

}  // namespace
}  // namespace tianshan::testing
