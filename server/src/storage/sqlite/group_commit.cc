#include "storage/sqlite/group_commit.h"

#include <chrono>
#include <exception>
#include <vector>

namespace tianshan::storage::sqlite_driver {

struct GroupCommitter::Member {
  const std::function<Status(Transaction&)>* fn;
  Status status;
  std::exception_ptr exception;
  bool done = false;  // guarded by mu_
  std::condition_variable cv;
};

GroupCommitter::GroupCommitter(GroupCommitOptions options, Opener open) : options_(options), open_(std::move(open)) {
  if (options_.max_members < 1) options_.max_members = 1;
}

GroupCommitStats GroupCommitter::stats() const {
  std::lock_guard lock(mu_);
  GroupCommitStats out = stats_;
  out.queued = queue_.size();
  return out;
}

Status GroupCommitter::Run(const std::function<Status(Transaction&)>& fn) {
  Member self;
  self.fn = &fn;
  std::unique_lock lock(mu_);
  if (queue_.size() >= options_.queue_limit) {
    ++stats_.rejected;
    return Status::Unavailable("error.overloaded").WithDetail("too many write transactions waiting for the writer");
  }
  queue_.push_back(&self);
  if (leading_) arrived_.notify_one();
  // The first waiting member leads when no group is running; the others wait for their result.
  while (!self.done && (leading_ || queue_.front() != &self)) self.cv.wait(lock);
  if (!self.done) Lead(lock);
  lock.unlock();
  if (self.exception) std::rethrow_exception(self.exception);
  return self.status;
}

Status GroupCommitter::Begin() {
  if (!writer_) {
    auto opened = open_();
    if (!opened.ok()) return opened.status();
    writer_ = std::move(opened).value();
  }
  return writer_->ExecCached("BEGIN IMMEDIATE");
}

void GroupCommitter::Lead(std::unique_lock<std::mutex>& lock) {
  leading_ = true;
  std::vector<Member*> group;
  auto take = [&] {
    Member* m = queue_.front();
    queue_.pop_front();
    group.push_back(m);
    return m;
  };
  lock.unlock();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::microseconds(options_.window_micros);
  Status begun = Begin();
  lock.lock();
  if (!begun.ok()) {
    take()->status = begun;  // the leader itself; the others wait for the next leader
  } else {
    bool lost = false;
    while (!lost && group.size() < static_cast<size_t>(options_.max_members)) {
      if (queue_.empty() && options_.window_micros > 0) {
        arrived_.wait_until(lock, deadline, [&] { return !queue_.empty(); });
      }
      if (queue_.empty()) break;
      Member* m = take();
      lock.unlock();
      lost = !RunMember(*m, group.size() == 1);
      lock.lock();
    }
    lock.unlock();
    sqlite3* db = writer_->db();
    bool any_ok = false;
    for (Member* m : group) any_ok = any_ok || m->status.ok();
    if (lost) {
      // SQLite ended the transaction inside a member, or the first member failed: the work of
      // those before it (none, for the first) is gone too.
      if (!sqlite3_get_autocommit(db)) writer_->ExecCached("ROLLBACK").IgnoreError();
      for (Member* m : group) {
        if (m->status.ok())
          m->status = Status::Retry("the shared transaction was rolled back by another member's failure");
      }
    } else if (!any_ok) {
      writer_->ExecCached("ROLLBACK").IgnoreError();
    } else {
      Status commit = writer_->ExecCached("COMMIT");
      if (!commit.ok()) {
        if (!sqlite3_get_autocommit(db)) writer_->ExecCached("ROLLBACK").IgnoreError();
        for (Member* m : group) {
          if (m->status.ok()) m->status = commit;
        }
      }
    }
    lock.lock();
  }
  ++stats_.groups;
  stats_.members += group.size();
  for (Member* m : group) {
    m->done = true;
    m->cv.notify_one();
  }
  leading_ = false;
  if (!queue_.empty()) queue_.front()->cv.notify_one();
}

bool GroupCommitter::RunMember(Member& member, bool first) {
  // The first member needs no savepoint: nothing ran before it, so its failure rolls back the
  // whole transaction (and an uncontended write costs what it cost before group commit, with no
  // statement journal for a large import).
  SqliteConnection& conn = *writer_;
  if (!first) {
    Status open = conn.ExecCached("SAVEPOINT tianshan_member");
    if (!open.ok()) {
      member.status = open;
      return !sqlite3_get_autocommit(conn.db());
    }
  }
  SqliteTransaction tx(conn);
  Status result;
  try {
    result = (*member.fn)(tx);
  } catch (...) {
    member.exception = std::current_exception();
    result = Status::Internal("error.internal").WithDetail("a write transaction threw");
  }
  if (sqlite3_get_autocommit(conn.db())) {
    member.status =
        result.ok() ? Status::Internal("error.internal").WithDetail("the transaction ended inside a member") : result;
    return false;
  }
  if (result.ok()) {
    Status release = first ? Status::Ok() : conn.ExecCached("RELEASE tianshan_member");
    if (release.ok()) {
      member.status = Status::Ok();
      return true;
    }
    result = release;
  }
  member.status = result;
  if (first) return false;  // the leader rolls the whole transaction back
  Status undo = conn.ExecCached("ROLLBACK TO tianshan_member");
  if (undo.ok()) undo = conn.ExecCached("RELEASE tianshan_member");
  return undo.ok() && !sqlite3_get_autocommit(conn.db());
}

}  // namespace tianshan::storage::sqlite_driver
