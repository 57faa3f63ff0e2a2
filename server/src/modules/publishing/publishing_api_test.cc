// Publishing through the HTTP API on SQLite and PostgreSQL: columns with editors and reviewers,
// the review workflow (draft → submitted → approved → published now or by the job runner →
// withdrawn) with its audit entries and notifications, the rule that nobody approves their own
// article, bad input refused by field with nothing stored, the link policy on every field and
// on the seed page's text, uploads sniffed, racing reviewers, and the public site (escaped
// pages, strict CSP, ETag/304, feeds, search, batched view counts).
#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <thread>

#include "core/messages.h"
#include "modules/jobs/job_runner.h"
#include "modules/organizations/create_organization.h"
#include "modules/publishing/site_handlers.h"
#include "storage/embedded_files.h"
#include "testing/log_capture.h"
#include "testing/test_server.h"

namespace tianshan::publishing {
namespace {

using ::tianshan::testing::HttpClient;
using ::tianshan::testing::HttpResult;

class PublishingApiTest : public ::tianshan::testing::ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    city_ = MakeOrg("测试市团委", std::nullopt, "committee", "government");
    branch_ = MakeOrg("测试社区团支部", city_, "branch", "community");
    other_ = MakeOrg("旁支团委", std::nullopt, "committee", "government");
    admin_ = server().CreateAccount("pub-admin", {{city_.id, auth::Role::kCommitteeAdmin}});
    reviewer_ = server().CreateAccount("pub-reviewer", {{branch_.id, auth::Role::kCadre}});
    editor_ = server().CreateAccount("pub-editor", {{branch_.id, auth::Role::kCadre}});
    reader_ = server().CreateAccount("pub-reader", {{branch_.id, auth::Role::kCadre}});
    outsider_ = server().CreateAccount("pub-outsider", {{other_.id, auth::Role::kCommitteeAdmin}});
    ASSERT_GT(outsider_, 0);
  }

  AppContext& ctx() { return server().app().context(); }

  organizations::Organization MakeOrg(const std::string& name, const std::optional<organizations::Organization>& parent,
                                      const std::string& kind, const std::string& setting) {
    organizations::CreateOrganizationInput in;
    if (parent) in.parent_id = parent->id;
    in.fields.name = name;
    in.fields.kind = kind;
    in.fields.setting = setting;
    auto r = ctx().db.Write([&](storage::Transaction& tx) {
      return organizations::CreateOrganizationUnchecked(tx, ctx(), std::nullopt, in, "test");
    });
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : organizations::Organization{};
  }

  std::unique_ptr<HttpClient> As(const std::string& login) { return LoggedIn(login, "password-123"); }

  // 群团工作 › 共青团工作 of the branch; the editor writes, the reviewer reviews.
  int64_t MakeColumns(HttpClient& admin) {
    auto parent = admin.Post(OrgPath(branch_.id, "/columns"), nlohmann::json{{"name", "群团工作"}});
    EXPECT_EQ(parent.status, 201) << parent.body;
    auto child =
        admin.Post(OrgPath(branch_.id, "/columns"), nlohmann::json{{"name", "共青团工作"},
                                                                   {"parent_id", parent.json().value("id", int64_t{0})},
                                                                   {"editors", {editor_}},
                                                                   {"reviewers", {reviewer_}}});
    EXPECT_EQ(child.status, 201) << child.body;
    return child.json().value("id", int64_t{0});
  }

  static std::string OrgPath(int64_t org, const std::string& tail) {
    return "/api/v1/organizations/" + std::to_string(org) + "/publishing" + tail;
  }
  static std::string ArticlePath(int64_t id, const std::string& tail = "") {
    return "/api/v1/publishing/articles/" + std::to_string(id) + tail;
  }
  static nlohmann::json Draft(const std::string& title = "城市共青团工作交流会") {
    return {{"title", title},
            {"source", "测试团委"},
            {"editor", "团委"},
            {"body_html", "<h2>小标题</h2><p>正文<a href=\"https://example.org/\">链接</a></p>"},
            {"tags", {"交流会"}}};
  }

  int64_t Write(HttpClient& editor, int64_t column, const std::string& title = "城市共青团工作交流会") {
    auto r = editor.Post("/api/v1/publishing/columns/" + std::to_string(column) + "/articles", Draft(title));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().value("id", int64_t{0});
  }

