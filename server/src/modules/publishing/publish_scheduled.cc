#include "audit/audit_log.h"
#include "core/json.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Status PublishScheduled(const AppContext& ctx, const JobRun& run) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(run.payload));
  ObjectReader in(doc);
  auto id = in.Int("article_id", true, 1);
  auto at = in.Int("at", true, 0);
  TS_RETURN_IF_ERROR(in.Finish());
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto found, FindArticle(tx, *id));
    // Rejected, rescheduled or published by hand since: nothing to do (the job is done).
    if (!found || found->status != status::kApproved || found->publish_at != *at) return Status::Ok();
    Article a = std::move(*found);
    const std::string before = ArticleAuditJson(a);
    a.status = status::kPublished;
    a.published_at = ctx.clock.NowMillis();
    a.publish_at.reset();
    a.updated_at = *a.published_at;
    TS_ASSIGN_OR_RETURN(bool moved, SaveArticleIfStatus(tx, a, status::kApproved));
    if (!moved) return Status::Ok();
    // The runner acts for the reviewer who scheduled it.
    audit::AuditEntry entry;
    entry.action = "article.publish";
    entry.entity_type = "article";
    entry.entity_id = std::to_string(a.id);
    entry.organization_path = a.org_path;
    entry.actor_account_id = a.approved_by;
    entry.before_json = before;
    entry.after_json = ArticleAuditJson(a);
    entry.request_id = "job-" + std::to_string(run.id);
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, std::move(entry)));
    return NotifyAuthor(tx, ctx, a, "published");
  });
}

}  // namespace tianshan::publishing
