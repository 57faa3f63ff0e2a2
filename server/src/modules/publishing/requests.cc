#include "modules/publishing/requests.h"

#include <chrono>
#include <cstdio>

namespace tianshan::publishing {
namespace {

std::vector<int64_t> Ids(ObjectReader& r, const char* name) {
  return r.IdArray(name, false, 50).value_or(std::vector<int64_t>{});
}

std::vector<std::string> Strings(ObjectReader& r, const rapidjson::Value* v, const char* name, size_t max_items) {
  std::vector<std::string> out;
  if (v == nullptr || v->IsNull()) return out;
  if (!v->IsArray()) {
    r.AddError(name, "field.must_be_array");
    return out;
  }
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    const auto& item = (*v)[i];
    if (!item.IsString()) {
      r.AddError(std::string(name) + "[" + std::to_string(i) + "]", "field.must_be_string");
      continue;
    }
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
  if (out.size() > max_items) r.AddError(name, "field.too_many", std::to_string(max_items));
  return out;
}

}  // namespace

std::optional<int64_t> ParseRfc3339(std::string_view s) {
  int y, mo, d, h, mi, sec = 0, n = 0;
  std::string text(s);
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5 || n != 16) return std::nullopt;
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    int m = 0;
    if (std::sscanf(text.c_str() + pos, ":%2d%n", &sec, &m) != 1 || m != 3) return std::nullopt;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
  }
  int64_t offset_minutes = 0;
  if (pos + 1 == text.size() && text[pos] == 'Z') {
  } else if (pos + 6 == text.size() && (text[pos] == '+' || text[pos] == '-') && text[pos + 3] == ':') {
    int oh = 0, om = 0;
    if (std::sscanf(text.c_str() + pos + 1, "%2d:%2d", &oh, &om) != 2 || oh > 14 || om > 59) return std::nullopt;
    offset_minutes = (oh * 60 + om) * (text[pos] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  const int64_t days = sys_days(ymd).time_since_epoch().count();
  return ((days * 24 + h) * 60 + mi - offset_minutes) * 60000LL + sec * 1000LL;
}

Result<ColumnInput> ParseColumn(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  ColumnInput in;
  in.name = r.String("name", true, kMaxColumnName).value_or("");
  in.parent_id = r.Int("parent_id", false, 0).value_or(0);
  in.position = static_cast<int>(r.Int("position", false, 0, 10000).value_or(0));
  in.is_public = r.Bool("is_public", false).value_or(true);
  in.show_on_parents = r.Bool("show_on_parents", false).value_or(false);
  in.editors = Ids(r, "editors");
  in.reviewers = Ids(r, "reviewers");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<ArticleRequest> ParseArticle(const http::HttpRequest& req, bool update) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  ArticleRequest out;
  ArticleFields& f = out.fields;
  if (update) out.revision = static_cast<int>(r.Int("revision", true, 1, 1'000'000).value_or(0));
  f.title = r.String("title", true, kMaxTitle).value_or("");
  f.subtitle = r.Text("subtitle", kMaxSubtitle);
  f.source = r.Text("source", kMaxSource);
  f.source_url = r.Text("source_url", kMaxUrl);
  f.author = r.Text("author", kMaxPerson);
  f.editor = r.Text("editor", kMaxPerson);
  f.origin = r.OneOf("origin", false, {"original", "reprint"}).value_or("original");
  f.cover_key = r.Text("cover_key", 64);
  f.summary = r.Text("summary", kMaxSummary);
  f.body_html = r.String("body_html", true, kMaxBodyBytes).value_or("");
  f.tags = Strings(r, r.Raw("tags"), "tags", kMaxTags);
  f.attachments = Strings(r, r.Raw("attachments"), "attachments", kMaxAttachments);
  TS_RETURN_IF_ERROR(r.Finish());
  return out;
}

Result<ArticleFilter> ParseArticleFilter(const http::HttpRequest& req) {
  http::QueryReader q(req);
  ArticleFilter f;
  f.limit = q.Limit(20, 100);
  f.before_id = q.IdCursor();
  f.column_id = q.Id("column_id");
  f.status = q.OneOf("status", ArticleStatuses());
  f.scheduled = q.Bool("scheduled").value_or(false);
  f.q = q.Text("q", kMaxTitle);
  TS_RETURN_IF_ERROR(q.Finish());
  return f;
}

Result<std::optional<int64_t>> ParsePublish(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req, true));
  ObjectReader r(doc);
  auto text = r.Text("publish_at", 40);
  std::optional<int64_t> at;
  if (text) {
    at = ParseRfc3339(*text);
    if (!at) r.AddError("publish_at", "publishing.bad_time");
  }
  TS_RETURN_IF_ERROR(r.Finish());
  return at;
}

Result<std::string> ParseText(const http::HttpRequest& req, const char* name, size_t max_chars) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  auto v = r.String(name, true, max_chars);
  TS_RETURN_IF_ERROR(r.Finish());
  return *v;
}

Result<std::optional<std::string>> ParseOptionalText(const http::HttpRequest& req, const char* name, size_t max_chars) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req, true));
  ObjectReader r(doc);
  auto v = r.Text(name, max_chars);
  TS_RETURN_IF_ERROR(r.Finish());
  return v;
}

}  // namespace tianshan::publishing
