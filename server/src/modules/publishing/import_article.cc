#include "modules/publishing/link_policy.h"
#include "modules/publishing/page_text.h"
#include "modules/publishing/permissions.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Result<ArticleView> ImportArticle(const AppContext& ctx, const Caller& caller, int64_t column_id,
                                  const std::string& text) {
  const PageText page = ParsePageText(text);
  // The link policy first, field by field, on the page as it was: an injected breadcrumb is
  // refused by name, not silently dropped.
  std::vector<CheckedField> checked;
  for (const auto& crumb : page.breadcrumb) checked.push_back({"breadcrumb", crumb});
  checked.push_back({"title", page.title});
  if (page.source) checked.push_back({"source", *page.source});
  if (page.editor) checked.push_back({"editor", *page.editor});
  for (const auto& p : page.paragraphs) checked.push_back({"body_html", p});
  std::vector<FieldError> errors;
  for (const auto& e : CheckFields(checked)) errors.push_back({e.field, "publishing.denied_text", e.offending});
  if (page.title.empty()) errors.push_back({"text", "publishing.no_title", ""});
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  ArticleFields fields;
  fields.title = page.title;
  fields.source = page.source;
  fields.editor = page.editor;
  fields.body_html = ParagraphsHtml(page.paragraphs);
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ArticleView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadColumn(tx, caller.actor, column_id));
    return CreateArticleIn(tx, ctx, caller, access, fields);
  });
}

}  // namespace tianshan::publishing
