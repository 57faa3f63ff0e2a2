#pragma once
// The server's own request and response types: handlers never see RESTinio, which keeps them
// testable and keeps the HTTP library swappable (http/restinio_server.cc is the only adapter).

#include <cstdint>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/actor.h"
#include "core/messages.h"
#include "core/result.h"

namespace tianshan::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;      // "GET", "POST", ...
  std::string path;        // decoded path without the query
  std::string raw_query;
  std::vector<std::pair<std::string, std::string>> query;  // decoded
  HeaderList headers;      // names in lower case
  std::string body;
  // The peer's address (IPv4 in the first 4 bytes unless remote_v6); formatted only when
  // asked for, since few routes need it.
  std::array<unsigned char, 16> remote_address{};
  bool remote_v6 = false;
  std::string request_id;
  Lang lang = Lang::kZh;

  // Filled by the router and middleware.
  std::string_view route_pattern;  // "/api/v1/organizations/{id}"; owned by the router
  std::vector<std::pair<std::string, std::string>> path_params;
  std::optional<auth::Actor> actor;

  std::string_view Header(std::string_view lower_name) const;
  std::optional<std::string> Query(std::string_view name) const;
  std::string_view PathParam(std::string_view name) const;
  // Parses a positive integer path parameter; a bad one is kBadRequest naming the parameter.
  Result<int64_t> PathId(std::string_view name) const;
  std::string_view Cookie(std::string_view name) const;
  std::string RemoteIp() const;
};

// The server's end of a server-sent-events stream (text/event-stream). Send() and Comment()
// may be called from any thread; they return false once the client has gone, after which the
// stream may be dropped. Writes are queued on the connection in order.
class EventStream {
 public:
  virtual ~EventStream() = default;
  virtual bool Send(std::string_view event, std::string_view data) = 0;
  virtual bool Comment(std::string_view text) = 0;  // keep-alive; ignored by clients
  virtual bool open() const = 0;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  HeaderList headers;
  // Set for a server-sent-events answer: the server sends the status and headers (and `body`,
  // if any, as the first chunk), keeps the connection open and calls this once with the stream.
  std::function<void(std::shared_ptr<EventStream>)> on_stream;

  static HttpResponse Json(std::string body, int status = 200);
  static HttpResponse NoContent();
  HttpResponse& Header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// Maps a failed Status to an RFC 9457 problem+json response in `lang`.
HttpResponse ProblemResponse(const Status& status, Lang lang, std::string_view instance = {});
int HttpStatusFor(StatusCode code);

}  // namespace tianshan::http
