#include "modules/notifications/notification_repository.h"

#include <limits>

#include "core/json.h"

namespace tianshan::notifications {
namespace {

constexpr const char* kColumns = "id, account_id, kind, title_key, body_key, params, link, created_at, read_at";
constexpr const char* kOutboxColumns =
    "id, account_id, to_address, subject, body, status, attempts, last_error, next_attempt_at, created_at, sent_at";

std::string ParamsJson(const std::vector<std::pair<std::string, std::string>>& params) {
  JsonOut out;
  out.StartObject();
  for (const auto& [k, v] : params) out.Field(k, v);
  out.EndObject();
  return out.Take();
}

std::vector<std::pair<std::string, std::string>> ParseParams(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  rapidjson::Document d;
  if (d.Parse(text.c_str()).HasParseError() || !d.IsObject()) return out;
  for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
    if (it->value.IsString()) out.emplace_back(it->name.GetString(), it->value.GetString());
  }
  return out;
}

NotificationRow ReadNotification(const storage::Row& r) {
  NotificationRow n;
  n.id = r.Int("id");
  n.account_id = r.Int("account_id");
  n.kind = r.Text("kind");
  n.title_key = r.Text("title_key");
  n.body_key = r.Text("body_key");
  n.params = ParseParams(r.Text("params"));
  n.link = r.OptText("link");
  n.created_at = r.Int("created_at");
  n.read_at = r.OptInt("read_at");
  return n;
}

OutboxRow ReadOutbox(const storage::Row& r) {
  OutboxRow o;
  o.id = r.Int("id");
  o.account_id = r.Int("account_id");
  o.to_address = r.Text("to_address");
  o.subject = r.Text("subject");
  o.body = r.Text("body");
  o.status = r.Text("status");
  o.attempts = static_cast<int>(r.Int("attempts"));
  o.last_error = r.OptText("last_error");
  o.next_attempt_at = r.Int("next_attempt_at");
  o.created_at = r.Int("created_at");
  o.sent_at = r.OptInt("sent_at");
  return o;
}

}  // namespace

Result<std::optional<int64_t>> InsertNotification(storage::Transaction& tx, const NewNotification& n, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO notifications_notifications (account_id, kind, title_key, "
                                          "body_key, params, link, digest_key, created_at) VALUES (?, ?, ?, ?, ?, ?, "
                                          "?, ?) ON CONFLICT (account_id, digest_key) DO NOTHING RETURNING id",
                                          {n.account_id, n.kind, n.title_key, n.body_key, ParamsJson(n.params),
                                           n.link.empty() ? std::optional<std::string>() : n.link, n.digest_key,
                                           now}));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows[0].Int(0));
}

Result<std::vector<NotificationRow>> ListNotifications(storage::Transaction& tx, int64_t account_id, bool unread_only,
                                                       std::optional<int64_t> before_id, int limit) {
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM notifications_notifications WHERE account_id = ? AND id < ?" +
                    (unread_only ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT ?";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, {account_id, before_id.value_or(std::numeric_limits<int64_t>::max()),
                                                limit + 1}));
  std::vector<NotificationRow> out;
  for (const auto& r : rows) out.push_back(ReadNotification(r));
  return out;
}

Result<int64_t> CountUnread(storage::Transaction& tx, int64_t account_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT COUNT(*) FROM notifications_notifications WHERE account_id = ? "
                                            "AND read_at IS NULL",
                                            {account_id}));
  return row ? row->Int(0) : int64_t{0};
}

Result<bool> MarkRead(storage::Transaction& tx, int64_t account_id, int64_t id, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT read_at FROM notifications_notifications WHERE id = ? AND "
                                            "account_id = ?",
                                            {id, account_id}));
  if (!row) return false;
  TS_RETURN_IF_ERROR(tx.Execute("UPDATE notifications_notifications SET read_at = ? WHERE id = ? AND account_id = ? "
                                "AND read_at IS NULL",
                                {now, id, account_id}));
  return true;
}

