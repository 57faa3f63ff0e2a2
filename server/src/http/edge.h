#pragma once
// The HTTP edge every module's handlers use: one way to answer a failure, to name the caller,
// to read the query string and the JSON body, and to write a handler as
//   parse → one use case → respond
// where any failed step becomes the problem response, with no hand-written early returns:
//
//   router.Post("/api/v1/transfers/{id}/release", Access::kSession,
//               [&ctx](HttpRequest& req) -> Result<HttpResponse> {
//                 TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
//                 TS_RETURN_IF_ERROR(NoBody(req));
//                 TS_ASSIGN_OR_RETURN(auto view, ReleaseTransfer(ctx, CallerOf(req), id));
//                 return Json(TransferJson(view));
//               });
//
// Status codes of bad input, the same on every route:
//   400  the request itself is malformed: a path parameter that is not a positive id, a body
//        that is not a JSON object (field "body");
//   422  a query or body *value* is wrong: every field error at once, each with its field
//        name (unknown body fields included), `limit`/`cursor` as much as any other field.
// Problems always carry `instance` (the request path) and are written in the request's
// language (Accept-Language: zh-CN default, en).

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/caller.h"
#include "core/json.h"
#include "http/http_types.h"

namespace tianshan::http {

// The RFC 9457 problem for a failed status, with `instance` and in the request's language.
HttpResponse Problem(const HttpRequest& req, const Status& status);

// The caller of an authenticated route (Access::kSession guarantees the actor).
auth::Caller CallerOf(const HttpRequest& req);

// The scheme and host the client used ("https://tianshan.example"), from X-Forwarded-Proto and
// Host (only host-name characters are kept), for absolute URLs printed in QR codes and e-mails.
std::string BaseUrl(const HttpRequest& req);

// A JSON response from a writer or text.
HttpResponse Json(JsonOut& out, int status = 200);
HttpResponse Json(std::string body, int status = 200);

// The request body as a JSON object (400 when it is not one). An empty body reads as {} when
// `empty_is_object`, for requests whose fields are all optional.
Result<rapidjson::Document> JsonBody(const HttpRequest& req, bool empty_is_object = false);
// Ok when the body is empty or `{}`; otherwise 400 (not JSON) or 422 (unknown fields).
Status NoBody(const HttpRequest& req);

// Reads query fields, collecting every error; Finish() answers them all as one 422. Query
// fields the reader is not asked for are ignored (caches and analytics add their own).
class QueryReader {
 public:
  explicit QueryReader(const HttpRequest& req) : req_(req) {}

  // Free text, trimmed; nullopt when absent or blank.
  std::optional<std::string> Text(const char* name, size_t max_chars = 200);
  // One of a closed list; nullopt when absent.
  std::optional<std::string> OneOf(const char* name, const std::vector<std::string>& allowed);
  // One of a closed list, `fallback` when absent.
  std::string OneOf(const char* name, const std::vector<std::string>& allowed, std::string fallback);
  // "true" or "false"; nullopt when absent.
  std::optional<bool> Bool(const char* name);
  // A positive id; a missing required one is an error.
  std::optional<int64_t> Id(const char* name, bool required = false);
  // An integer within [min, max]; nullopt when absent.
  std::optional<int64_t> Int(const char* name, int64_t min, int64_t max);
  // ?limit= within 1..max_limit, `default_limit` when absent.
  int Limit(int default_limit, int max_limit);
  // ?cursor= as sent back by the client (opaque to it); nullopt when absent or empty.
  std::optional<std::string> Cursor();
  // ?cursor= that must be a positive id (the usual keyset cursor).
  std::optional<int64_t> IdCursor();

  void AddError(std::string field, std::string message, std::string param = {});
  // Ok, or one 422 with every field error recorded.
  Status Finish();

 private:
  const HttpRequest& req_;
  std::vector<FieldError> errors_;
};

// The next_cursor of an id-keyed page as clients send it back ("123"), or null on the last page.
std::optional<std::string> IdCursorText(const std::optional<int64_t>& next_id);

}  // namespace tianshan::http
