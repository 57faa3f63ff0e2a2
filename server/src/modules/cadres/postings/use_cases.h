#pragma once
// "8+4": postings of cadres to grass-roots organizations. A committee admin covering both the
// cadre's organization and the host plans one (cadres.plan_postings); the cadre keeps the work
// log and writes the report; the host's committee admin or branch secretary confirms it
// (cadres.confirm); the committee's overview lists the subtree's postings (cadres.dashboard).
// Every change moves the cadre's posting figures (public/counters.h) in its transaction, with
// the cadre locked, so that two postings of one cadre never overlap.

#include <optional>
#include <string>
#include <vector>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/cadres/cadre_card.h"
#include "modules/cadres/cadres.h"
#include "modules/cadres/postings/posting_repository.h"

namespace tianshan::cadres {

struct PostingView {
  Posting posting;
  CadreCard cadre;
  std::string host_name;
  PostingTotals totals;
  int64_t days = 0;              // the whole period, both ends included
  std::vector<PostingLog> logs;  // GetPosting only
  bool can_log = false;
  bool can_report = false;
  bool can_confirm = false;
  bool can_cancel = false;
};

struct PlanPostingInput {
  int64_t person_id = 0;  // the cadre's person
  int64_t host_organization_id = 0;
  std::string starts_on;
  std::string ends_on;
  std::string tasks;
};
Result<PostingView> PlanPosting(const AppContext& ctx, const auth::Caller& caller, const PlanPostingInput& input);

// The caller's own postings (a cadre), newest first.
Result<std::vector<PostingView>> ListMyPostings(const AppContext& ctx, const auth::Actor& actor);

struct PostingListQuery {
  std::string year;  // "2026"
  std::optional<int64_t> after_id;
  int limit = 50;
};
struct PostingPage {
  std::vector<PostingView> items;
  std::optional<int64_t> next_cursor;
};
// Postings of the subtree's cadres sharing a day with the year (cadres.dashboard).
Result<PostingPage> ListPostings(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                 const PostingListQuery& query);

// Postings hosted by the organization `organization_id` and its subtree, newest first, for its
// secretary to follow and confirm (cadres.confirm over it).
Result<PostingPage> ListHostedPostings(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                       std::optional<int64_t> before_id, int limit);

// One posting with its log: its cadre, the planners above it and the host's confirmers see it;
// 404 for everyone else.
Result<PostingView> GetPosting(const AppContext& ctx, const auth::Actor& actor, int64_t id);

struct LogPostingWorkInput {
  std::string worked_on;
  int minutes = 0;
  std::string what;
};
// The cadre logs a day's work: within the posting's period, not in the future.
Result<PostingView> LogPostingWork(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                   const LogPostingWorkInput& input);
// The cadre's report, once the posting has begun; rewritable until the host confirms.
Result<PostingView> ReportPosting(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                  const std::string& report);
// A planner (cadres.plan_postings over both the cadre's organization and the host) cancels a
// posting before its end, with the reason; not once confirmed.
Result<PostingView> CancelPosting(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                  const std::string& reason);
// The host confirms a reported posting, once.
Result<PostingView> ConfirmPosting(const AppContext& ctx, const auth::Caller& caller, int64_t id);

}  // namespace tianshan::cadres
