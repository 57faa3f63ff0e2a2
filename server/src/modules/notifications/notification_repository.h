#pragma once
// SQL of the notifications module (bound parameters only), inside the caller's transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::notifications {

struct NotificationRow {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string kind;
  std::string title_key;
  std::string body_key;
  std::vector<std::pair<std::string, std::string>> params;
  std::optional<std::string> link;
  int64_t created_at = 0;
  std::optional<int64_t> read_at;
};

struct NewNotification {
  int64_t account_id = 0;
  std::string kind, title_key, body_key;
  std::vector<std::pair<std::string, std::string>> params;
  std::string link;
  std::optional<std::string> digest_key;
};

// The new row's id, or nullopt when the account already has this digest key.
Result<std::optional<int64_t>> InsertNotification(storage::Transaction& tx, const NewNotification& n, int64_t now);
// Newest first, `limit` + 1 rows when there are more.
Result<std::vector<NotificationRow>> ListNotifications(storage::Transaction& tx, int64_t account_id, bool unread_only,
                                                       std::optional<int64_t> before_id, int limit);
Result<int64_t> CountUnread(storage::Transaction& tx, int64_t account_id);
// False when the notification is not the account's (or does not exist).
Result<bool> MarkRead(storage::Transaction& tx, int64_t account_id, int64_t id, int64_t now);
Result<int64_t> MarkAllRead(storage::Transaction& tx, int64_t account_id, int64_t now);

struct Settings {
  std::optional<std::string> email;
  std::string lang = "zh-CN";
  std::vector<std::string> email_kinds;
};
Result<Settings> LoadSettings(storage::Transaction& tx, int64_t account_id);
Status SaveSettings(storage::Transaction& tx, int64_t account_id, const Settings& s, int64_t now);

struct OutboxRow {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string to_address, subject, body, status;
  int attempts = 0;
  std::optional<std::string> last_error;
  int64_t next_attempt_at = 0;
  int64_t created_at = 0;
  std::optional<int64_t> sent_at;
};
Status InsertOutbox(storage::Transaction& tx, std::optional<int64_t> notification_id, int64_t account_id,
                    const std::string& to, const std::string& subject, const std::string& body, int64_t now);
Result<std::vector<OutboxRow>> DueOutbox(storage::Transaction& tx, int64_t now, int limit);
Status MarkSent(storage::Transaction& tx, int64_t id, int64_t now);
Status MarkSendFailed(storage::Transaction& tx, int64_t id, const std::string& error, int64_t retry_at);
// Newest first; `status` empty for all.
Result<std::vector<OutboxRow>> ListOutbox(storage::Transaction& tx, const std::string& status,
                                          std::optional<int64_t> before_id, int limit);

}  // namespace tianshan::notifications
