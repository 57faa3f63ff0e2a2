#include "storage/sqlite/sqlite_connection.h"

namespace tianshan::storage::sqlite_driver {

bool IsBusy(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

Status StatusOf(int rc, std::string msg) {
  const int primary = rc & 0xff;
  if (IsBusy(rc)) return Status::Retry(std::move(msg));
  if (primary == SQLITE_CONSTRAINT) return Status::Conflict("error.conflict").WithDetail(std::move(msg));
  if (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN) {
    return Status::Unavailable("error.unavailable").WithDetail(std::move(msg));
  }
  return Status::Internal("error.internal").WithDetail(std::move(msg));
}

Status SqliteTransaction::Run(std::string_view sql, std::span<const Param> params, Rows* out) {
  auto prepared = conn_.Prepare(sql);
  if (!prepared.ok()) return prepared.status();
  sqlite3_stmt* stmt = *prepared;
  struct Resetter {
    sqlite3_stmt* s;
    ~Resetter() {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
    }
  } resetter{stmt};
  if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
    return Status::Internal("error.internal")
        .WithDetail("parameter count mismatch for: " + std::string(sql.substr(0, 80)));
  }
  for (size_t i = 0; i < params.size(); ++i) {
    int idx = static_cast<int>(i + 1);
    int rc = std::visit(
        [&](const auto& v) -> int {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::monostate>)
            return sqlite3_bind_null(stmt, idx);
          else if constexpr (std::is_same_v<V, int64_t>)
            return sqlite3_bind_int64(stmt, idx, v);
          else if constexpr (std::is_same_v<V, double>)
            return sqlite3_bind_double(stmt, idx, v);
          else
            return sqlite3_bind_text64(stmt, idx, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
        },
        params[i].value());
    if (rc != SQLITE_OK) return conn_.Error(rc, "bind");
  }
  ColumnNames names;
  while (true) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) return Status::Ok();
    if (rc != SQLITE_ROW) return conn_.Error(rc, "step");
    if (out == nullptr) continue;
    int n = sqlite3_column_count(stmt);
    if (!names) {
      auto list = std::make_shared<std::vector<std::string>>();
      list->reserve(static_cast<size_t>(n));
      for (int c = 0; c < n; ++c) {
        const char* name = sqlite3_column_name(stmt, c);
        list->emplace_back(name ? name : "");
      }
      names = std::move(list);
    }
    std::vector<Value> values;
    values.reserve(n);
    for (int c = 0; c < n; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          values.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c)));
          break;
        case SQLITE_FLOAT:
          values.emplace_back(sqlite3_column_double(stmt, c));
          break;
        case SQLITE_NULL:
          values.emplace_back(std::monostate{});
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          values.emplace_back(std::string(text ? text : "", static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
        }
      }
    }
    out->rows.emplace_back(std::move(values), names);
  }
}

}  // namespace tianshan::storage::sqlite_driver
