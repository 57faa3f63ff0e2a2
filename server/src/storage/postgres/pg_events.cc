#include "storage/postgres/pg_events.h"

#include <libpq-fe.h>
#include <poll.h>

#include <chrono>
#include <vector>

#include "core/crypto.h"

namespace tianshan::storage {
namespace {

constexpr const char* kChannel = "tianshan";

PGconn* AsConn(void* p) { return static_cast<PGconn*>(p); }

void IgnoreListenNotice(void*, const char*) {}

}  // namespace

PgEvents::PgEvents(std::string url, Handler on_event)
    : url_(std::move(url)), on_event_(std::move(on_event)), instance_(RandomToken(8)) {}

PgEvents::~PgEvents() { Stop(); }

void* PgEvents::Connect(std::string* error) const {
  PGconn* conn = PQconnectdb(url_.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    if (error != nullptr) *error = PQerrorMessage(conn);
    PQfinish(conn);
    return nullptr;
  }
  PQsetNoticeProcessor(conn, IgnoreListenNotice, nullptr);
  return conn;
}

Status PgEvents::Start() {
  std::string error;
  void* listen = Connect(&error);
  if (listen == nullptr) return Status::Unavailable("error.unavailable").WithDetail("LISTEN connection: " + error);
  PGresult* r = PQexec(AsConn(listen), (std::string("LISTEN ") + kChannel).c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) {
    error = PQerrorMessage(AsConn(listen));
    PQfinish(AsConn(listen));
    return Status::Unavailable("error.unavailable").WithDetail("LISTEN: " + error);
  }
  void* publish = Connect(&error);
  if (publish == nullptr) {
    PQfinish(AsConn(listen));
    return Status::Unavailable("error.unavailable").WithDetail("NOTIFY connection: " + error);
  }
  listener_ = std::thread([this, listen] { Listen(listen); });
  publisher_ = std::thread([this, publish] { PublishLoop(publish); });
  return Status::Ok();
}

void PgEvents::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_.exchange(true)) return;
  }
  cv_.notify_all();
  if (listener_.joinable()) listener_.join();
  if (publisher_.joinable()) publisher_.join();
}

void PgEvents::Publish(std::string payload) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_.load()) return;
    queue_.push_back(std::move(payload));
  }
  cv_.notify_one();
}

void PgEvents::NoteWrite() {
  {
    std::lock_guard lock(mutex_);
    if (write_pending_ || stopping_.load()) return;
    write_pending_ = true;
  }
  cv_.notify_one();
}

void PgEvents::PublishLoop(void* conn) {
  while (true) {
    std::vector<std::string> batch;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return stopping_.load() || write_pending_ || !queue_.empty(); });
      if (stopping_.load()) break;
      if (write_pending_) batch.emplace_back(kWrite);
      write_pending_ = false;
      for (auto& p : queue_) batch.push_back(std::move(p));
      queue_.clear();
    }
    std::string sql;
    for (const auto& payload : batch) {
      const std::string text = instance_ + "|" + payload;
      char* literal = PQescapeLiteral(AsConn(conn), text.data(), text.size());
      if (literal == nullptr) continue;
      sql.append("NOTIFY ").append(kChannel).append(", ").append(literal).append(";");
      PQfreemem(literal);
    }
    if (sql.empty()) continue;
    // One attempt and one reconnect: a notification that still cannot be sent is dropped (the
    // others' caches expire on their own within their time limits).
    for (int attempt = 0; attempt < 2; ++attempt) {
      PGresult* r = PQexec(AsConn(conn), sql.c_str());
      const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
      PQclear(r);
      if (ok || PQstatus(AsConn(conn)) == CONNECTION_OK) break;
      PQreset(AsConn(conn));
    }
  }
  PQfinish(AsConn(conn));
}

void PgEvents::Listen(void* conn) {
  bool lost = false;
  while (!stopping_.load()) {
    if (PQstatus(AsConn(conn)) != CONNECTION_OK) {
      lost = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      PQreset(AsConn(conn));
      if (PQstatus(AsConn(conn)) != CONNECTION_OK) continue;
      PGresult* r = PQexec(AsConn(conn), (std::string("LISTEN ") + kChannel).c_str());
      PQclear(r);
      continue;
    }
    if (lost) {
      lost = false;
      on_event_(kEverything);
    }
    pollfd fd{PQsocket(AsConn(conn)), POLLIN, 0};
    // Wakes at least every 100 ms to notice Stop().
    if (poll(&fd, 1, 100) <= 0) continue;
    if (PQconsumeInput(AsConn(conn)) == 0) continue;  // the status check above reconnects
    while (PGnotify* n = PQnotifies(AsConn(conn))) {
      std::string_view text(n->extra);
      const auto bar = text.find('|');
      if (bar != std::string_view::npos && text.substr(0, bar) != instance_) on_event_(text.substr(bar + 1));
      PQfreemem(n);
    }
  }
  PQfinish(AsConn(conn));
}

}  // namespace tianshan::storage
