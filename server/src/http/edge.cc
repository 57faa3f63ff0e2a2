#include "http/edge.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace tianshan::http {
namespace {

std::optional<int64_t> ParsePositive(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& a : items) out += (out.empty() ? "" : ", ") + a;
  return out;
}

}  // namespace

HttpResponse Problem(const HttpRequest& req, const Status& status) {
  return ProblemResponse(status, req.lang, req.path);
}

auth::Caller CallerOf(const HttpRequest& req) { return auth::Caller{*req.actor, req.request_id, req.lang}; }

std::string BaseUrl(const HttpRequest& req) {
  std::string scheme = req.Header("x-forwarded-proto") == "https" ? "https" : "http";
  std::string host;
  for (char c : req.Header("host")) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']') {
      host += c;
    }
  }
  if (host.empty()) return "";
  return scheme + "://" + host;
}

HttpResponse Json(JsonOut& out, int status) { return HttpResponse::Json(out.Take(), status); }
HttpResponse Json(std::string body, int status) { return HttpResponse::Json(std::move(body), status); }

Result<rapidjson::Document> JsonBody(const HttpRequest& req, bool empty_is_object) {
  if (empty_is_object && req.body.find_first_not_of(" \t\r\n") == std::string::npos) return ParseJsonObject("{}");
  return ParseJsonObject(req.body);
}

Status NoBody(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, JsonBody(req, true));
  ObjectReader in(doc);
  return in.Finish();
}

std::optional<std::string> QueryReader::Text(const char* name, size_t max_chars) {
  auto raw = req_.Query(name);
  if (!raw) return std::nullopt;
  size_t b = raw->find_first_not_of(" \t\r\n"), e = raw->find_last_not_of(" \t\r\n");
  if (b == std::string::npos) return std::nullopt;
  std::string v = raw->substr(b, e - b + 1);
  if (Utf8Length(v) > max_chars) {
    AddError(name, "field.too_long", std::to_string(max_chars));
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> QueryReader::OneOf(const char* name, const std::vector<std::string>& allowed) {
  auto raw = req_.Query(name);
  if (!raw) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *raw) == allowed.end()) {
    AddError(name, "field.not_one_of", JoinList(allowed));
    return std::nullopt;
  }
  return raw;
}

std::string QueryReader::OneOf(const char* name, const std::vector<std::string>& allowed, std::string fallback) {
  return OneOf(name, allowed).value_or(std::move(fallback));
}

std::optional<bool> QueryReader::Bool(const char* name) {
  auto raw = req_.Query(name);
  if (!raw) return std::nullopt;
  if (*raw == "true") return true;
  if (*raw == "false") return false;
  AddError(name, "field.not_one_of", "true, false");
  return std::nullopt;
}

std::optional<int64_t> QueryReader::Id(const char* name, bool required) {
  auto raw = req_.Query(name);
  if (!raw) {
    if (required) AddError(name, "field.required");
    return std::nullopt;
  }
  auto v = ParsePositive(*raw);
  if (!v) AddError(name, "field.must_be_integer");
  return v;
}

std::optional<int64_t> QueryReader::Int(const char* name, int64_t min, int64_t max) {
  auto raw = req_.Query(name);
  if (!raw) return std::nullopt;
  int64_t v = 0;
  auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (raw->empty() || ec != std::errc() || end != raw->data() + raw->size()) {
    AddError(name, "field.must_be_integer");
    return std::nullopt;
  }
  if (v < min || v > max) {
    AddError(name, "field.out_of_range", std::to_string(min) + "–" + std::to_string(max));
    return std::nullopt;
  }
  return v;
}

int QueryReader::Limit(int default_limit, int max_limit) {
  auto raw = req_.Query("limit");
  if (!raw) return default_limit;
  auto v = ParsePositive(*raw);
  if (!v || *v > max_limit) {
    AddError("limit", "query.bad_limit", std::to_string(max_limit));
    return default_limit;
  }
  return static_cast<int>(*v);
}

std::optional<std::string> QueryReader::Cursor() {
  auto raw = req_.Query("cursor");
  if (!raw || raw->empty()) return std::nullopt;
  return raw;
}

std::optional<int64_t> QueryReader::IdCursor() {
  auto raw = Cursor();
  if (!raw) return std::nullopt;
  auto v = ParsePositive(*raw);
  if (!v) AddError("cursor", "query.bad_cursor");
  return v;
}

void QueryReader::AddError(std::string field, std::string message, std::string param) {
  errors_.push_back({std::move(field), std::move(message), std::move(param)});
}

Status QueryReader::Finish() {
  if (errors_.empty()) return Status::Ok();
  return Status::Invalid(errors_);
}

std::optional<std::string> IdCursorText(const std::optional<int64_t>& next_id) {
  return next_id ? std::optional<std::string>(std::to_string(*next_id)) : std::nullopt;
}

}  // namespace tianshan::http
