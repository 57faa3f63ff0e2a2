#pragma once
// Live unread counts for open pages (server-sent events), on this instance.
//
// A page opens GET /notifications/stream; the handler subscribes the stream for its account.
// Notify() calls Changed() after its transaction commits; a background thread then reads the
// unread count of each changed account that has open streams and sends it
// (`event: unread`, `data: {"unread": N}`), normally well under a second after the commit.
// Every 20 s each stream gets a keep-alive comment, which also finds closed ones. Pages on
// other instances learn of changes by polling GET /notifications/unread-count (the web app
// falls back to that whenever its stream is down).
//
// Thread-safe. The thread starts with the first subscriber, so commands that never serve
// streams never start it; the destructor stops and joins it.

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "http/http_types.h"
#include "storage/database.h"

namespace tianshan::notifications {

class LiveUpdates {
 public:
  explicit LiveUpdates(storage::Database& db) : db_(db) {}
  ~LiveUpdates();
  LiveUpdates(const LiveUpdates&) = delete;
  LiveUpdates& operator=(const LiveUpdates&) = delete;

  // Sends the account's current count at once, then every change.
  void Subscribe(int64_t account_id, std::shared_ptr<http::EventStream> stream);
  void Changed(const std::vector<int64_t>& accounts);
  size_t open_streams() const;

 private:
  void Loop();
  void SendCounts(const std::set<int64_t>& accounts);
  void Heartbeat();

  storage::Database& db_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::multimap<int64_t, std::shared_ptr<http::EventStream>> streams_;
  std::set<int64_t> changed_;
  std::thread thread_;
  bool stopping_ = false;
};

}  // namespace tianshan::notifications
