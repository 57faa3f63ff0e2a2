#pragma once
// SQL for volunteering_projects and volunteering_shifts, including the seat counters that
// decide confirmed versus waitlisted (bound parameters only; caller's transaction).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/volunteering/volunteering.h"
#include "storage/database.h"

namespace tianshan::volunteering {

Result<int64_t> InsertProject(storage::Transaction& tx, const Project& p, int64_t now);
Result<std::optional<Project>> FindProject(storage::Transaction& tx, int64_t id, bool lock = false);
Status UpdateProjectFields(storage::Transaction& tx, int64_t id, const ProjectFields& f, int64_t now);
Status SetProjectStatus(storage::Transaction& tx, int64_t id, const std::string& status, int64_t now);

struct ProjectQuery {
  std::string path;  // subtree; empty: all
  std::optional<std::string> status;
  std::optional<int64_t> team_id;
  bool public_only = true;  // only public, non-draft projects
  int64_t after_id = 0;
  int limit = 50;
};
Result<std::vector<Project>> ListProjects(storage::Transaction& tx, const ProjectQuery& q);

// A shift from a row that has the shift table's columns under their own names.
Shift ShiftFromRow(const storage::Row& r);
Result<int64_t> InsertShift(storage::Transaction& tx, const Shift& s, int64_t now);
Result<std::optional<Shift>> FindShift(storage::Transaction& tx, int64_t id, bool lock = false);
Result<std::vector<Shift>> ListShifts(storage::Transaction& tx, int64_t project_id);
// Saves starts_at, ends_at, capacity, role, requirements and min_age (seat counters are moved
// by TakeSeat, AppendToWaitlist and MoveSeats only).
Status UpdateShiftFields(storage::Transaction& tx, const Shift& s, int64_t now);
// Marks the shift cancelled and zeroes its seat counters.
Status MarkShiftCancelled(storage::Transaction& tx, int64_t id, int64_t now);

// Takes a seat when one is free: true when confirmed was below capacity (and the shift open).
// This single conditional UPDATE is the oversell guard on both databases.
Result<bool> TakeSeat(storage::Transaction& tx, int64_t shift_id, int64_t now);
// A place at the end of a waitlist: its sequence number and its 1-based position, which is the
// shift's maintained waitlist count (every other waitlisted sign-up has a smaller number).
struct WaitlistPlace {
  int64_t seq = 0;
  int64_t position = 0;
};
// The seat counters of an open shift as this transaction sees them; nullopt when it is not open.
struct OpenSeats {
  bool free = false;         // confirmed < capacity
  int64_t waitlist_seq = 0;  // the last waitlist number handed out
  int64_t waitlisted = 0;
};
Result<std::optional<OpenSeats>> FindOpenSeats(storage::Transaction& tx, int64_t shift_id);
// Hands out waitlist number `seen.waitlist_seq + 1` of the open shift: nullopt (nothing changed)
// unless its counters still are `seen` (the UPDATE re-checks the number it read).
Result<std::optional<WaitlistPlace>> AppendToWaitlist(storage::Transaction& tx, int64_t shift_id, const OpenSeats& seen,
                                                      int64_t now);
// confirmed += d_confirmed, waitlisted += d_waitlisted.
Status MoveSeats(storage::Transaction& tx, int64_t shift_id, int d_confirmed, int d_waitlisted, int64_t now);

}  // namespace tianshan::volunteering
