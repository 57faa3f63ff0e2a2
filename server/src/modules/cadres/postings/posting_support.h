#pragma once
// What the posting use cases share, inside their transaction.

#include "auth/actor.h"
#include "auth/organization_directory.h"
#include "kit/module.h"
#include "modules/cadres/postings/use_cases.h"

namespace tianshan::cadres {

// Re-counts the cadre's posting figures for the stored period and applies the difference
// from `before` (the cadre must be locked).
[[nodiscard]] Status MovePostingFigures(storage::Transaction& tx, const AppContext& ctx, const Cadre& cadre,
                                        const PostingFigures& before);
Result<PostingFigures> CurrentPostingFigures(storage::Transaction& tx, const AppContext& ctx, int64_t cadre_id);

// The view of `p` for `actor`: card, host name, totals, `can`; with the log when `with_logs`.
Result<PostingView> ViewPosting(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                const Posting& p, bool with_logs);
Result<std::vector<PostingView>> ViewPostings(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                              const std::vector<Posting>& postings);

// Is `actor` the posting's cadre (the account's person is the cadre's)?
Result<bool> IsPostingCadre(storage::Transaction& tx, const auth::Actor& actor, const Posting& p);
// The posting when `actor` may see it (its cadre, cadres.dashboard over the cadre, cadres.confirm
// over the host), else NotFound; and whether it is the actor's own.
struct SeenPosting {
  Posting posting;
  bool own = false;
};
Result<SeenPosting> LoadSeenPosting(storage::Transaction& tx, const auth::Actor& actor, int64_t id);

// A new planned posting of `cadre` to `host` (not yet inserted).
Posting NewPosting(const Cadre& cadre, const auth::OrganizationRef& host, std::string starts_on, std::string ends_on,
                   std::string tasks, int64_t created_by, int64_t now);

// Audit JSON of a posting: dates, host, states and lengths (no free text).
std::string PostingAuditJson(const Posting& p);

}  // namespace tianshan::cadres
