#pragma once
// The daily work of the cadres module (manifest jobs) and its counter check.
//
// cadres.recount (00:10 China time) moves the period day (period.h) to today and recomputes the
// time-based figures for it: each cadre's activity_due, talk_due and help_overdue, and the
// organization counters of those keys (organizations::SetSelfCounters), in one transaction.
// cadres.reminders (08:10) tells each cadre with contacts due a talk or an activity, or help
// requests older than 7 days, once a day (a digest key per day); it names no young person.
// cadres.posting_reminders (08:20) tells each cadre with postings that ended without a report
// how many, once a day (a digest key per day).
// All are idempotent: running twice on one day changes nothing more.

#include <string>
#include <vector>

#include "kit/job.h"
#include "kit/module.h"

namespace tianshan::cadres {

Status RecountFigures(const AppContext& ctx, const JobRun& run);
Status RemindCadres(const AppContext& ctx, const JobRun& run);
Status RemindUnreportedPostings(const AppContext& ctx, const JobRun& run);

// Recounts every maintained counter of the module (and each cadre's row) from the rows, for the
// stored period day; one line per difference.
Result<std::vector<std::string>> VerifyCounters(const AppContext& ctx);

}  // namespace tianshan::cadres
