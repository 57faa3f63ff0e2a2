#include "storage/postgres/pg_connection.h"

#include <charconv>
#include <cstdlib>
#include <cstring>

#include "storage/plan_hint.h"
#include "storage/sql_text.h"

namespace tianshan::storage::pg_driver {
namespace {

// Type OIDs from pg_type.h.
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kFloat4Oid = 700, kFloat8Oid = 701,
              kNumericOid = 1700;

std::string Sqlstate(const PGresult* res) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  return state ? state : "";
}

bool Succeeded(const PGresult* res) {
  auto st = PQresultStatus(res);
  return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
}

// Parameters in libpq's text format. `owned` keeps the converted numbers alive.
struct TextParams {
  explicit TextParams(std::span<const Param> params)
      : owned(params.size()), values(params.size(), nullptr), lengths(params.size(), 0) {
    for (size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>) {
              values[i] = nullptr;
            } else if constexpr (std::is_same_v<V, int64_t>) {
              owned[i] = std::to_string(v);
              values[i] = owned[i].c_str();
            } else if constexpr (std::is_same_v<V, double>) {
              char buf[64];
              auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
              owned[i].assign(buf, end);
              values[i] = owned[i].c_str();
            } else {
              owned[i].assign(v.data(), v.size());
              values[i] = owned[i].c_str();
            }
            lengths[i] = static_cast<int>(owned[i].size());
          },
          params[i].value());
    }
  }
  int count() const { return static_cast<int>(values.size()); }
  std::vector<std::string> owned;
  std::vector<const char*> values;
  std::vector<int> lengths;
};

}  // namespace

Status PgConnection::Error(const PGresult* res, std::string_view what) const {
  std::string code = Sqlstate(res);
  const char* server_msg = res ? PQresultErrorMessage(res) : "";
  std::string msg = std::string(what) + ": " + (server_msg && *server_msg ? server_msg : PQerrorMessage(conn_));
  if (code.rfind("08", 0) == 0 || code == "57P01" || code == "57P02" || code == "57P03") lost_ = true;
  if (broken()) return Status::Retry("connection lost: " + msg);
  if (code == "40001" || code == "40P01" || code == "55P03") return Status::Retry(msg);
  if (code.rfind("23", 0) == 0) return Status::Conflict("error.conflict").WithDetail(code + " " + msg);
  return Status::Internal("error.internal").WithDetail(code + " " + msg);
}

Status PgConnection::Exec(const char* sql) {
  PgResult res(PQexec(conn_, sql));
  if (Succeeded(res.get())) return Status::Ok();
  return Error(res.get(), "exec");
}

Status PgConnection::Settle() {
  if (commit_in_flight_) {
    commit_in_flight_ = false;
    Status s;
    while (PGresult* raw = PQgetResult(conn_)) {
      PgResult res(raw);
      if (s.ok() && !Succeeded(raw)) s = Error(raw, "commit");
    }
    if (!s.ok()) return s;
    if (broken()) return Status::Retry("connection lost after a read");
  }
  if (!unprepare_.empty()) {
    std::string sql;
    for (const auto& name : unprepare_) sql += "DEALLOCATE " + name + ";";
    unprepare_.clear();
    // A statement that is gone already (a pooler dropped it) is no reason to fail: the names
    // are unique, nothing else can have taken them.
    PgResult res(PQexec(conn_, sql.c_str()));
    if (broken()) return Error(res.get(), "deallocate");
  }
  return Status::Ok();
}

void PgConnection::Begin(TxMode mode) {
  begin_sql_ = mode == TxMode::kWrite ? "BEGIN" : "BEGIN READ ONLY";
  in_transaction_ = false;
  writing_ = mode == TxMode::kWrite;
  held_.clear();
}

Status PgConnection::BeginNow() {
  if (!held_.empty()) return Pipeline(nullptr, nullptr).status();
  if (begin_sql_ == nullptr) return Status::Ok();
  const char* sql = begin_sql_;
  begin_sql_ = nullptr;
  TS_RETURN_IF_ERROR(Exec(sql));
  in_transaction_ = true;
  return Status::Ok();
}

PgConnection::Step PgConnection::MakeStep(std::string_view sql, std::span<const Param> params) {
  Step step;
  step.sql.assign(sql);
  TextParams p(params);
  step.values = std::move(p.owned);
  step.nulls.resize(params.size());
  for (size_t i = 0; i < params.size(); ++i) step.nulls[i] = p.values[i] == nullptr;
  if (unnamed_ || sql.starts_with(kPlanEachTime)) {
    // The unnamed statement: parsed and planned for these values, never kept.
    step.numbered = NumberPlaceholders(sql);
    return step;
  }
  if (const std::string* cached = statements_.Find(sql)) {
    counters_.Count(counters_.hits);
    step.name = *cached;
    return step;
  }
  // A held statement of this pipeline may prepare the same text already.
  for (const Step& h : held_) {
    if (h.sql == sql && !h.name.empty()) {
      step.name = h.name;
      return step;
    }
  }
  counters_.Count(counters_.prepares);
  step.name = "ts" + std::to_string(++next_name_);
  step.numbered = NumberPlaceholders(sql);
  return step;
}

