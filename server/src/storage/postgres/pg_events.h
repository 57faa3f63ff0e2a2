#pragma once
// Cross-instance events over PostgreSQL LISTEN/NOTIFY (channel "tianshan"), for server instances
// sharing one database: writes (so that caches keyed on the write generation see every
// instance's writes), logouts and session-cache clears.
//
// Two connections of their own, each on its own thread: the listener waits on its socket and
// hands each notification of another instance to `on_event`; the publisher sends what Publish()
// and NoteWrite() queued. Writes are coalesced: while one notification is on its way, any
// number of further writes become one more, so a write storm costs the database at most one
// NOTIFY per round trip, never one per transaction, and no application transaction takes
// PostgreSQL's notification lock.
//
// Delivery is asynchronous (a round trip or two, measured in the two-instance API test). A
// notification sent while another instance's listener is reconnecting is lost; the listener then
// reports "*" (assume everything changed) once it is back. Thread-safe; Stop() is idempotent and
// joins the threads.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "core/result.h"

namespace tianshan::storage {

class PgEvents {
 public:
  using Handler = std::function<void(std::string_view payload)>;
  PgEvents(std::string url, Handler on_event);
  ~PgEvents();
  PgEvents(const PgEvents&) = delete;
  PgEvents& operator=(const PgEvents&) = delete;

  // Connects both and starts listening; an error names the database when it cannot connect.
  [[nodiscard]] Status Start();
  void Stop();
  // `payload`: printable ASCII without "|", at most a few hundred bytes.
  void Publish(std::string payload);
  void NoteWrite();

  // The payload other instances receive for a write.
  static constexpr std::string_view kWrite = "w";
  // What `on_event` receives after the listener lost notifications (a reconnect).
  static constexpr std::string_view kEverything = "*";

 private:
  void Listen(void* conn);
  void PublishLoop(void* conn);
  void* Connect(std::string* error) const;

  std::string url_;
  Handler on_event_;
  std::string instance_;  // random; a process ignores its own notifications
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  bool write_pending_ = false;
  std::thread listener_;
  std::thread publisher_;
};

}  // namespace tianshan::storage
