#pragma once
// Use case: register a person, as a league member of a branch or as a young person attached to
// an organization.
//
// Steps: validate every field (422 listing every problem; a member needs an identity number)
// → load the organization (unknown, unreadable or archived: 422 on the field naming it) →
// authorize (committee_admin or branch_secretary covering it: 403 otherwise) → refuse an
// identity number already registered (409 naming the organization that holds it when the
// caller may read that organization, otherwise "another organization") → insert the person
// (and the membership), count members or youth, record the audit entry: one transaction.

#include "modules/people/get_person.h"

namespace tianshan::people {

struct NewMembership {
  int64_t organization_id = 0;
  std::string member_since;
  std::optional<std::string> member_number;
};

struct CreatePersonInput {
  PersonFields fields;
  std::optional<int64_t> organization_id;   // youth: the organization they are attached to
  std::optional<NewMembership> membership;  // member: the branch, since when, number
};

// Field errors of the input (person fields and membership), without I/O.
void CollectCreateErrors(const CreatePersonInput& in, int64_t now_millis, std::vector<FieldError>& errors);

Result<PersonDetails> CreatePerson(const AppContext& ctx, const Caller& caller, const CreatePersonInput& input);

// The same use case inside the caller's transaction (the API's CreatePerson and the people
// spreadsheet sheet both run it): every step above, with the caller's grants, the counters
// and the audit entry. Returns the new person's id; any failure leaves the caller to roll back.
Result<int64_t> CreatePersonIn(storage::Transaction& tx, const AppContext& ctx, const Caller& caller,
                               const CreatePersonInput& input);

// Inserts without authorization or organization checks, inside the caller's transaction, and
// adjusts the counters: for demo data. `path` is the organization's path. Returns the id.
Result<int64_t> InsertPersonUnchecked(storage::Transaction& tx, const AppContext& ctx, const CreatePersonInput& input,
                                      const std::string& path, bool adjust_counters);

// 409 for an identity number already registered, naming the holding organization when the
// actor may read it.
Status DuplicateIdentity(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                         const Person& holder);

}  // namespace tianshan::people
