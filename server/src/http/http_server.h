#pragma once
// The HTTP listener on RESTinio. Owns the I/O thread pool; requests are converted to
// HttpRequest and handed to HttpApp. Responses may be sent from any thread.
//
// Start() binds (port 0 picks a free port; port() tells which) and returns once listening, or
// an error naming the address. Stop() closes the listener and waits for the threads.

#include <chrono>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/abuse_limits.h"
#include "http/http_app.h"

namespace tianshan::http {

struct ListenOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  size_t io_threads = 4;
  // Open connections per client address beyond which new ones are closed at once (0: no
  // limit). Trusted proxies are exempt: they carry many clients (limit those in the proxy).
  size_t max_connections_per_ip = 64;
  TrustedProxies trusted_proxies;
  // A request's line and headers and body must arrive within read_timeout of the connection
  // starting to wait for it (a slowloris client trickling bytes is cut off then); a request
  // being handled is cut off after handle_timeout.
  std::chrono::milliseconds read_timeout{60'000};
  std::chrono::milliseconds handle_timeout{60'000};
  // RESTinio closes the connection of a request exceeding these (no response is sent).
  size_t max_url_bytes = 8192;
  size_t max_header_name_bytes = 256;
  size_t max_header_value_bytes = 8192;
  size_t max_header_count = 100;
};

class HttpServer {
 public:
  explicit HttpServer(const HttpApp& app);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  [[nodiscard]] Status Start(const ListenOptions& options);
  void Stop();
  // Blocks until Stop() is called from another thread or a signal handler.
  void Wait();
  uint16_t port() const { return port_; }
  // Connections refused by the per-address limit since the start.
  uint64_t refused_connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  uint16_t port_ = 0;
};

}  // namespace tianshan::http
