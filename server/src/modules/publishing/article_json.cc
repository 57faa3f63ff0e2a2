#include "modules/publishing/article_json.h"

#include "core/clock.h"
#include "kit/permission.h"

namespace tianshan::publishing {
namespace {

void Time(JsonOut& out, std::string_view key, const std::optional<int64_t>& millis) {
  out.Key(key);
  if (millis) {
    out.String(FormatUtc(*millis));
  } else {
    out.Null();
  }
}

void StringArray(JsonOut& out, std::string_view key, const std::vector<std::string>& items) {
  out.Key(key).StartArray();
  for (const auto& i : items) out.String(i);
  out.EndArray();
}

}  // namespace

void WriteColumn(JsonOut& out, const ColumnView& v) {
  const Column& c = v.column;
  out.StartObject()
      .Field("id", c.id)
      .Field("organization_id", c.organization_id)
      .Field("parent_id", c.parent_id)
      .Field("name", c.name)
      .Field("position", static_cast<int64_t>(c.position))
      .Field("is_public", c.is_public)
      .Field("show_on_parents", c.show_on_parents);
  StringArray(out, "trail", v.trail);
  out.Key("members").StartArray();
  for (const auto& m : v.members) {
    out.StartObject()
        .Field("account_id", m.account_id)
        .Field("role", m.role)
        .Field("display_name", m.display_name)
        .EndObject();
  }
  out.EndArray();
  out.Field("public_url", "/site/" + std::to_string(c.organization_id) + "/columns/" + std::to_string(c.id));
  WriteCan(out, {{"edit", v.can_edit}, {"write", v.can_write}, {"review", v.can_review}});
  out.EndObject();
}

void WriteArticle(JsonOut& out, const ArticleView& v) {
  const Article& a = v.article;
  const ArticleFields& f = a.fields;
  out.StartObject()
      .Field("id", a.id)
      .Field("column_id", a.column_id)
      .Field("organization_id", a.organization_id)
      .Field("title", f.title);
  WriteArticleMeta(out, f);
  StringArray(out, "tags", f.tags);
  StringArray(out, "attachments", f.attachments);
  StringArray(out, "trail", v.trail);
  out.Field("body_html", f.body_html)
      .Field("status", a.status)
      .Field("revision", static_cast<int64_t>(a.revision))
      .Field("created_by", a.created_by)
      .Field("submitted_by", a.submitted_by)
      .Field("approved_by", a.approved_by)
      .Field("review_note", a.review_note);
  Time(out, "publish_at", a.publish_at);
  Time(out, "published_at", a.published_at);
  Time(out, "withdrawn_at", a.withdrawn_at);
  out.Field("withdrawn_reason", a.withdrawn_reason).Field("view_count", a.view_count);
  Time(out, "created_at", a.created_at);
  Time(out, "updated_at", a.updated_at);
  const bool public_page = a.status == status::kPublished || a.status == status::kWithdrawn;
  out.Field("public_url", public_page ? std::optional<std::string>("/site/" + std::to_string(a.organization_id) +
                                                                   "/articles/" + std::to_string(a.id))
                                      : std::nullopt);
  WriteCan(out, {{"edit", v.can.edit},
                 {"submit", v.can.submit},
                 {"approve", v.can.approve},
                 {"reject", v.can.reject},
                 {"publish", v.can.publish},
                 {"withdraw", v.can.withdraw}});
  out.EndObject();
}

void WriteRevision(JsonOut& out, const Revision& r, bool with_body) {
  out.StartObject()
      .Field("revision", static_cast<int64_t>(r.revision))
      .Field("title", r.title)
      .Field("saved_by", r.saved_by)
      .Field("saved_by_name", r.saved_by_name);
  Time(out, "saved_at", r.saved_at);
  if (with_body) {
    out.Key("fields");
    out.w().RawValue(r.fields_json.data(), r.fields_json.size(), rapidjson::kObjectType);
    out.Field("body_html", r.body_html).Field("body_text", r.body_text);
  }
  out.EndObject();
}

void WriteUpload(JsonOut& out, const Upload& u) {
  out.StartObject()
      .Field("key", u.key)
      .Field("url", "/media/" + u.key)
      .Field("kind", u.kind)
      .Field("media_type", u.media_type)
      .Field("file_name", u.file_name)
      .Field("size", u.size);
  Time(out, "created_at", u.created_at);
  out.EndObject();
}

void WriteArticleMeta(JsonOut& out, const ArticleFields& f) {
  out.Field("subtitle", f.subtitle)
      .Field("source", f.source)
      .Field("source_url", f.source_url)
      .Field("author", f.author)
      .Field("editor", f.editor)
      .Field("origin", f.origin)
      .Field("cover_key", f.cover_key)
      .Field("summary", f.summary);
}

}  // namespace tianshan::publishing
