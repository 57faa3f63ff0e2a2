#include "modules/publishing/load_demo.h"

#include "auth/account_repository.h"
#include "modules/publishing/article_repository.h"
#include "modules/publishing/column_repository.h"
#include "modules/publishing/html_sanitizer.h"
#include "modules/publishing/page_text.h"
#include "storage/embedded_files.h"

namespace tianshan::publishing {
namespace {

constexpr int64_t kPublishedAt = 1470708000000;  // 2016-08-09 10:00 China time

Result<int64_t> AccountId(storage::Transaction& tx, const std::string& login) {
  TS_ASSIGN_OR_RETURN(auto a, auth::AccountRepository::FindByLoginOrPhone(tx, login));
  return a ? a->id : 0;
}

}  // namespace

Status LoadDemo(AppContext& ctx, DemoContext& demo) {
  auto org = demo.organization_ids.find("克拉玛依市团委");
  if (org == demo.organization_ids.end() || ctx.organizations == nullptr) return Status::Ok();
  const PageText page = ParsePageText(FindEmbeddedFile(kSeedFile));
  const int64_t now = ctx.clock.NowMillis();
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto ref, ctx.organizations->Find(tx, org->second));
    if (!ref) return Status::Ok();
    TS_ASSIGN_OR_RETURN(int64_t admin, AccountId(tx, "karamay-admin"));
    TS_ASSIGN_OR_RETURN(int64_t cadre, AccountId(tx, "cadre"));
    auto column = [&](const std::string& name, int64_t parent, int position, bool on_parents) -> Result<Column> {
      Column c{0, ref->id, ref->path, parent, name, position, true, on_parents, admin, now, now};
      TS_ASSIGN_OR_RETURN(c.id, InsertColumn(tx, c));
      if (cadre != 0) TS_RETURN_IF_ERROR(ReplaceColumnMembers(tx, c.id, {{cadre, "editor", ""}}, now));
      return c;
    };
    TS_ASSIGN_OR_RETURN(Column group_work, column("群团工作", 0, 1, true));
    TS_ASSIGN_OR_RETURN(Column league_work, column("共青团工作", group_work.id, 1, true));
    TS_ASSIGN_OR_RETURN(Column notices, column("通知公告", 0, 2, false));
    (void)notices;

    // The seed article, as its page said it, under its own clean breadcrumb (the column trail):
    // the page's first crumb was injected and is not part of it.
    Article a;
    a.column_id = league_work.id;
    a.organization_id = ref->id;
    a.org_path = ref->path;
    a.show_on_parents = true;
    a.fields.title = page.title;
    a.fields.source = page.source;
    a.fields.editor = page.editor;
    std::vector<std::string> paragraphs;
    for (const auto& p : page.paragraphs) {
      if (p.find("二维码") == std::string::npos) paragraphs.push_back(p);  // the caption of an image not kept
    }
    TS_ASSIGN_OR_RETURN(auto body, SanitizeHtml(ParagraphsHtml(paragraphs)));
    a.fields.body_html = body.html;
    a.fields.body_text = body.text;
    a.fields.tags = {"城市共青团", "工作交流会", "克拉玛依"};
    a.status = status::kPublished;
    a.created_by = a.submitted_by.emplace(cadre != 0 ? cadre : admin);
    a.approved_by = admin;
    a.published_at = kPublishedAt;
    a.created_at = a.updated_at = kPublishedAt;
    TS_ASSIGN_OR_RETURN(a.id, InsertArticle(tx, a));
    TS_RETURN_IF_ERROR(SaveArticle(tx, a));  // the workflow columns
    return InsertRevision(tx, a, a.created_by, kPublishedAt);
  });
}

}  // namespace tianshan::publishing
