#include "core/json.h"
#include "modules/publishing/permissions.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Result<ArticleView> RejectArticle(const AppContext& ctx, const Caller& caller, int64_t article_id,
                                  const std::string& note) {
  if (note.find_first_not_of(" \t\r\n") == std::string::npos) return Status::Invalid("note", "field.empty");
  if (Utf8Length(note) > kMaxReason) return Status::Invalid("note", "field.too_long", std::to_string(kMaxReason));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ArticleView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadArticle(tx, caller.actor, article_id));
    Article& a = access.article;
    if (!CanReview(caller.actor, a.org_path, access.membership)) return Status::Forbidden();
    if (a.status != status::kSubmitted && a.status != status::kApproved) {
      return Status::Conflict("publishing.wrong_state");
    }
    const std::string before = ArticleAuditJson(a);
    const std::string from = a.status;
    a.status = status::kDraft;
    a.review_note = note;
    a.approved_by.reset();
    a.publish_at.reset();  // a scheduled publication is called off
    TS_ASSIGN_OR_RETURN(auto view, Transition(tx, ctx, caller, access, from, "article.reject", before));
    TS_RETURN_IF_ERROR(NotifyAuthor(tx, ctx, a, "rejected"));
    return view;
  });
}

}  // namespace tianshan::publishing
