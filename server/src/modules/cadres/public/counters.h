#pragma once
// Public contract of the cadres module: the keys of the organization counters it keeps (self
// value at the organization of the cadre's position, rolled up the tree; see
// modules/organizations/public/counters.h), for the statistics screens and `tianshan generate`.
// Time-based keys (due, overdue, this year) are counted as of the day in cadres_period and
// recomputed by the daily job `cadres.recount`.

#include <array>
#include <string_view>

namespace tianshan::cadres::counter {

inline constexpr std::string_view kCadres = "cadres.cadres";             // cadres in the register
inline constexpr std::string_view kAtQuota = "cadres.at_quota";          // with active contacts ≥ target
inline constexpr std::string_view kContacts = "cadres.contacts";         // active contacts
inline constexpr std::string_view kFieldsCovered = "cadres.fields";      // Σ per cadre: fields among them
inline constexpr std::string_view kActivityDue = "cadres.activity_due";  // active, no offline activity this quarter
inline constexpr std::string_view kTalkDue = "cadres.talk_due";          // active, no face-to-face talk this year
inline constexpr std::string_view kHelpOpen = "cadres.help_open";        // help requests open or in progress
inline constexpr std::string_view kHelpOverdue = "cadres.help_overdue";  // of those, raised 7 days ago or more
inline constexpr std::string_view kPostings = "cadres.postings";         // postings overlapping this year
inline constexpr std::string_view kPosted = "cadres.posted";             // cadres with such a posting
inline constexpr std::string_view kPostingDays = "cadres.posting_days";  // their days within this year
inline constexpr std::string_view kUnreported = "cadres.unreported";     // ended postings without a report
inline constexpr std::string_view kServedUnits = "cadres.served_units";  // active registrations with units
inline constexpr std::string_view kServiceMinutes = "cadres.service_minutes";  // confirmed, this year

// Active contacts by the young person's field: "cadres.field.student", … (cadres.h Fields()).
inline constexpr std::string_view kFieldPrefix = "cadres.field.";

}  // namespace tianshan::cadres::counter
