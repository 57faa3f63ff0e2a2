#include "modules/publishing/use_case_support.h"

#include "core/json.h"
#include "modules/notifications/public/notify.h"
#include "modules/publishing/html_sanitizer.h"
#include "modules/publishing/link_policy.h"
#include "modules/publishing/permissions.h"

namespace tianshan::publishing {
namespace {

void CheckLength(std::vector<FieldError>& errors, const std::string& field, const std::optional<std::string>& v,
                 size_t max) {
  if (v && Utf8Length(*v) > max) errors.push_back({field, "field.too_long", std::to_string(max)});
}

}  // namespace

Result<ColumnAccess> LoadColumn(storage::Transaction& tx, const auth::Actor& actor, int64_t column_id) {
  TS_ASSIGN_OR_RETURN(auto column, FindColumn(tx, column_id));
  if (!column || !CanRead(actor, column->org_path)) return Status::NotFound("publishing.column_not_found");
  TS_ASSIGN_OR_RETURN(auto membership, MembershipOf(tx, column_id, actor.account_id));
  return ColumnAccess{std::move(*column), membership};
}

Result<ArticleAccess> LoadArticle(storage::Transaction& tx, const auth::Actor& actor, int64_t article_id) {
  TS_ASSIGN_OR_RETURN(auto article, FindArticle(tx, article_id));
  if (!article || !CanRead(actor, article->org_path)) return Status::NotFound("publishing.not_found");
  TS_ASSIGN_OR_RETURN(auto column, FindColumn(tx, article->column_id));
  if (!column) return Status::Internal("error.internal").WithDetail("article without a column");
  TS_ASSIGN_OR_RETURN(auto membership, MembershipOf(tx, column->id, actor.account_id));
  return ArticleAccess{std::move(*article), std::move(*column), membership};
}

ArticleActions ActionsFor(const auth::Actor& actor, const ArticleAccess& access) {
  const Article& a = access.article;
  const bool write = CanWrite(actor, a.org_path, access.membership);
  const bool review = CanReview(actor, a.org_path, access.membership);
  ArticleActions can;
  can.edit = write && (a.status == status::kDraft || a.status == status::kWithdrawn);
  can.submit = write && a.status == status::kDraft;
  can.approve = review && a.status == status::kSubmitted && MayApprove(actor, a.created_by, a.submitted_by);
  can.reject = review && (a.status == status::kSubmitted || a.status == status::kApproved);
  can.publish = review && a.status == status::kApproved;
  can.withdraw = review && a.status == status::kPublished;
  return can;
}

Result<ArticleView> ViewOf(storage::Transaction& tx, const auth::Actor& actor, const ArticleAccess& access) {
  TS_ASSIGN_OR_RETURN(auto trail, ColumnTrail(tx, access.column));
  return ArticleView{access.article, std::move(trail), ActionsFor(actor, access)};
}

Result<ArticleFields> CheckArticleFields(storage::Transaction& tx, const ArticleFields& raw) {
  std::vector<FieldError> errors;
  ArticleFields f = raw;
  if (f.title.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back({"title", "field.empty", ""});
  CheckLength(errors, "title", f.title, kMaxTitle);
  CheckLength(errors, "subtitle", f.subtitle, kMaxSubtitle);
  CheckLength(errors, "source", f.source, kMaxSource);
  CheckLength(errors, "author", f.author, kMaxPerson);
  CheckLength(errors, "editor", f.editor, kMaxPerson);
  CheckLength(errors, "summary", f.summary, kMaxSummary);
  if (f.source_url && (!IsSafeHref(*f.source_url) || f.source_url->find(':') == std::string::npos)) {
    errors.push_back({"source_url", "publishing.bad_url", ""});
  }
  if (f.origin == "reprint" && !f.source_url) errors.push_back({"source_url", "publishing.reprint_needs_url", ""});
  for (size_t i = 0; i < f.tags.size(); ++i) {
    const std::string& t = f.tags[i];
    if (t.empty() || Utf8Length(t) > kMaxTag || t.find(',') != std::string::npos) {
      errors.push_back({"tags[" + std::to_string(i) + "]", "publishing.bad_tag", std::to_string(kMaxTag)});
    }
  }
  if (f.tags.size() > kMaxTags) errors.push_back({"tags", "field.too_many", std::to_string(kMaxTags)});

  auto body = SanitizeHtml(raw.body_html, SanitizeLimits{kMaxBodyBytes, 48}, "body_html");
  if (!body.ok()) {
    const Status failed = body.status();
    for (const auto& e : failed.field_errors()) errors.push_back(e);
  } else {
    f.body_html = std::move(body->html);
    f.body_text = std::move(body->text);
    for (const auto& src : body->foreign_images) {
      errors.push_back({"body_html", "publishing.foreign_image", src.substr(0, 200)});
    }
    for (const auto& key : body->image_keys) {
      TS_ASSIGN_OR_RETURN(auto up, FindUpload(tx, key));
      if (!up || up->kind != "image") errors.push_back({"body_html", "publishing.unknown_upload", "/media/" + key});
    }
    std::vector<CheckedField> checked;
    for (const auto& link : body->links) checked.push_back({"body_html", link});
    for (const auto& text : body->texts) checked.push_back({"body_html", text});
    checked.push_back({"body_html", f.body_text});
    for (const auto& e : CheckFields(checked)) errors.push_back({e.field, "publishing.denied_text", e.offending});
  }
  if (f.cover_key) {
    TS_ASSIGN_OR_RETURN(auto up, FindUpload(tx, *f.cover_key));
    if (!up || up->kind != "image") errors.push_back({"cover_key", "publishing.unknown_upload", *f.cover_key});
  }
  for (size_t i = 0; i < f.attachments.size(); ++i) {
    TS_ASSIGN_OR_RETURN(auto up, FindUpload(tx, f.attachments[i]));
    if (!up)
      errors.push_back({"attachments[" + std::to_string(i) + "]", "publishing.unknown_upload", f.attachments[i]});
  }
  if (f.attachments.size() > kMaxAttachments) {
    errors.push_back({"attachments", "field.too_many", std::to_string(kMaxAttachments)});
  }
  std::vector<CheckedField> fields = {{"title", f.title}};
  for (auto [name, value] : {std::pair{"subtitle", &f.subtitle},
                             {"source", &f.source},
                             {"source_url", &f.source_url},
                             {"author", &f.author},
                             {"editor", &f.editor},
                             {"summary", &f.summary}}) {
    if (*value) fields.push_back({name, **value});
  }
  for (const auto& t : f.tags) fields.push_back({"tags", t});
  for (const auto& e : CheckFields(fields)) errors.push_back({e.field, "publishing.denied_text", e.offending});
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return f;
}

std::string ArticleAuditJson(const Article& a) {
  JsonOut out;
  out.StartObject()
      .Field("column_id", a.column_id)
      .Field("title", a.fields.title)
      .Field("status", a.status)
      .Field("revision", static_cast<int64_t>(a.revision))
      .Field("publish_at", a.publish_at)
      .Field("withdrawn_reason", a.withdrawn_reason)
      .Field("review_note", a.review_note)
      .EndObject();
  return out.Take();
}

Status AuditArticle(storage::Transaction& tx, const AppContext& ctx, const Caller& caller, const std::string& action,
                    const Article& a, const std::string& before_json) {
  return ctx.audit.Record(tx, caller, {action, "article", a.id, a.org_path, before_json, ArticleAuditJson(a)});
}

Status NotifyReviewers(storage::Transaction& tx, const AppContext& ctx, const ArticleAccess& access) {
  TS_ASSIGN_OR_RETURN(auto members, ColumnMembers(tx, access.column.id));
  notifications::Recipients to{.organization_id = access.article.organization_id,
                               .roles = {auth::Role::kCommitteeAdmin}};
  for (const auto& m : members) {
    if (m.role == "reviewer") to.accounts.push_back(m.account_id);
  }
  notifications::Notification n{"publishing.review_waiting",
                                "publishing.notice.submitted_title",
                                "publishing.notice.submitted_body",
                                {{"title", access.article.fields.title}},
                                "/app/publishing/articles/" + std::to_string(access.article.id),
                                std::nullopt};
  return notifications::Notify(tx, ctx, to, n).status();
}

Status NotifyAuthor(storage::Transaction& tx, const AppContext& ctx, const Article& a, const std::string& what) {
  notifications::Recipients to{.accounts = {a.created_by}};
  if (a.submitted_by && *a.submitted_by != a.created_by) to.accounts.push_back(*a.submitted_by);
  notifications::Notification n{
      "publishing.article_" + std::string(what == "approved" || what == "rejected" ? "reviewed" : "published"),
      "publishing.notice." + what + "_title",
      "publishing.notice." + what + "_body",
      {{"title", a.fields.title}, {"note", a.review_note.value_or(a.withdrawn_reason.value_or(""))}},
      "/app/publishing/articles/" + std::to_string(a.id),
      std::nullopt};
  return notifications::Notify(tx, ctx, to, n).status();
}

Result<ArticleView> Transition(storage::Transaction& tx, const AppContext& ctx, const Caller& caller,
                               ArticleAccess& access, std::string_view from, const std::string& action,
                               const std::string& before_json) {
  access.article.updated_at = ctx.clock.NowMillis();
  TS_ASSIGN_OR_RETURN(bool moved, SaveArticleIfStatus(tx, access.article, from));
  if (!moved) return Status::Conflict("publishing.wrong_state");
  TS_RETURN_IF_ERROR(AuditArticle(tx, ctx, caller, action, access.article, before_json));
  return ViewOf(tx, caller.actor, access);
}

}  // namespace tianshan::publishing
