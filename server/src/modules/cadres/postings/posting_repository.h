#pragma once
// SQL of postings and their work logs (bound parameters only), inside the caller's transaction.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/cadres/cadres.h"
#include "modules/cadres/period.h"
#include "storage/database.h"

namespace tianshan::cadres {

Result<int64_t> InsertPosting(storage::Transaction& tx, const Posting& p);
Result<std::optional<Posting>> FindPosting(storage::Transaction& tx, int64_t id);
// A planned posting of the cadre sharing a day with [starts_on, ends_on], if any.
Result<std::optional<Posting>> OverlappingPosting(storage::Transaction& tx, int64_t cadre_id,
                                                  const std::string& starts_on, const std::string& ends_on);
// The cadre's postings, newest start first.
Result<std::vector<Posting>> SelectPostingsOfCadre(storage::Transaction& tx, int64_t cadre_id);
// Postings of cadres in the subtree at `path` sharing a day with [from, to], by id after
// `after_id`; `limit` + 1 when there are more.
Result<std::vector<Posting>> SelectPostingsInSubtree(storage::Transaction& tx, const std::string& path,
                                                     const std::string& from, const std::string& to,
                                                     std::optional<int64_t> after_id, int limit);
// Postings hosted by organizations of the subtree at `path`, newest first, ids below
// `before_id`; `limit` + 1 when there are more.
Result<std::vector<Posting>> SelectPostingsHostedIn(storage::Transaction& tx, const std::string& path,
                                                    std::optional<int64_t> before_id, int limit);
// Per cadre's person: planned postings that ended before `today` without a report.
struct UnreportedOfCadre {
  int64_t person_id = 0;
  int postings = 0;
};
Result<std::vector<UnreportedOfCadre>> SelectUnreportedByCadre(storage::Transaction& tx, const std::string& today);
// Conflict when a concurrent transaction has cancelled or confirmed it first.
[[nodiscard]] Status SavePostingCancellation(storage::Transaction& tx, const Posting& p);
[[nodiscard]] Status SavePostingReport(storage::Transaction& tx, const Posting& p);
// Conflict when a concurrent transaction has confirmed it first.
[[nodiscard]] Status SavePostingConfirmation(storage::Transaction& tx, const Posting& p);

Result<int64_t> InsertPostingLog(storage::Transaction& tx, const PostingLog& log);
Result<std::vector<PostingLog>> SelectPostingLogs(storage::Transaction& tx, int64_t posting_id);
struct PostingTotals {
  int entries = 0;
  int minutes = 0;
};
// Entries and minutes logged per posting of `ids`.
Result<std::map<int64_t, PostingTotals>> PostingTotalsOf(storage::Transaction& tx, const std::vector<int64_t>& ids);

// What a cadre's planned postings count for the period (public/counters.h): postings sharing
// a day with the year, whether there is one, their days in the year, ended ones unreported.
struct PostingFigures {
  int postings = 0;
  int posted = 0;
  int days = 0;
  int unreported = 0;
  bool operator==(const PostingFigures&) const = default;
};
Result<PostingFigures> PostingFiguresOf(storage::Transaction& tx, int64_t cadre_id, const Period& period);
// The same for every cadre with a planned posting, by cadre id (the recount and verify-counters).
Result<std::map<int64_t, PostingFigures>> AllPostingFigures(storage::Transaction& tx, const Period& period);

}  // namespace tianshan::cadres