Result<int64_t> MarkAllRead(storage::Transaction& tx, int64_t account_id, int64_t now) {
  return tx.Execute("UPDATE notifications_notifications SET read_at = ? WHERE account_id = ? AND read_at IS NULL",
                    {now, account_id});
}

Result<Settings> LoadSettings(storage::Transaction& tx, int64_t account_id) {
  Settings s;
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT email, lang FROM notifications_settings WHERE account_id = ?",
                                            {account_id}));
  if (row) {
    s.email = row->OptText("email");
    s.lang = row->Text("lang");
  }
  TS_ASSIGN_OR_RETURN(auto kinds, tx.Query("SELECT kind FROM notifications_email_kinds WHERE account_id = ? ORDER BY "
                                           "kind",
                                           {account_id}));
  for (const auto& r : kinds) s.email_kinds.push_back(r.Text("kind"));
  return s;
}

Status SaveSettings(storage::Transaction& tx, int64_t account_id, const Settings& s, int64_t now) {
  TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO notifications_settings (account_id, email, lang, updated_at) VALUES "
                                "(?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET email = excluded.email, lang = "
                                "excluded.lang, updated_at = excluded.updated_at",
                                {account_id, s.email, s.lang, now}));
  TS_RETURN_IF_ERROR(tx.Execute("DELETE FROM notifications_email_kinds WHERE account_id = ?", {account_id}));
  for (const auto& k : s.email_kinds) {
    TS_RETURN_IF_ERROR(
        tx.Execute("INSERT INTO notifications_email_kinds (account_id, kind) VALUES (?, ?)", {account_id, k}));
  }
  return Status::Ok();
}

Status InsertOutbox(storage::Transaction& tx, std::optional<int64_t> notification_id, int64_t account_id,
                    const std::string& to, const std::string& subject, const std::string& body, int64_t now) {
  return tx
      .Execute("INSERT INTO notifications_outbox (notification_id, account_id, to_address, subject, body, status, "
               "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
               {notification_id, account_id, to, subject, body, now, now})
      .status();
}

Result<std::vector<OutboxRow>> DueOutbox(storage::Transaction& tx, int64_t now, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kOutboxColumns +
                                              " FROM notifications_outbox WHERE status = 'pending' AND "
                                              "next_attempt_at <= ? ORDER BY id LIMIT ?",
                                          {now, limit}));
  std::vector<OutboxRow> out;
  for (const auto& r : rows) out.push_back(ReadOutbox(r));
  return out;
}

Status MarkSent(storage::Transaction& tx, int64_t id, int64_t now) {
  return tx
      .Execute("UPDATE notifications_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = "
               "NULL WHERE id = ?",
               {now, id})
      .status();
}

Status MarkSendFailed(storage::Transaction& tx, int64_t id, const std::string& error, int64_t retry_at) {
  return tx
      .Execute("UPDATE notifications_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE "
               "id = ?",
               {error, retry_at, id})
      .status();
}

Result<std::vector<OutboxRow>> ListOutbox(storage::Transaction& tx, const std::string& status,
                                          std::optional<int64_t> before_id, int limit) {
  std::string sql = std::string("SELECT ") + kOutboxColumns + " FROM notifications_outbox WHERE id < ?";
  if (!status.empty()) sql += " AND status = ?";
  sql += " ORDER BY id DESC LIMIT ?";
  const int64_t before = before_id.value_or(std::numeric_limits<int64_t>::max());
  Result<storage::Rows> rows =
      status.empty() ? tx.Query(sql, {before, limit + 1}) : tx.Query(sql, {before, status, limit + 1});
  TS_RETURN_IF_ERROR(rows.status());
  std::vector<OutboxRow> out;
  for (const auto& r : *rows) out.push_back(ReadOutbox(r));
  return out;
}

}  // namespace tianshan::notifications
