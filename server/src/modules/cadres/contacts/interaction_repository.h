#pragma once
// SQL of interactions and help requests (bound parameters only), inside the caller's
// transaction.

#include <optional>
#include <string>
#include <vector>

#include "modules/cadres/cadres.h"
#include "storage/database.h"

namespace tianshan::cadres {

Result<int64_t> InsertInteraction(storage::Transaction& tx, const Interaction& i, const std::vector<int64_t>& contacts);
// The cadre's interactions, newest first, before `before_id`; with `contact_id`, only those
// that include it. `limit` + 1 when there are more.
Result<std::vector<Interaction>> SelectCadreInteractions(storage::Transaction& tx, int64_t cadre_id,
                                                         std::optional<int64_t> contact_id,
                                                         std::optional<int64_t> before_id, int limit);
// The interactions that include any of `contact_ids`, newest first, before `before_id`; each
// with the contact of the list it includes.
struct ContactInteraction {
  Interaction interaction;
  int64_t contact_id = 0;
};
Result<std::vector<ContactInteraction>> SelectContactInteractions(storage::Transaction& tx,
                                                                  const std::vector<int64_t>& contact_ids,
                                                                  std::optional<int64_t> before_id, int limit);

Result<int64_t> InsertHelpRequest(storage::Transaction& tx, const HelpRequest& h);
Result<std::optional<HelpRequest>> FindHelpRequest(storage::Transaction& tx, int64_t id);
[[nodiscard]] Status SaveHelpRequest(storage::Transaction& tx, const HelpRequest& h);
// The cadre's help requests, newest first, before `before_id`; `open_only`: open or in progress.
Result<std::vector<HelpRequest>> SelectCadreHelp(storage::Transaction& tx, int64_t cadre_id, bool open_only,
                                                 std::optional<int64_t> before_id, int limit);
// The help requests of the contacts, newest first.
Result<std::vector<HelpRequest>> SelectContactsHelp(storage::Transaction& tx, const std::vector<int64_t>& contact_ids);

}  // namespace tianshan::cadres
