#pragma once
// The day the time-based figures are counted for, and the date arithmetic they need. Pure.
//
// "Due this quarter", "due this year", "help older than 7 days" and "ended without a report"
// are counted as of one stored day (cadres_period.as_of), not as of the clock: the changes of
// every request adjust them for that day, the daily job `cadres.recount` moves the day and
// recomputes them, and verify-counters recounts for the stored day. So the maintained values
// are exact at every moment, even on the first morning of a quarter before the job has run.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tianshan::cadres {

struct Period {
  std::string as_of;          // "2026-05-28"
  std::string quarter_start;  // "2026-04-01"
  std::string year_start;     // "2026-01-01"
  std::string year_end;       // "2026-12-31"
  std::string help_cutoff;    // a help request raised on or before this day is overdue

  bool ActivityDue(const std::optional<std::string>& last_activity_on) const {
    return !last_activity_on || *last_activity_on < quarter_start;
  }
  bool TalkDue(const std::optional<std::string>& last_talk_on) const {
    return !last_talk_on || *last_talk_on < year_start;
  }
  bool HelpOverdue(std::string_view created_on) const { return created_on <= help_cutoff; }
  bool InYear(std::string_view date) const { return date >= year_start && date <= year_end; }
  // Days of [starts_on, ends_on] within the year (0 when they do not overlap).
  int64_t DaysInYear(std::string_view starts_on, std::string_view ends_on) const;
  // A posting that has ended before the period day and has no report.
  bool Unreported(std::string_view ends_on, bool has_report) const { return !has_report && ends_on < as_of; }
};

// The period of the day `as_of` ("YYYY-MM-DD", a valid date).
Period PeriodOf(std::string_view as_of);

// Days since 1970-01-01 of a valid "YYYY-MM-DD", and back.
int64_t DayNumber(std::string_view date);
std::string DateOfDayNumber(int64_t day);
std::string AddDays(std::string_view date, int64_t days);

}  // namespace tianshan::cadres
