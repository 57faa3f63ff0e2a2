#include "audit/audit_log.h"

#include "storage/plan_hint.h"
#include "storage/sql_text.h"

namespace tianshan::audit {

Status AuditLog::Record(storage::Transaction& tx, AuditEntry e) const {
  if (e.at == 0) e.at = clock_.NowMillis();
  auto opt = [](const std::string& s) -> storage::Param { return s.empty() ? storage::Param() : storage::Param(s); };
  // Nothing waits for the entry: on PostgreSQL it travels with the transaction's next statement
  // or its COMMIT, and its failure fails the transaction (storage/plan_hint.h).
  static const std::string kInsert =
      std::string(storage::kNoAnswer) +
      "INSERT INTO audit_entries (at, actor_account_id, action, entity_type, entity_id, organization_path, "
      "before_json, after_json, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  return tx
      .Execute(kInsert, {e.at, e.actor_account_id, e.action, e.entity_type, e.entity_id, opt(e.organization_path),
                         opt(e.before_json), opt(e.after_json), opt(e.request_id)})
      .status();
}

Status AuditLog::Record(storage::Transaction& tx, const auth::Caller& caller, AuditChange change) const {
  AuditEntry e;
  e.actor_account_id = caller.actor.account_id;
  e.action = std::move(change.action);
  e.entity_type = std::move(change.entity_type);
  e.entity_id = std::to_string(change.entity_id);
  e.organization_path = std::move(change.organization_path);
  e.before_json = std::move(change.before_json);
  e.after_json = std::move(change.after_json);
  e.request_id = caller.request_id;
  return Record(tx, std::move(e));
}

Result<AuditPage> AuditLog::ListSubtree(storage::Transaction& tx, const std::string& path_prefix,
                                        std::optional<int64_t> before_id, int limit, const AuditFilter& filter) const {
  std::string upper = storage::PrefixUpperBound(path_prefix);
  auto rows = tx.Query(
      "SELECT id, at, actor_account_id, action, entity_type, entity_id, organization_path, before_json, after_json, "
      "request_id FROM audit_entries WHERE organization_path >= ? AND organization_path < ? AND id < ? "
      "AND (CAST(? AS TEXT) IS NULL OR entity_type = ?) AND (CAST(? AS TEXT) IS NULL OR action = ?) "
      "AND (CAST(? AS BIGINT) IS NULL OR actor_account_id = ?) AND at >= ? AND at < ? ORDER BY id DESC LIMIT ?",
      {path_prefix, upper, before_id.value_or(INT64_MAX), filter.entity_type, filter.entity_type, filter.action,
       filter.action, filter.actor_account_id, filter.actor_account_id, filter.since.value_or(INT64_MIN),
       filter.until.value_or(INT64_MAX), limit + 1});
  if (!rows.ok()) return rows.status();
  AuditPage page;
  for (const auto& r : *rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next_cursor = page.items.back().id;
      break;
    }
    page.items.push_back(
        {r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8), r.Text(9)});
  }
  return page;
}

}  // namespace tianshan::audit