  int64_t Count(const std::string& sql, std::vector<storage::Param> params = {}) {
    auto r = ctx().db.Read([&](storage::Transaction& tx) -> Result<int64_t> {
      TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
      return rows.empty() ? 0 : rows[0].Int(0);
    });
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : -1;
  }

  int64_t Audits(const std::string& action) {
    return Count("SELECT COUNT(*) FROM audit_entries WHERE action = ?", {action});
  }
  int64_t Notices(int64_t account, const std::string& kind) {
    return Count("SELECT COUNT(*) FROM notifications_notifications WHERE account_id = ? AND kind = ?", {account, kind});
  }

  static ::testing::AssertionResult Says(const HttpResult& r, const std::string& key) {
    std::string text = Translate(Lang::kZh, key, "\x01");
    if (auto pos = text.find('\x01'); pos != std::string::npos) text = text.substr(0, pos);
    if (r.body.find(text) != std::string::npos) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "expected " << key << " (" << text << "), got " << r.status << " "
                                         << r.body;
  }

  organizations::Organization city_, branch_, other_;
  int64_t admin_ = 0, reviewer_ = 0, editor_ = 0, reader_ = 0, outsider_ = 0;
};

TEST_P(PublishingApiTest, WriteSubmitReviewPublishWithdraw) {
  auto admin = As("pub-admin");
  auto editor = As("pub-editor");
  auto reviewer = As("pub-reviewer");
  auto reader = As("pub-reader");
  const int64_t column = MakeColumns(*admin);
  const int64_t id = Write(*editor, column);

  auto draft = editor->Get(ArticlePath(id)).json();
  EXPECT_EQ(draft["status"], "draft");
  EXPECT_EQ(draft["trail"], nlohmann::json({"群团工作", "共青团工作"}));
  EXPECT_EQ(draft["can"]["submit"], true);
  EXPECT_NE(draft["body_html"].get<std::string>().find("rel=\"noopener nofollow ugc\""), std::string::npos);
  EXPECT_EQ(reviewer->Get(ArticlePath(id)).json()["can"]["approve"], false) << "not submitted";
  EXPECT_EQ(reader->Get(ArticlePath(id)).json()["can"]["edit"], false);
  EXPECT_EQ(reader->Post(ArticlePath(id, "/submit"), std::string()).status, 403);

  // Publishing without review is refused; nothing reaches the public.
  auto early = reviewer->Post(ArticlePath(id, "/publish"), nlohmann::json::object());
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_TRUE(Says(early, "publishing.needs_review"));

  // A second save keeps a revision; a save from an old revision is a conflict.
  auto edited = Draft("城市共青团工作交流会（修订）");
  edited["revision"] = 1;
  auto saved = editor->Send("PUT", ArticlePath(id), edited.dump(), {});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["revision"], 2);
  EXPECT_EQ(editor->Send("PUT", ArticlePath(id), edited.dump(), {}).status, 409);
  auto revisions = editor->Get(ArticlePath(id, "/revisions")).json()["items"];
  ASSERT_EQ(revisions.size(), 2u);
  auto first = editor->Get(ArticlePath(id, "/revisions/1"));
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json()["title"], "城市共青团工作交流会");

  ASSERT_EQ(editor->Post(ArticlePath(id, "/submit"), std::string()).status, 200);
  EXPECT_EQ(Notices(reviewer_, "publishing.review_waiting"), 1);
  EXPECT_EQ(editor->Post(ArticlePath(id, "/submit"), std::string()).status, 409) << "submitted already";
  auto rejected = reviewer->Post(ArticlePath(id, "/reject"), nlohmann::json{{"note", "请补充来源"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["status"], "draft");
  EXPECT_EQ(rejected.json()["review_note"], "请补充来源");
  EXPECT_EQ(Notices(editor_, "publishing.article_reviewed"), 1);
  ASSERT_EQ(editor->Post(ArticlePath(id, "/submit"), std::string()).status, 200);

  auto approved = reviewer->Post(ArticlePath(id, "/approve"), nlohmann::json::object());
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["status"], "approved");
  EXPECT_EQ(approved.json()["can"]["publish"], true);
  EXPECT_TRUE(approved.json()["public_url"].is_null());
  EXPECT_EQ(server().Client()->Get("/site/" + std::to_string(branch_.id) + "/articles/" + std::to_string(id)).status,
            404)
      << "not public before publishing";

  auto published = reviewer->Post(ArticlePath(id, "/publish"), nlohmann::json::object());
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json()["status"], "published");
  const std::string url = published.json()["public_url"];
  auto page = server().Client()->Get(url);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("城市共青团工作交流会（修订）"), std::string::npos);
  EXPECT_NE(page.body.find("群团工作</a> &gt; <a"), std::string::npos) << "the clean breadcrumb";
  EXPECT_EQ(Notices(editor_, "publishing.article_published"), 1);

  auto bare = reviewer->Post(ArticlePath(id, "/withdraw"), nlohmann::json::object());
  EXPECT_EQ(bare.status, 422);
  EXPECT_EQ(bare.error_fields(), std::vector<std::string>{"reason"});
  auto withdrawn = reviewer->Post(ArticlePath(id, "/withdraw"), nlohmann::json{{"reason", "内容过期"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.json()["status"], "withdrawn");
  auto gone = server().Client()->Get(url);
  EXPECT_NE(gone.body.find("内容过期"), std::string::npos) << "the public URL says it was withdrawn";
  EXPECT_EQ(gone.body.find("正文"), std::string::npos) << "and shows no body";
  EXPECT_EQ(Notices(editor_, "publishing.article_published"), 2);

  for (const char* action : {"article.create", "article.update", "article.submit", "article.reject", "article.approve",
                             "article.publish", "article.withdraw"}) {
    EXPECT_GE(Audits(action), 1) << action;
  }
}

TEST_P(PublishingApiTest, ColumnsAreEditedByTheAdminWithTheirMembers) {
  auto admin = As("pub-admin");
  const int64_t column = MakeColumns(*admin);
  const std::string path = "/api/v1/publishing/columns/" + std::to_string(column);
  auto renamed = admin->Send(
      "PUT", path,
      nlohmann::json{{"name", "团的工作"}, {"editors", {editor_, reader_}}, {"reviewers", nlohmann::json::array()}}
          .dump(),
      {});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json()["name"], "团的工作");
  EXPECT_EQ(renamed.json()["members"].size(), 2u);
  EXPECT_EQ(renamed.json()["parent_id"], 0) << "a PUT without parent_id moves it to the top";
  // The reader is an editor now and writes; the reviewer no longer reviews.
  EXPECT_EQ(As("pub-reader")->Post(path + "/articles", Draft()).status, 201);
  auto injected = admin->Send("PUT", path, nlohmann::json{{"name", "备用网址"}}.dump(), {});
  EXPECT_EQ(injected.status, 422);
  EXPECT_EQ(injected.error_fields(), std::vector<std::string>{"name"});
  EXPECT_EQ(As("pub-editor")->Send("PUT", path, nlohmann::json{{"name", "x"}}.dump(), {}).status, 403);
  EXPECT_EQ(As("pub-outsider")->Send("PUT", path, nlohmann::json{{"name", "x"}}.dump(), {}).status, 404);
  auto unknown = admin->Send("PUT", path, nlohmann::json{{"name", "x"}, {"editors", {999999}}}.dump(), {});
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_EQ(admin->Get(OrgPath(branch_.id, "/columns")).json()["items"][1]["name"], "团的工作") << "unchanged";
  EXPECT_GE(Audits("column.update"), 1);
}

