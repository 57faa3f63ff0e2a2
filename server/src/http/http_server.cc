#include "http/http_server.h"

#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <restinio/all.hpp>
#include <vector>

#include "http/url.h"

namespace tianshan::http {
namespace {

IpAddress AddressOf(const asio::ip::address& address) {
  IpAddress a;
  a.v6 = address.is_v6();
  if (a.v6) {
    a.bytes = address.to_v6().to_bytes();
  } else {
    auto v4 = address.to_v4().to_bytes();
    std::copy(v4.begin(), v4.end(), a.bytes.begin());
  }
  return a;
}

// The per-address connection limit: the state listener counts open connections by address,
// the IP blocker refuses a new one from an address at its limit. (The count follows the
// accept notice, so a burst of simultaneous connects may pass the limit by a few.)
class ConnectionLimit {
 public:
  ConnectionLimit(size_t max_per_ip, TrustedProxies exempt) : max_(max_per_ip), exempt_(std::move(exempt)) {}

  restinio::ip_blocker::inspection_result_t inspect(const restinio::ip_blocker::incoming_info_t& info) noexcept {
    if (max_ == 0) return restinio::ip_blocker::allow();
    const auto address = info.remote_endpoint().address();
    if (exempt_.Contains(AddressOf(address))) return restinio::ip_blocker::allow();
    std::lock_guard lock(mutex_);
    auto it = open_.find(address);
    if (it != open_.end() && it->second >= max_) {
      ++refused_;
      return restinio::ip_blocker::deny();
    }
    return restinio::ip_blocker::allow();
  }

  void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
    const auto address = notice.remote_endpoint().address();
    std::lock_guard lock(mutex_);
    if (restinio::holds_alternative<restinio::connection_state::accepted_t>(notice.cause())) {
      ++open_[address];
    } else if (restinio::holds_alternative<restinio::connection_state::closed_t>(notice.cause())) {
      auto it = open_.find(address);
      if (it != open_.end() && --it->second == 0) open_.erase(it);
    }
  }

  uint64_t refused() const {
    std::lock_guard lock(mutex_);
    return refused_;
  }

 private:
  const size_t max_;
  const TrustedProxies exempt_;
  mutable std::mutex mutex_;
  std::map<asio::ip::address, size_t> open_;
  uint64_t refused_ = 0;
};

struct Traits : public restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t> {
  using ip_blocker_t = ConnectionLimit;
  using connection_state_listener_t = ConnectionLimit;
};
using Server = restinio::http_server_t<Traits>;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "OK";
  }
}

// True while an I/O thread runs the pipeline synchronously. Responses produced elsewhere (the
// password hashing pool) are posted back to an I/O thread, so RESTinio objects are only ever
// touched by its own threads.
thread_local bool t_on_io_thread = false;

// An open text/event-stream answer: chunks are appended and flushed on a strand of the
// server's io_context, so RESTinio's response builder is only touched by its own threads, one
// write at a time and in order.
class RestinioEventStream final : public EventStream, public std::enable_shared_from_this<RestinioEventStream> {
 public:
  using Builder = restinio::response_builder_t<restinio::chunked_output_t>;
  RestinioEventStream(Builder builder, asio::io_context& io)
      : builder_(std::move(builder)), strand_(asio::make_strand(io)) {}