Result<PgResult> PgConnection::Run(std::string_view sql, std::span<const Param> params) {
  if (writing_ && sql.starts_with(kNoAnswer)) {
    held_.push_back(MakeStep(sql, params));
    return PgResult();
  }
  if (begin_sql_ == nullptr && held_.empty() && !unnamed_ && !sql.starts_with(kPlanEachTime)) {
    if (const std::string* cached = statements_.Find(sql)) {
      // The common case inside a transaction: one Bind/Execute of a known statement.
      counters_.Count(counters_.hits);
      const std::string name = *cached;
      TextParams p(params);
      PgResult res(PQexecPrepared(conn_, name.c_str(), p.count(), p.values.data(), p.lengths.data(), nullptr, 0));
      if (Succeeded(res.get())) return res;
      if (ForgetIfStale(res.get(), sql)) return Status::Retry("prepared statement invalidated: " + name);
      return Error(res.get(), "query");
    }
  }
  Step step = MakeStep(sql, params);
  return Pipeline(&step, nullptr);
}

void PgConnection::Remember(std::vector<Step*>& prepared) {
  for (Step* step : prepared) {
    if (statements_.Find(step->sql) != nullptr) continue;
    if (auto evicted = statements_.Insert(step->sql, step->name)) {
      counters_.Count(counters_.evictions);
      unprepare_.push_back(std::move(*evicted));
    }
  }
  prepared.clear();
}

