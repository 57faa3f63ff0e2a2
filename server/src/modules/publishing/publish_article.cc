#include "core/json.h"
#include "modules/jobs/public/jobs.h"
#include "modules/publishing/permissions.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Result<ArticleView> PublishArticle(const AppContext& ctx, const Caller& caller, int64_t article_id,
                                   std::optional<int64_t> at) {
  const int64_t now = ctx.clock.NowMillis();
  if (at && *at <= now) return Status::Invalid("publish_at", "publishing.publish_at_past");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ArticleView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadArticle(tx, caller.actor, article_id));
    Article& a = access.article;
    if (!CanReview(caller.actor, a.org_path, access.membership)) return Status::Forbidden();
    // Nothing reaches the public without review.
    if (a.status == status::kDraft || a.status == status::kSubmitted)
      return Status::Conflict("publishing.needs_review");
    if (a.status != status::kApproved) return Status::Conflict("publishing.wrong_state");
    const std::string before = ArticleAuditJson(a);
    if (at) {
      a.publish_at = *at;
      JsonOut payload;
      payload.StartObject().Field("article_id", a.id).Field("at", *at).EndObject();
      TS_ASSIGN_OR_RETURN(bool queued, jobs::EnqueueJob(tx, ctx, "publishing.publish_scheduled", *at, payload.Take(),
                                                        "article:" + std::to_string(a.id) + "@" + std::to_string(*at)));
      (void)queued;  // the same time again: the job exists already
      return Transition(tx, ctx, caller, access, status::kApproved, "article.schedule", before);
    }
    a.status = status::kPublished;
    a.publish_at.reset();
    a.published_at = now;
    TS_ASSIGN_OR_RETURN(auto view, Transition(tx, ctx, caller, access, status::kApproved, "article.publish", before));
    TS_RETURN_IF_ERROR(NotifyAuthor(tx, ctx, a, "published"));
    return view;
  });
}

}  // namespace tianshan::publishing