  bool Send(std::string_view event, std::string_view data) override {
    std::string chunk;
    if (!event.empty()) chunk.append("event: ").append(event).append("\n");
    // A data field per line, as the format requires.
    size_t start = 0;
    while (true) {
      size_t nl = data.find('\n', start);
      chunk.append("data: ").append(data.substr(start, nl == std::string_view::npos ? nl : nl - start)).append("\n");
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
    chunk.append("\n");
    return Write(std::move(chunk));
  }
  bool Comment(std::string_view text) override { return Write(": " + std::string(text) + "\n\n"); }
  bool open() const override { return open_.load(); }

  // Sends the headers (already set on the builder) and `first` as the first chunk.
  void Begin(std::string first) {
    std::lock_guard lock(mutex_);
    if (!strand_) return;
    auto self = shared_from_this();
    asio::post(*strand_, [self, first = std::move(first)]() mutable {
      if (!first.empty()) self->builder_->append_chunk(std::move(first));
      self->Flush();
    });
  }

  // Called by the server once its I/O threads have stopped and before its io_context goes: the
  // connection and the strand belong to that io_context, so they are released now, while it
  // still exists, not whenever the last holder of the stream (a subscriber living longer than
  // the server) drops it. Later writes answer false.
  void Detach() {
    std::lock_guard lock(mutex_);
    open_.store(false);
    builder_.reset();
    strand_.reset();
  }

 private:
  bool Write(std::string chunk) {
    std::lock_guard lock(mutex_);
    if (!open_.load() || !strand_) return false;
    auto self = shared_from_this();
    asio::post(*strand_, [self, chunk = std::move(chunk)]() mutable {
      if (!self->open_.load()) return;
      self->builder_->append_chunk(std::move(chunk));
      self->Flush();
    });
    return true;
  }
  void Flush() {
    auto self = shared_from_this();
    builder_->flush([self](const asio::error_code& ec) {
      if (ec) self->open_.store(false);
    });
  }

  std::mutex mutex_;  // guards posting against Detach()
  // Touched only through strand_ (one write at a time, in order) until Detach() resets both.
  std::optional<Builder> builder_;
  std::optional<asio::strand<asio::io_context::executor_type>> strand_;
  std::atomic<bool> open_{true};
};

}  // namespace

struct HttpServer::Impl {
  explicit Impl(const HttpApp& a) : app(a) {}
  const HttpApp& app;
  std::unique_ptr<Server> server;
  asio::io_context* io = nullptr;  // the server's, set before it starts
  std::unique_ptr<restinio::on_pool_runner_t<Server>> runner;
  std::promise<void> stopped;
  std::atomic<bool> stopping{false};
  std::shared_ptr<ConnectionLimit> connections;
  std::mutex streams_mutex;
  std::vector<std::weak_ptr<RestinioEventStream>> streams;  // detached in Stop()

  void Track(const std::shared_ptr<RestinioEventStream>& stream) {
    std::lock_guard lock(streams_mutex);
    std::erase_if(streams, [](const auto& w) { return w.expired(); });
    streams.push_back(stream);
  }
};

