#pragma once
// The HTTP listener on RESTinio. Owns the I/O thread pool; requests are converted to
// HttpRequest and handed to HttpApp. Responses may be sent from any thread.
//
// Start() binds (port 0 picks a free port; port() tells which) and returns once listening, or
// an error naming the address. Stop() closes the listener and waits for the threads.

#include <memory>
#include <string>

#include "core/result.h"
#include "http/http_app.h"

namespace tianshan::http {

struct ListenOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  size_t io_threads = 4;
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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  uint16_t port_ = 0;
};

}  // namespace tianshan::http
