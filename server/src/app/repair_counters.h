#pragma once
// `tianshan verify-counters --repair`: rebuilds every maintained per-organization counter from
// the rows, reusing each module's own verify-counters recount (organizations/public/
// counter_repair.h), in one write transaction: recount → correct → recount again, until nothing
// is left to correct (at most kMaxRepairRounds). One audit entry (`counters.repair`, request id
// `cli:verify-counters --repair`) lists what was found and how many values changed; the
// application log gets one line. A failure changes nothing. Meant for an operator after an
// upgrade whose migration added counters (they start at 0 on a database that already had rows)
// or after a restore. Meant to run with the server stopped or quiet: on SQLite it holds the writer
// for the whole recount; on PostgreSQL a change another instance commits during the recount may
// be counted twice or not at all (verify-counters afterwards shows it).

#include <cstdint>
#include <string>
#include <vector>

#include "app/app.h"

namespace tianshan {

inline constexpr int kMaxRepairRounds = 64;

struct CounterRepairReport {
  std::vector<std::string> found;  // the differences before the repair
  std::vector<std::string> left;   // after it: what no counter correction fixes (a path, per-row totals)
  int64_t changed = 0;             // values written
  int rounds = 0;
};

Result<CounterRepairReport> RepairCounters(App& app);

}  // namespace tianshan