HttpServer::HttpServer(const HttpApp& app) : impl_(std::make_unique<Impl>(app)) {}
HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Start(const ListenOptions& options) {
  const HttpApp& app = impl_->app;
  std::atomic<uint16_t> bound_port{0};
  Impl* impl = impl_.get();
  auto handler = [&app, impl](restinio::request_handle_t rh) -> restinio::request_handling_status_t {
    auto req = std::make_shared<HttpRequest>();
    const auto& h = rh->header();
    req->method = h.method().c_str();
    auto path = PercentDecode(h.path(), false);
    auto query = ParseQueryString(h.query());
    req->headers.reserve(h.fields_count());
    h.for_each_field([&](const restinio::http_header_field_t& f) {
      req->headers.emplace_back(Lower(f.name()), std::string(f.value()));
    });
    req->body = rh->body();
    const auto address = rh->remote_endpoint().address();
    req->remote_v6 = address.is_v6();
    if (req->remote_v6) {
      req->remote_address = address.to_v6().to_bytes();
    } else {
      auto v4 = address.to_v4().to_bytes();
      std::copy(v4.begin(), v4.end(), req->remote_address.begin());
    }
    asio::io_context* ioc = impl->io;
    auto respond = [rh, ioc, impl](HttpResponse resp) {
      if (resp.on_stream && ioc != nullptr) {
        auto r = rh->create_response<restinio::chunked_output_t>(
            restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
                                         std::string(ReasonPhrase(resp.status))});
        r.append_header(restinio::http_field::content_type, resp.content_type);
        for (auto& [k, v] : resp.headers) r.append_header(std::move(k), std::move(v));
        auto stream = std::make_shared<RestinioEventStream>(std::move(r), *ioc);
        impl->Track(stream);
        stream->Begin(std::move(resp.body));
        resp.on_stream(stream);
        return;
      }
      auto r = rh->create_response(
          restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
                                       std::string(ReasonPhrase(resp.status))});
      if (!resp.content_type.empty()) r.append_header(restinio::http_field::content_type, resp.content_type);
      for (auto& [k, v] : resp.headers) r.append_header(std::move(k), std::move(v));
      if (rh->header().method() != restinio::http_method_head()) r.set_body(std::move(resp.body));
      r.done();
    };
    auto send = [respond, ioc](HttpResponse resp) {
      if (t_on_io_thread || ioc == nullptr) {
        respond(std::move(resp));
      } else {
        asio::post(*ioc, [respond, resp = std::move(resp)]() mutable { respond(std::move(resp)); });
      }
    };
    if (!path || !query) {
      req->path = path.value_or("/");
      req->lang = ParseAcceptLanguage(req->Header("accept-language"));
      HttpResponse bad = ProblemResponse(
          Status(StatusCode::kBadRequest, "error.bad_request").WithField(path ? "query" : "path", "json.invalid_utf8"),
          req->lang, req->path);
      send(std::move(bad));
      return restinio::request_accepted();
    }
    req->path = std::move(*path);
    req->raw_query = std::string(h.query());
    req->query = std::move(*query);
    t_on_io_thread = true;
    app.Handle(std::move(req), std::move(send));
    t_on_io_thread = false;
    return restinio::request_accepted();
  };

  // Bodies up to 64 MiB (or 16x the API limit) reach the pipeline, which answers 413 with a
  // problem when a route's limit is smaller; larger ones are cut off by RESTinio.
  auto limits = restinio::incoming_http_msg_limits_t{}
                    .max_body_size(std::max<std::uint64_t>(64ull << 20, app.options().max_body_bytes * 16 + 4096))
                    .max_url_size(options.max_url_bytes)
                    .max_field_name_size(options.max_header_name_bytes)
                    .max_field_value_size(options.max_header_value_bytes)
                    .max_field_count(options.max_header_count);
  impl_->connections = std::make_shared<ConnectionLimit>(options.max_connections_per_ip, options.trusted_proxies);
  try {
    impl_->server = std::make_unique<Server>(restinio::own_io_context(), [&](auto& settings) {
      settings.address(options.address)
          .port(options.port)
          .request_handler(handler)
          .incoming_http_msg_limits(limits)
          .max_pipelined_requests(16)
          .read_next_http_message_timelimit(options.read_timeout)
          .handle_request_timeout(options.handle_timeout)
          .ip_blocker(impl_->connections)
          .connection_state_listener(impl_->connections)
          .timer_manager(std::clamp<std::chrono::milliseconds>(options.read_timeout / 4, std::chrono::milliseconds(50),
                                                               std::chrono::seconds(1)))
          .acceptor_post_bind_hook(
              [&bound_port](asio::ip::tcp::acceptor& acceptor) { bound_port = acceptor.local_endpoint().port(); });
    });
    impl_->io = &impl_->server->io_context();
    impl_->runner = std::make_unique<restinio::on_pool_runner_t<Server>>(options.io_threads, *impl_->server);
    std::promise<std::string> started;
    auto fut = started.get_future();
    impl_->runner->start([&started]() noexcept { started.set_value(""); },
                         [&started](std::exception_ptr ex) noexcept {
                           try {
                             std::rethrow_exception(ex);
                           } catch (const std::exception& e) {
                             started.set_value(e.what());
                           } catch (...) {
                             started.set_value("unknown error");
                           }
                         });
    std::string error = fut.get();
    if (!error.empty()) {
      impl_->runner->stop();
      impl_->runner->wait();
      impl_->runner.reset();
      return Status::Unavailable("error.unavailable")
          .WithDetail("cannot listen on " + options.address + ":" + std::to_string(options.port) + ": " + error);
    }
  } catch (const std::exception& e) {
    return Status::Unavailable("error.unavailable")
        .WithDetail("cannot listen on " + options.address + ":" + std::to_string(options.port) + ": " + e.what());
  }
  port_ = bound_port.load();
  return Status::Ok();
}

uint64_t HttpServer::refused_connections() const { return impl_->connections ? impl_->connections->refused() : 0; }

void HttpServer::Stop() {
  if (!impl_->runner || impl_->stopping.exchange(true)) return;
  impl_->runner->stop();
  impl_->runner->wait();
  {
    std::lock_guard lock(impl_->streams_mutex);
    for (auto& w : impl_->streams) {
      if (auto stream = w.lock()) stream->Detach();
    }
    impl_->streams.clear();
  }
  impl_->stopped.set_value();
}

void HttpServer::Wait() {
  if (!impl_->runner) return;
  impl_->stopped.get_future().wait();
}

}  // namespace tianshan::http
