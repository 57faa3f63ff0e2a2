#pragma once
// SQL for people_persons, people_memberships and people_positions (bound parameters only).
// Every function runs inside the caller's transaction and returns storage failures as they
// come. `for_update` takes a row lock on PostgreSQL (FOR UPDATE); SQLite serializes writers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/people/public/person.h"
#include "storage/database.h"

namespace tianshan::people {

// " FOR UPDATE" on PostgreSQL when `for_update`, "" otherwise.
std::string_view ForUpdate(const storage::Transaction& tx, bool for_update);

Result<std::optional<Person>> FindPerson(storage::Transaction& tx, int64_t id, bool for_update = false);
Result<std::optional<Person>> FindPersonByIdentity(storage::Transaction& tx, const std::string& identity_number);
// Inserts `p` (id ignored) and returns its id.
Result<int64_t> InsertPerson(storage::Transaction& tx, const Person& p);
Status UpdatePersonFields(storage::Transaction& tx, int64_t id, const PersonFields& f, int64_t now);
Status SetAttachment(storage::Transaction& tx, int64_t id, int64_t organization_id, const std::string& path,
                     bool is_member, int64_t now);

Result<std::optional<Membership>> FindActiveMembership(storage::Transaction& tx, int64_t person_id);
Result<int64_t> InsertMembership(storage::Transaction& tx, const Membership& m);
// Ends an active membership with `status` (transferred_out, left).
Status EndMembership(storage::Transaction& tx, int64_t id, std::string_view status, int64_t now);

Result<std::vector<Position>> ListPositions(storage::Transaction& tx, int64_t person_id);
Result<std::optional<Position>> FindPosition(storage::Transaction& tx, int64_t id, bool for_update = false);
Result<bool> HasOpenPosition(storage::Transaction& tx, int64_t person_id, int64_t organization_id);
Result<int64_t> InsertPosition(storage::Transaction& tx, const Position& p, int64_t now);
Status ClosePosition(storage::Transaction& tx, int64_t id, const std::string& ended_on, int64_t now);

// The paths through which a person may be read: attachment first, then open positions.
Result<std::vector<std::string>> ReadablePaths(storage::Transaction& tx, const Person& p);

}  // namespace tianshan::people
