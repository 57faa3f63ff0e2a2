#pragma once
// Group commit of SQLite write transactions.
//
// SQLite has one writer. Each write transaction used to be BEGIN IMMEDIATE … COMMIT of its own,
// and the pages it touched (the shift row, counters, index pages, about ten) were written to the
// WAL once per transaction. Here, write transactions that arrive while the writer is busy wait
// in a queue; the first of them becomes the leader and runs, on its own thread and on the one
// writer connection, one SQLite transaction in which each waiting member runs in turn:
//
//   BEGIN IMMEDIATE
//     member 1                                  (failed: ROLLBACK, and the group ends there)
//     SAVEPOINT m; member 2; RELEASE m          (failed: ROLLBACK TO m; RELEASE m)
//     SAVEPOINT m; member 3; RELEASE m
//     … (members arriving meanwhile join, up to max_members and the window)
//   COMMIT
//
// Contract for a member (a function given to Database::Write):
// - It returns only after the shared COMMIT succeeded, or with an error; an acknowledged write
//   is therefore as durable as before (WAL, synchronous=NORMAL: a process crash loses nothing).
// - A member that fails (returns an error or throws) rolls back only its own work; the others
//   commit. A thrown exception is rethrown on the member's own thread.
// - A member sees the work of the members before it (they ran first: a serial order).
// - If the COMMIT fails, every member that had succeeded gets that error and nothing is
//   committed. If SQLite ends the transaction by itself inside a member (some I/O and
//   out-of-memory errors do), that member gets its error and the members before it get kRetry:
//   Database::Run runs them again.
// - AfterCommit callbacks run on the member's own thread after the shared COMMIT (Database::Run).
// - Deferred constraints (DEFERRABLE INITIALLY DEFERRED) are checked at COMMIT, so one member's
//   violation would fail its whole group: tables used with group commit must not have them
//   (none do).
// - The member's function runs on the leader's thread: it must not depend on thread-local state
//   of the calling thread (none of the use cases does; they get everything through arguments).
//
// Thread safety: Run() is called from any number of threads.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

#include "storage/database_options.h"
#include "storage/sqlite/sqlite_connection.h"

namespace tianshan::storage::sqlite_driver {

class GroupCommitter {
 public:
  using Opener = std::function<Result<std::unique_ptr<SqliteConnection>>()>;
  // `open` makes the writer connection (once, when the first group begins).
  GroupCommitter(GroupCommitOptions options, Opener open);

  // Runs `fn` as one member of a shared write transaction (see the file comment). Unavailable
  // ("error.overloaded") at once when queue_limit writes are already waiting.
  [[nodiscard]] Status Run(const std::function<Status(Transaction&)>& fn);

  GroupCommitStats stats() const;

 private:
  struct Member;
  // Runs one group; called by the leader with `lock` held, returns with it held.
  void Lead(std::unique_lock<std::mutex>& lock);
  // Runs one member (the first without a savepoint, the others inside one). False when the
  // shared transaction must end: it is gone, or the first member failed.
  bool RunMember(Member& member, bool first);
  Status Begin();

  GroupCommitOptions options_;
  Opener open_;
  std::unique_ptr<SqliteConnection> writer_;  // used by the leader only

  mutable std::mutex mu_;
  std::condition_variable arrived_;  // a member joined the queue (for a leader inside its window)
  std::deque<Member*> queue_;        // guarded by mu_
  bool leading_ = false;             // guarded by mu_
  GroupCommitStats stats_;           // guarded by mu_ (queued is filled in by stats())
};

}  // namespace tianshan::storage::sqlite_driver
