#pragma once
// SQL of contacts and invitations (bound parameters only), inside the caller's transaction.

#include <optional>
#include <string>
#include <vector>

#include "modules/cadres/cadres.h"
#include "storage/database.h"

namespace tianshan::cadres {

Result<std::optional<Contact>> FindContact(storage::Transaction& tx, int64_t id);
Result<int64_t> InsertContact(storage::Transaction& tx, const Contact& c);
// Sets status, started_at, ended_at and ended_by as they are in `c`.
[[nodiscard]] Status SaveContactState(storage::Transaction& tx, const Contact& c);
// The requested or active contact between the cadre and the person, if any.
Result<std::optional<Contact>> OpenContactBetween(storage::Transaction& tx, int64_t cadre_id, int64_t person_id);

struct ContactFilter {
  std::string status = "active";  // requested, active, ended (declined and ended), all
  std::optional<std::string> field;
  std::optional<std::string> due;         // activity, talk: due for the period
  std::string quarter_start, year_start;  // of the period, for `due`
};
// The cadre's contacts by id after `after_id`, `limit` + 1 when there are more.
Result<std::vector<Contact>> SelectCadreContacts(storage::Transaction& tx, int64_t cadre_id, const ContactFilter& f,
                                                 std::optional<int64_t> after_id, int limit);
// Every contact of the cadre with the status, by id (for search by name; bounded by the cadre).
Result<std::vector<Contact>> SelectAllCadreContacts(storage::Transaction& tx, int64_t cadre_id, const ContactFilter& f);
// The contacts of the young person, newest first (all statuses).
Result<std::vector<Contact>> SelectPersonContacts(storage::Transaction& tx, int64_t person_id);
// The contacts among `ids` (any cadre), by id.
Result<std::vector<Contact>> SelectContactsByIds(storage::Transaction& tx, const std::vector<int64_t>& ids);
// Moves last_online_on / last_activity_on / last_talk_on (by `kind`) to `date` when later.
[[nodiscard]] Status TouchLastDate(storage::Transaction& tx, int64_t contact_id, const std::string& kind,
                                   const std::string& date, int64_t now);

Result<std::optional<Invitation>> FindInvitation(storage::Transaction& tx, int64_t id);
Result<std::optional<Invitation>> FindInvitationByToken(storage::Transaction& tx, const std::string& token);
Result<int64_t> InsertInvitation(storage::Transaction& tx, const Invitation& i);
[[nodiscard]] Status SaveInvitationState(storage::Transaction& tx, const Invitation& i);
// The cadre's open invitations that have not expired at `now`, newest first.
Result<std::vector<Invitation>> SelectOpenInvitations(storage::Transaction& tx, int64_t cadre_id, int64_t now);

// An IN (?, ?, …) list of `n` placeholders padded to a power of two (at least 8), with the
// parameters repeating the last id, so that the statement cache keeps a handful of texts.
std::string InList(const std::vector<int64_t>& ids, std::vector<storage::Param>& params);

}  // namespace tianshan::cadres