Result<PgResult> PgConnection::Pipeline(Step* last, const char* command) {
  std::vector<Step> held = std::move(held_);
  held_.clear();
  std::vector<Step*> steps;
  steps.reserve(held.size() + 1);
  for (Step& h : held) steps.push_back(&h);
  if (last != nullptr) steps.push_back(last);
  const char* begin = begin_sql_;
  begin_sql_ = nullptr;
  if (PQenterPipelineMode(conn_) != 1) return Error(nullptr, "pipeline");
  bool sent = true;
  size_t expected = 0;
  auto send_command = [&](const char* sql) {
    sent = sent && PQsendQueryParams(conn_, sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
    ++expected;
  };
  if (begin != nullptr) send_command(begin);
  for (Step* st : steps) {
    const int n = static_cast<int>(st->values.size());
    std::vector<const char*> values(st->values.size());
    std::vector<int> lengths(st->values.size());
    for (size_t i = 0; i < st->values.size(); ++i) {
      values[i] = st->nulls[i] ? nullptr : st->values[i].c_str();
      lengths[i] = static_cast<int>(st->values[i].size());
    }
    if (st->name.empty()) {
      sent = sent &&
             PQsendQueryParams(conn_, st->numbered.c_str(), n, nullptr, values.data(), lengths.data(), nullptr, 0) == 1;
    } else {
      if (!st->numbered.empty()) {
        sent = sent && PQsendPrepare(conn_, st->name.c_str(), st->numbered.c_str(), 0, nullptr) == 1;
        ++expected;
      }
      sent = sent && PQsendQueryPrepared(conn_, st->name.c_str(), n, values.data(), lengths.data(), nullptr, 0) == 1;
    }
    ++expected;
  }
  if (command != nullptr) send_command(command);
  sent = sent && PQpipelineSync(conn_) == 1;
  // One result per command, each followed by a null, then the sync point. After a failure the
  // server skips the rest up to the sync; each skipped command still gets a (PIPELINE_ABORTED)
  // result.
  std::vector<PgResult> results;
  bool synced = false;
  for (int nulls = 0; sent && nulls < 2;) {
    PGresult* raw = PQgetResult(conn_);
    if (raw == nullptr) {
      ++nulls;
      continue;
    }
    nulls = 0;
    if (PQresultStatus(raw) == PGRES_PIPELINE_SYNC) {
      PQclear(raw);
      synced = true;
      break;
    }
    results.emplace_back(raw);
  }
  if (!synced || results.size() != expected || PQexitPipelineMode(conn_) != 1) {
    lost_ = true;  // the protocol state is unknown: this connection is not used again
    return Error(results.empty() ? nullptr : results.back().get(), "pipeline");
  }
  size_t at = 0;
  if (begin != nullptr) {
    if (!Succeeded(results[at].get())) return Error(results[at].get(), "begin");
    in_transaction_ = true;
    ++at;
  }
  std::vector<Step*> prepared;
  PgResult answer;
  for (Step* st : steps) {
    const bool preparing = !st->name.empty() && !st->numbered.empty();
    if (preparing) {
      if (!Succeeded(results[at].get())) {
        Remember(prepared);
        return Error(results[at].get(), "prepare");
      }
      prepared.push_back(st);
      ++at;
    }
    PgResult& res = results[at++];
    if (!Succeeded(res.get())) {
      Remember(prepared);
      // Only a statement prepared before this pipeline can be stale.
      if (!preparing && !st->name.empty() && statements_.Find(st->sql) != nullptr &&
          ForgetIfStale(res.get(), st->sql)) {
        return Status::Retry("prepared statement invalidated: " + st->name);
      }
      return Error(res.get(), "query");
    }
    if (st == last) answer = std::move(res);
  }
  Remember(prepared);
  if (command != nullptr && !Succeeded(results[at].get())) return Error(results[at].get(), "commit");
  return answer;
}

bool PgConnection::ForgetIfStale(const PGresult* res, std::string_view sql) {
  const std::string code = Sqlstate(res);
  if (code == "26000") {
    // The server has no statement of that name: something (DISCARD ALL, a pooler) dropped
    // them all, so every name is forgotten and none needs releasing.
    statements_.Clear().clear();
  } else if (code == "0A000") {
    // "cached plan must not change result type": the statement is kept by the server until
    // released; released before the next transaction (this one is aborted).
    if (auto name = statements_.Erase(sql)) unprepare_.push_back(std::move(*name));
  } else {
    return false;
  }
  counters_.Count(counters_.replans);
  return true;
}

Status PgConnection::Commit() {
  if (!held_.empty()) {
    // [BEGIN,] the held statements and COMMIT in one round trip.
    auto res = Pipeline(nullptr, "COMMIT");
    const bool began = in_transaction_;
    in_transaction_ = false;
    // A held statement failed: PostgreSQL skipped the COMMIT, the transaction is still open.
    if (!res.ok() && began && !broken()) Exec("ROLLBACK").IgnoreError();
    return res.status();
  }
  begin_sql_ = nullptr;
  if (!in_transaction_) return Status::Ok();
  in_transaction_ = false;
  return Exec("COMMIT");
}

void PgConnection::CommitInBackground() {
  begin_sql_ = nullptr;
  if (!in_transaction_) return;
  in_transaction_ = false;
  // Sent and flushed now (blocking mode), so the server ends the transaction at once; the
  // answer waits in the socket for Settle().
  if (PQsendQuery(conn_, "COMMIT") == 1) {
    commit_in_flight_ = true;
  } else {
    lost_ = true;
  }
}

void PgConnection::Rollback() {
  begin_sql_ = nullptr;
  held_.clear();
  if (!in_transaction_) return;
  in_transaction_ = false;
  if (!broken()) Exec("ROLLBACK").IgnoreError();
}

Result<Rows> PgTransaction::Query(std::string_view sql, std::span<const Param> params) {
  auto res = conn_.Run(sql, params);
  if (!res.ok()) return res.status();
  PGresult* r = res->get();
  Rows out;
  if (r == nullptr) return out;  // held (storage::kNoAnswer): no rows yet
  int nrows = PQntuples(r), ncols = PQnfields(r);
  out.rows.reserve(static_cast<size_t>(nrows));
  auto list = std::make_shared<std::vector<std::string>>();
  list->reserve(static_cast<size_t>(ncols));
  for (int c = 0; c < ncols; ++c) list->emplace_back(PQfname(r, c));
  ColumnNames names = std::move(list);
  for (int i = 0; i < nrows; ++i) {
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(ncols));
    for (int c = 0; c < ncols; ++c) {
      if (PQgetisnull(r, i, c)) {
        values.emplace_back(std::monostate{});
        continue;
      }
      const char* text = PQgetvalue(r, i, c);
      int len = PQgetlength(r, i, c);
      switch (PQftype(r, c)) {
        case kInt8Oid:
        case kInt4Oid:
        case kInt2Oid: {
          int64_t v = 0;
          std::from_chars(text, text + len, v);
          values.emplace_back(v);
          break;
        }
        case kBoolOid:
          values.emplace_back(static_cast<int64_t>(text[0] == 't'));
          break;
        case kFloat4Oid:
        case kFloat8Oid:
        case kNumericOid:
          values.emplace_back(std::strtod(text, nullptr));
          break;
        default:
          values.emplace_back(std::string(text, static_cast<size_t>(len)));
      }
    }
    out.rows.emplace_back(std::move(values), names);
  }
  return out;
}

Result<int64_t> PgTransaction::Execute(std::string_view sql, std::span<const Param> params) {
  auto res = conn_.Run(sql, params);
  if (!res.ok()) return res.status();
  if (*res == nullptr) return 0;  // held (storage::kNoAnswer): not run yet
  const char* n = PQcmdTuples(res->get());
  int64_t count = 0;
  if (n && *n) std::from_chars(n, n + std::strlen(n), count);
  return count;
}

Status PgTransaction::ExecuteScript(std::string_view sql) {
  TS_RETURN_IF_ERROR(conn_.BeginNow());
  return conn_.Exec(std::string(sql).c_str());
}

void* PgTransaction::native_handle() {
  // The bulk paths send their own commands: the transaction must have begun. A failed BEGIN
  // fails their first command, which they report.
  conn_.BeginNow().IgnoreError();
  return conn_.conn();
}

}  // namespace tianshan::storage::pg_driver
