#include "modules/publishing/module.h"

#include <memory>

#include "modules/publishing/handlers.h"
#include "modules/publishing/load_demo.h"
#include "modules/publishing/messages.h"
#include "modules/publishing/permissions.h"
#include "modules/publishing/review_reminders.h"
#include "modules/publishing/site_handlers.h"
#include "modules/publishing/use_cases.h"
#include "storage/sql_text.h"

namespace tianshan::publishing {

ModuleDefinition PublishingModule() {
  ModuleDefinition m;
  m.name = "publishing";
  m.migrations = storage::EmbeddedMigrations("publishing", "modules/publishing/migrations/");
  m.messages = Messages();
  m.permissions = Permissions();
  m.provide_services = [](AppContext& ctx) { ctx.services["publishing.site"] = std::make_shared<SiteService>(); };
  m.register_routes = [](http::Router& router, AppContext& ctx) {
    RegisterRoutes(router, ctx);
    RegisterSiteRoutes(router, ctx);
  };
  m.jobs = {
      {"publishing.publish_scheduled", "Publishes an approved article at its scheduled time", JobSchedule{}, 5, 300,
       PublishScheduled},
      {"publishing.flush_views", "Writes the article views counted in memory", JobSchedule::Interval(10), 3, 60,
       FlushViews},
      {"publishing.review_reminders", "Counts articles waiting for review over 2 days; reminds the committee",
       JobSchedule::Daily(8, 10), 3, 600, RemindWaitingReview},
  };
  m.counters = {
      {kOverdueReviewCounter, "超过 2 天未审核的文章", "Articles waiting for review over 2 days", "overdue",
       "/app/organizations/{id}/publishing?filter=submitted"},
  };
  m.notification_kinds = {
      {"publishing.review_waiting", "有文章待审核", "Articles waiting for review"},
      {"publishing.article_reviewed", "我的文章审核结果", "My articles reviewed"},
      {"publishing.article_published", "我的文章发布或撤回", "My articles published or withdrawn"},
  };
  m.load_demo = [](AppContext& ctx, DemoContext& demo) { return LoadDemo(ctx, demo); };
  // Rows keep their organization's path; rewrite it when a subtree moves.
  m.on_subtree_moved = [](storage::Transaction& tx, const std::string& from, const std::string& to) -> Status {
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "publishing_columns", "org_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "publishing_articles", "org_path", from, to));
    return storage::RewritePathPrefix(tx, "publishing_uploads", "org_path", from, to);
  };
  return m;
}

}  // namespace tianshan::publishing