TEST_P(PublishingApiTest, NobodyApprovesTheirOwnArticleNotEvenAnAdmin) {
  auto admin = As("pub-admin");
  const int64_t column = MakeColumns(*admin);
  const int64_t id = Write(*admin, column, "管理员自己写的");
  ASSERT_EQ(admin->Post(ArticlePath(id, "/submit"), std::string()).status, 200);
  EXPECT_EQ(admin->Get(ArticlePath(id)).json()["can"]["approve"], false);
  auto own = admin->Post(ArticlePath(id, "/approve"), nlohmann::json::object());
  EXPECT_EQ(own.status, 403) << own.body;
  EXPECT_TRUE(Says(own, "publishing.own_article"));
  EXPECT_EQ(admin->Get(ArticlePath(id)).json()["status"], "submitted") << "nothing changed";
  EXPECT_EQ(As("pub-reviewer")->Post(ArticlePath(id, "/approve"), nlohmann::json::object()).status, 200);
}

TEST_P(PublishingApiTest, OutsideTheSubtreeIsNotFoundAndReadersMayNotAct) {
  auto admin = As("pub-admin");
  const int64_t column = MakeColumns(*admin);
  const int64_t id = Write(*As("pub-editor"), column);
  auto outsider = As("pub-outsider");
  EXPECT_EQ(outsider->Get(ArticlePath(id)).status, 404);
  EXPECT_EQ(outsider->Post(ArticlePath(id, "/submit"), std::string()).status, 404);
  EXPECT_EQ(outsider->Get(OrgPath(branch_.id, "/articles")).status, 404);
  EXPECT_EQ(outsider->Post("/api/v1/publishing/columns/" + std::to_string(column) + "/articles", Draft()).status, 404);
  auto reader = As("pub-reader");
  EXPECT_EQ(reader->Post("/api/v1/publishing/columns/" + std::to_string(column) + "/articles", Draft()).status, 403);
  EXPECT_EQ(reader->Post(OrgPath(branch_.id, "/columns"), nlohmann::json{{"name", "新栏目"}}).status, 403);
  auto list = reader->Get(OrgPath(branch_.id, "/articles?status=draft"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["items"].size(), 1u);
  auto columns = reader->Get(OrgPath(branch_.id, "/columns"));
  ASSERT_EQ(columns.status, 200) << columns.body;
  EXPECT_EQ(columns.json()["items"].size(), 2u);
}

TEST_P(PublishingApiTest, BadInputIsRefusedByFieldAndNothingIsStored) {
  auto admin = As("pub-admin");
  const int64_t column = MakeColumns(*admin);
  const std::string path = "/api/v1/publishing/columns/" + std::to_string(column) + "/articles";
  auto editor = As("pub-editor");
  struct Case {
    nlohmann::json body;
    std::string field;
  };
  std::vector<Case> cases = {
      {{{"title", ""}, {"body_html", "<p>x</p>"}}, "title"},
      {{{"title", std::string(200, 'a')}, {"body_html", "<p>x</p>"}}, "title"},
      {{{"title", "365.com线路检测"}, {"body_html", "<p>x</p>"}}, "title"},
      {{{"title", "t"}, {"source", "澳门新葡京"}, {"body_html", "<p>x</p>"}}, "source"},
      {{{"title", "t"}, {"body_html", "<p>点击 <a href=\"https://www.365.com/\">这里</a></p>"}}, "body_html"},
      {{{"title", "t"}, {"body_html", "<p>备用线路</p>"}}, "body_html"},
      {{{"title", "t"}, {"body_html", "<img src=\"https://evil.example/x.png\">"}}, "body_html"},
      {{{"title", "t"}, {"body_html", std::string(600 * 1024, 'a')}}, "body_html"},
      {{{"title", "t"}, {"origin", "reprint"}, {"body_html", "<p>x</p>"}}, "source_url"},
      {{{"title", "t"}, {"origin", "copied"}, {"body_html", "<p>x</p>"}}, "origin"},
      {{{"title", "t"}, {"body_html", "<p>x</p>"}, {"colour", "red"}}, "colour"},
  };
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<blockquote>";
  cases.push_back({{{"title", "t"}, {"body_html", deep}}, "body_html"});
  for (const auto& c : cases) {
    auto r = editor->Post(path, c.body);
    EXPECT_EQ(r.status, 422) << c.field << ": " << r.body.substr(0, 300);
    auto fields = r.error_fields();
    EXPECT_NE(std::find(fields.begin(), fields.end(), c.field), fields.end())
        << c.field << ": " << r.body.substr(0, 300);
  }
  auto offending = editor->Post(path, nlohmann::json{{"title", "欢迎来到365.com线路检测"}, {"body_html", "<p>x</p>"}});
  EXPECT_NE(offending.body.find("365.com线路检测"), std::string::npos) << "the offending text is named";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM publishing_articles"), 0);
  // A column name is a breadcrumb: the link policy reads it too.
  auto crumb = admin->Post(OrgPath(branch_.id, "/columns"), nlohmann::json{{"name", "365.com线路检测"}});
  EXPECT_EQ(crumb.status, 422);
  EXPECT_EQ(crumb.error_fields(), std::vector<std::string>{"name"});
  // Scripts and handlers are not refused but never stored.
  auto inert = editor->Post(path, nlohmann::json{{"title", "t"},
                                                 {"body_html",
                                                  "<p onclick=\"x()\">a<script>alert(1)</script>b</p>"
                                                  "<a href=\"javascript:alert(1)\">c</a>"}});
  ASSERT_EQ(inert.status, 201) << inert.body;
  EXPECT_EQ(inert.json()["body_html"], "<p>ab</p>c");
  // Scheduling in the past, and an unreadable time.
  const int64_t id = inert.json()["id"];
  ASSERT_EQ(editor->Post(ArticlePath(id, "/submit"), std::string()).status, 200);
  ASSERT_EQ(admin->Post(ArticlePath(id, "/approve"), nlohmann::json::object()).status, 200);
  auto past = admin->Post(ArticlePath(id, "/publish"), nlohmann::json{{"publish_at", "2016-08-09T10:00:00Z"}});
  EXPECT_EQ(past.status, 422);
  EXPECT_EQ(past.error_fields(), std::vector<std::string>{"publish_at"});
  auto garbled = admin->Post(ArticlePath(id, "/publish"), nlohmann::json{{"publish_at", "明天"}});
  EXPECT_EQ(garbled.status, 422);
  EXPECT_EQ(admin->Get(ArticlePath(id)).json()["status"], "approved");
}

TEST_P(PublishingApiTest, TheSeedPageImportedAsItIsIsRefusedForItsInjectedCrumb) {
  auto admin = As("pub-admin");
  const int64_t column = MakeColumns(*admin);
  const std::string seed(FindEmbeddedFile("modules/publishing/demo/karamay-exchange-meeting.zh.txt"));
  ASSERT_NE(seed.find("365.com线路检测"), std::string::npos);
  auto r =
      As("pub-editor")
          ->Post("/api/v1/publishing/columns/" + std::to_string(column) + "/imports", nlohmann::json{{"text", seed}});
  ASSERT_EQ(r.status, 422) << r.body.substr(0, 500);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"breadcrumb"});
  EXPECT_NE(r.body.find("365.com线路检测"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM publishing_articles"), 0);
  // Without the injected crumb the same page imports as a draft with its source and editor.
  std::string clean = seed;
  clean.replace(clean.find("365.com线路检测 > "), std::string("365.com线路检测 > ").size(), "");
  auto ok =
      As("pub-editor")
          ->Post("/api/v1/publishing/columns/" + std::to_string(column) + "/imports", nlohmann::json{{"text", clean}});
  ASSERT_EQ(ok.status, 201) << ok.body.substr(0, 500);
  EXPECT_EQ(ok.json()["title"], "自治区城市共青团工作交流会在克拉玛依市顺利召开");
  EXPECT_EQ(ok.json()["source"], "克拉玛依团市委");
  EXPECT_EQ(ok.json()["editor"], "团委");
  EXPECT_EQ(ok.json()["status"], "draft");
}

TEST_P(PublishingApiTest, ScheduledArticlesArePublishedByTheJobRunner) {
  auto admin = As("pub-admin");
  const int64_t column = MakeColumns(*admin);
  const int64_t id = Write(*As("pub-editor"), column);
  ASSERT_EQ(As("pub-editor")->Post(ArticlePath(id, "/submit"), std::string()).status, 200);
  auto reviewer = As("pub-reviewer");
  ASSERT_EQ(reviewer->Post(ArticlePath(id, "/approve"), nlohmann::json::object()).status, 200);
  const int64_t at = server().clock().NowMillis() + 3600 * 1000;
  auto scheduled = reviewer->Post(ArticlePath(id, "/publish"), nlohmann::json{{"publish_at", FormatUtc(at)}});
  ASSERT_EQ(scheduled.status, 200) << scheduled.body;
  EXPECT_EQ(scheduled.json()["status"], "approved");
  EXPECT_FALSE(scheduled.json()["publish_at"].is_null());
  auto list = reviewer->Get(OrgPath(branch_.id, "/articles?scheduled=true"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["items"].size(), 1u);

  jobs::JobRunner runner(ctx(), {});
  ASSERT_TRUE(runner.RunDue().ok());
  EXPECT_EQ(reviewer->Get(ArticlePath(id)).json()["status"], "approved") << "not yet";
  server().clock().Advance(3601 * 1000);
  ASSERT_TRUE(runner.RunDue().ok());
  auto done = reviewer->Get(ArticlePath(id)).json();
  EXPECT_EQ(done["status"], "published");
  EXPECT_EQ(Notices(editor_, "publishing.article_published"), 1);
  EXPECT_EQ(Audits("article.publish"), 1);
  EXPECT_EQ(server().Client()->Get(done["public_url"].get<std::string>()).status, 200);
}

TEST_P(PublishingApiTest, ArticlesWaitingForReviewTooLongShowOnTheOverdueViewAndRemind) {
  auto admin = As("pub-admin");
  const int64_t column = MakeColumns(*admin);
  auto editor = As("pub-editor");
  const int64_t waiting = Write(*editor, column, "等了很久");
  const int64_t reviewed = Write(*editor, column, "已审核");
  for (int64_t id : {waiting, reviewed}) ASSERT_EQ(editor->Post(ArticlePath(id, "/submit"), std::string()).status, 200);
  auto& job = ctx().jobs.at("publishing.review_reminders");
  auto overdue = [&]() -> int64_t {
    auto r = As("pub-admin")->Get("/api/v1/organizations/" + std::to_string(city_.id) + "/overdue");
    EXPECT_EQ(r.status, 200) << r.body;
    const nlohmann::json items = r.json()["items"];
    for (const auto& i : items) {
      if (i["key"] == "overdue.publishing_review") {
        EXPECT_EQ(i["link"], "/app/organizations/" + std::to_string(city_.id) + "/publishing?filter=submitted");
        return i["subtree"].get<int64_t>();
      }
    }
    ADD_FAILURE() << "no overdue.publishing_review in " << r.body;
    return 0;
  };
  ASSERT_TRUE(job.run(ctx(), {}).ok());
  EXPECT_EQ(overdue(), 0) << "submitted just now";
  server().clock().Advance(3LL * 24 * 3600 * 1000);
  ASSERT_EQ(As("pub-reviewer")->Post(ArticlePath(reviewed, "/approve"), nlohmann::json::object()).status, 200);
  ASSERT_TRUE(job.run(ctx(), {}).ok());
  EXPECT_EQ(overdue(), 1) << "one waits, rolled up to the city";
  EXPECT_EQ(Notices(admin_, "publishing.review_waiting"), 1 + 2) << "two submissions, one reminder";
  ASSERT_TRUE(job.run(ctx(), {}).ok());
  EXPECT_EQ(Notices(admin_, "publishing.review_waiting"), 3) << "once a day";
  ASSERT_EQ(As("pub-admin")->Post(ArticlePath(waiting, "/approve"), nlohmann::json::object()).status, 200);
  ASSERT_TRUE(job.run(ctx(), {}).ok());
  EXPECT_EQ(overdue(), 0);
}

TEST_P(PublishingApiTest, TwoReviewersRacingOneApproves) {
  auto admin = As("pub-admin");
  const int64_t column = MakeColumns(*admin);
  auto editor = As("pub-editor");
  constexpr int kArticles = 4;
  std::vector<int64_t> ids;
  for (int i = 0; i < kArticles; ++i) {
    ids.push_back(Write(*editor, column, "并发" + std::to_string(i)));
    ASSERT_EQ(editor->Post(ArticlePath(ids.back(), "/submit"), std::string()).status, 200);
  }
  std::atomic<int> ok{0}, conflict{0}, other{0};
  auto review = [&](const std::string& login, const std::string& action) {
    auto client = As(login);
    for (int64_t id : ids) {
      auto r = action == "approve" ? client->Post(ArticlePath(id, "/approve"), nlohmann::json::object())
                                   : client->Post(ArticlePath(id, "/reject"), nlohmann::json{{"note", "退回"}});
      (r.status == 200 ? ok : r.status == 409 ? conflict : other)++;
    }
  };
  std::thread a(review, "pub-admin", "approve"), b(review, "pub-reviewer", "reject");
  a.join();
  b.join();
  EXPECT_EQ(other.load(), 0);
  // Each article took exactly one decision: approve then reject is allowed (approved → draft),
  // so a 200 pair is fine, but never two writes from the same state.
  const int64_t decisions = Audits("article.approve") + Audits("article.reject");
  EXPECT_EQ(decisions, ok.load());
  EXPECT_EQ(ok.load() + conflict.load(), 2 * kArticles);
  for (int64_t id : ids) {
    auto s = admin->Get(ArticlePath(id)).json()["status"].get<std::string>();
    EXPECT_TRUE(s == "approved" || s == "draft") << s;
  }
}

TEST_P(PublishingApiTest, UploadsAreSniffedAndServedOnlyAsAllowed) {
  auto editor = As("pub-editor");
  auto admin = As("pub-admin");
  MakeColumns(*admin);
  // A PNG by its bytes, whatever its name says.
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);
  auto up = editor->Send("POST", OrgPath(branch_.id, "/uploads?name=photo.txt"), png,
                         {{"Content-Type", "application/octet-stream"}});
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json()["kind"], "image");
  EXPECT_EQ(up.json()["media_type"], "image/png");
  const std::string url = up.json()["url"];
  auto served = server().Client()->Get(url);
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.header("content-type"), "image/png");
  EXPECT_EQ(served.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(served.body, png);
  // HTML pretending to be an image is refused.
  auto html = editor->Send("POST", OrgPath(branch_.id, "/uploads?name=x.png"), "<html><script>alert(1)</script>",
                           {{"Content-Type", "application/octet-stream"}});
  EXPECT_EQ(html.status, 422) << html.body;
  EXPECT_EQ(As("pub-reader")
                ->Send("POST", OrgPath(branch_.id, "/uploads?name=p.png"), png,
                       {{"Content-Type", "application/octet-stream"}})
                .status,
            403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM publishing_uploads"), 1);
  // The uploaded image is allowed in a body; the body keeps it.
  auto with = editor->Post("/api/v1/publishing/preview",
                           nlohmann::json{{"body_html", "<img src=\"" + url + "\" alt=\"照片\">"}});
  ASSERT_EQ(with.status, 200) << with.body;
  EXPECT_NE(with.json()["body_html"].get<std::string>().find(url), std::string::npos);
}

TEST_P(PublishingApiTest, TheFrontPageListsTheNewestPublicArticlesOfTheNetworkWithoutASession) {
  auto admin = As("pub-admin");
  auto editor = As("pub-editor");
  const int64_t column = MakeColumns(*admin);
  auto internal = admin->Post(
      OrgPath(branch_.id, "/columns"),
      nlohmann::json{{"name", "内部通知"}, {"is_public", false}, {"editors", {editor_}}, {"reviewers", {reviewer_}}});
  ASSERT_EQ(internal.status, 201) << internal.body;
  auto publish = [&](int64_t in, const std::string& title) {
    const int64_t id = Write(*editor, in, title);
    EXPECT_EQ(editor->Post(ArticlePath(id, "/submit"), std::string()).status, 200);
    EXPECT_EQ(admin->Post(ArticlePath(id, "/approve"), nlohmann::json::object()).status, 200);
    EXPECT_EQ(admin->Post(ArticlePath(id, "/publish"), nlohmann::json::object()).status, 200);
    return id;
  };
  publish(column, "第一篇");
  const int64_t second = publish(column, "第二篇");
  publish(internal.json().value("id", int64_t{0}), "内部的文章");
  Write(*editor, column, "还是草稿");

  auto anon = server().Client();
  auto titles = [&](const std::string& query) {
    auto r = anon->Get("/api/v1/publishing/latest" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = r.json();
    std::vector<std::string> out;
    for (const auto& item : body["items"]) out.push_back(item["title"]);
    return out;
  };
  EXPECT_EQ(titles(""), (std::vector<std::string>{"第二篇", "第一篇"}))
      << "newest first; a non-public column's article and a draft are not listed";
  EXPECT_EQ(titles("?limit=1"), (std::vector<std::string>{"第二篇"}));

  const auto latest = anon->Get("/api/v1/publishing/latest").json();
  const auto& first = latest["items"][0];
  EXPECT_EQ(first["organization_id"], branch_.id);
  EXPECT_EQ(first["organization_name"], branch_.fields.name);
  EXPECT_EQ(anon->Get(first["public_url"].get<std::string>()).status, 200) << "it links to the public page";

  for (const std::string bad : {"?limit=0", "?limit=21", "?limit=x"}) {
    auto r = anon->Get("/api/v1/publishing/latest" + bad);
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_NE(r.body.find("\"limit\""), std::string::npos) << r.body;
  }

  ASSERT_EQ(admin->Post(ArticlePath(second, "/withdraw"), nlohmann::json{{"reason", "更正"}}).status, 200);
  EXPECT_EQ(titles(""), (std::vector<std::string>{"第一篇"})) << "a withdrawn article leaves the list";
}

TEST_P(PublishingApiTest, ThePublicSiteIsEscapedCachedAndRevalidated) {
  auto admin = As("pub-admin");
  const int64_t column = MakeColumns(*admin);
  auto editor = As("pub-editor");
  const int64_t id = Write(*editor, column, "<script>alert(1)</script>标题 & \"引号\"");
  ASSERT_EQ(editor->Post(ArticlePath(id, "/submit"), std::string()).status, 200);
  ASSERT_EQ(admin->Post(ArticlePath(id, "/approve"), nlohmann::json::object()).status, 200);
  auto published = admin->Post(ArticlePath(id, "/publish"), nlohmann::json::object());
  ASSERT_EQ(published.status, 200) << published.body;
  const std::string url = published.json()["public_url"];

  auto anon = server().Client();
  std::optional<tianshan::testing::LogCapture> log(std::in_place);
  auto page = anon->Get(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(log->text().find("503"), std::string::npos)
      << "a page-cache miss on the I/O thread goes on to the pool without a logged 503: " << log->text();
  log.reset();
  EXPECT_EQ(page.body.find("<script"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;标题 &amp; &quot;引号&quot;"), std::string::npos);
  const std::string csp = page.header("content-security-policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("script-src"), std::string::npos) << "no script at all: " << csp;
  EXPECT_NE(page.body.find("<meta property=\"og:title\""), std::string::npos);
  EXPECT_NE(page.body.find("/qr.svg"), std::string::npos);
  EXPECT_NE(page.body.find("<meta name=\"viewport\""), std::string::npos);
  auto qr = anon->Get(url + "/qr.svg");
  ASSERT_EQ(qr.status, 200);
  EXPECT_NE(qr.header("content-type").find("image/svg+xml"), std::string::npos);

  // Revalidation: the same page answers 304 to its ETag and Last-Modified, until a change.
  const std::string etag = page.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(anon->Get(url, {{"If-None-Match", etag}}).status, 304);
  EXPECT_EQ(anon->Get(url, {{"If-Modified-Since", page.header("last-modified")}}).status, 304);
  ASSERT_EQ(admin->Post(ArticlePath(id, "/withdraw"), nlohmann::json{{"reason", "更正"}}).status, 200);
  auto after = anon->Get(url, {{"If-None-Match", etag}});
  EXPECT_EQ(after.status, 410) << "a write makes the cached page stale: now it says it was withdrawn";
  EXPECT_NE(after.body.find("更正"), std::string::npos);

  // Feeds and search.
  const int64_t second = Write(*editor, column, "青年志愿者服务队成立");
  ASSERT_EQ(editor->Post(ArticlePath(second, "/submit"), std::string()).status, 200);
  ASSERT_EQ(admin->Post(ArticlePath(second, "/approve"), nlohmann::json::object()).status, 200);
  ASSERT_EQ(admin->Post(ArticlePath(second, "/publish"), nlohmann::json::object()).status, 200);
  const std::string site = "/site/" + std::to_string(branch_.id);
  auto feed = anon->Get(site + "/feed.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.header("content-type").find("application/atom+xml"), std::string::npos);
  EXPECT_NE(feed.body.find("青年志愿者服务队成立"), std::string::npos);
  EXPECT_EQ(anon->Get(site + "/columns/" + std::to_string(column) + "/feed.atom").status, 200);
  auto found = anon->Get(site + "/search?q=%E5%BF%97%E6%84%BF%E8%80%85");  // 志愿者
  ASSERT_EQ(found.status, 200);
  EXPECT_NE(found.body.find("青年志愿者服务队成立"), std::string::npos);
  EXPECT_EQ(found.body.find("标题 &amp;"), std::string::npos);
  auto home = anon->Get(site);
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("群团工作"), std::string::npos);
  EXPECT_EQ(anon->Get("/site/" + std::to_string(other_.id) + "/articles/" + std::to_string(second)).status, 404);
  auto column_page = anon->Get(site + "/columns/" + std::to_string(column));
  ASSERT_EQ(column_page.status, 200);
  EXPECT_NE(column_page.body.find("青年志愿者服务队成立"), std::string::npos);
  EXPECT_NE(column_page.body.find("群团工作</a> &gt; 共青团工作</nav>"), std::string::npos) << column_page.body;
  auto css = anon->Get("/site/static/site.css");
  ASSERT_EQ(css.status, 200);
  EXPECT_NE(css.header("content-type").find("text/css"), std::string::npos);

  // Views are counted in memory and written by the flush job in one batch.
  const std::string second_url = site + "/articles/" + std::to_string(second);
  for (int i = 0; i < 5; ++i) ASSERT_EQ(anon->Get(second_url).status, 200);
  EXPECT_EQ(Count("SELECT view_count FROM publishing_articles WHERE id = ?", {second}), 0);
  ASSERT_TRUE(ctx().jobs.at("publishing.flush_views").run(ctx(), {}).ok());
  EXPECT_EQ(Count("SELECT view_count FROM publishing_articles WHERE id = ?", {second}), 5);
}

TS_INSTANTIATE_FOR_DATABASES(PublishingApiTest);

}  // namespace
}  // namespace tianshan::publishing
