#pragma once
// One libpq connection of the PostgreSQL driver and the transaction that runs on it (used by
// postgres_database.cc only).
//
// Round trips are what a request on PostgreSQL waits for, so a transaction spends as few as it
// can:
//  - BEGIN is not sent by itself: it goes out in one pipeline (libpq pipeline mode) with the
//    transaction's first statement; a transaction that runs no statement sends nothing at all.
//  - A statement this connection has not prepared is prepared in the same pipeline as its first
//    execution; later executions reuse it by name (PostgreSQL keeps its parse tree, and its plan
//    once it chooses a generic one). The names live in a bounded StatementCache per connection:
//    a reconnect is a new PgConnection and starts empty.
//  - A read-only transaction's COMMIT is sent without waiting for its answer
//    (CommitInBackground); the connection reads that answer (Settle) before it is used again.
//    Nothing a read returned depends on that COMMIT.
// So a read of one statement costs one round trip (it cost three: BEGIN, the statement, COMMIT,
// and a fourth the first time the statement was prepared).
//
// A schema change can make a prepared statement unusable ("cached plan must not change result
// type": a table behind `SELECT *` gained a column), and a connection pooler may drop prepared
// statements (26000). A statement prepared before this transaction that fails so is forgotten and
// the failure is kRetry: Database::Run runs the transaction again, which prepares it afresh; the
// caller never sees the error.
//
// A statement starting with storage::kPlanEachTime (storage/plan_hint.h) is not prepared: it runs
// as the unnamed statement, planned for its values each time.
//
// A statement starting with storage::kNoAnswer in a write transaction is held (its parameters
// copied) and sent in the pipeline of the transaction's next statement or of its COMMIT:
// [BEGIN,] the held statements, then that statement or COMMIT, one Sync, one round trip. When a
// held statement fails, PostgreSQL skips the rest of the pipeline; the statement that carried it
// (or the COMMIT) fails with the held statement's error and the transaction is rolled back.
//
// Thread safety: used by one thread at a time (the pool hands a connection to one lease).

#include <libpq-fe.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"
#include "storage/statement_cache.h"

namespace tianshan::storage::pg_driver {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

class PgConnection {
 public:
  // `counters` belongs to the database and outlives its connections. `unnamed`: every query as
  // the unnamed statement, nothing prepared (DatabaseOptions::pg_unnamed_statements).
  PgConnection(PGconn* conn, size_t statement_capacity, bool unnamed, StatementCounters& counters)
      : conn_(conn), unnamed_(unnamed), statements_(statement_capacity), counters_(counters) {}
  ~PgConnection() { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  PGconn* conn() const { return conn_; }
  // The connection is unusable: libpq saw it close, or the server ended the session (class 08
  // connection exceptions, 57P01-57P03 shutdown or restart).
  bool broken() const { return lost_ || PQstatus(conn_) != CONNECTION_OK; }

  // Before each transaction: reads the answer of a COMMIT sent in the background and releases
  // statements that left the cache. A failure here means the connection is broken.
  [[nodiscard]] Status Settle();
  // Starts a transaction; nothing is sent until its first statement (or BeginNow).
  void Begin(TxMode mode);
  // Sends a pending BEGIN by itself: before a script or the driver handle is used.
  [[nodiscard]] Status BeginNow();
  // Runs one statement of the current transaction (see the file comment).
  [[nodiscard]] Result<PgResult> Run(std::string_view sql, std::span<const Param> params);
  // Ends the transaction and waits for the COMMIT; nothing to do when nothing was sent.
  [[nodiscard]] Status Commit();
  // Ends a read-only transaction without waiting (see the file comment).
  void CommitInBackground();
  void Rollback();

  // Runs a parameterless command string (several statements allowed), waiting for it.
  [[nodiscard]] Status Exec(const char* sql);
  [[nodiscard]] Status Error(const PGresult* res, std::string_view what) const;

 private:
  // A statement ready to send, its parameters in libpq's text form (owned).
  struct Step {
    std::string sql;       // the text as the caller gave it (the statement cache's key)
    std::string name;      // the prepared statement's name; empty: the unnamed statement
    std::string numbered;  // the text with $n placeholders, when it is to be prepared (or unnamed)
    std::vector<std::string> values;
    std::vector<char> nulls;
  };
  Step MakeStep(std::string_view sql, std::span<const Param> params);
  // One round trip: [BEGIN,] the held statements, then `last` (a statement; may be null) and
  // `command` (COMMIT; may be null), Sync. Returns the answer of `last` (null when there is none);
  // the first failure among them otherwise.
  Result<PgResult> Pipeline(Step* last, const char* command);
  // Marks the statements the pipeline prepared as cached.
  void Remember(std::vector<Step*>& prepared);
  // `res` is the failure of a statement prepared before: when it says the statement is stale,
  // forgets it (see the file comment) and returns true.
  bool ForgetIfStale(const PGresult* res, std::string_view sql);

  PGconn* conn_;
  mutable bool lost_ = false;
  const char* begin_sql_ = nullptr;  // a BEGIN waiting for the first statement
  const bool unnamed_;               // every query as the unnamed statement
  bool in_transaction_ = false;      // a BEGIN reached the server
  bool commit_in_flight_ = false;    // CommitInBackground sent a COMMIT not yet read
  bool writing_ = false;             // the transaction began as a write
  std::vector<Step> held_;           // storage::kNoAnswer statements not sent yet
  StatementCache<std::string> statements_;
  std::vector<std::string> unprepare_;  // statements to DEALLOCATE before the next transaction
  uint64_t next_name_ = 0;
  StatementCounters& counters_;
};

class PgTransaction final : public Transaction {
 public:
  explicit PgTransaction(PgConnection& conn) : conn_(conn) {}
  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<Rows> Query(std::string_view sql, std::span<const Param> params) override;
  Result<int64_t> Execute(std::string_view sql, std::span<const Param> params) override;
  Status ExecuteScript(std::string_view sql) override;
  void* native_handle() override;

 private:
  PgConnection& conn_;
};

}  // namespace tianshan::storage::pg_driver
