#pragma once
// Use case: change a person's non-identity fields (PATCH). Name and identity number change
// only through a correction (request_correction.h).
//
// Steps: load the person (404 when unseen) → authorize (committee_admin or branch_secretary
// covering the person's organization: 403 otherwise) → merge and validate the whole record
// (422 listing every problem) → update and audit (before and after, masked): one transaction.

#include "modules/people/get_person.h"

namespace tianshan::people {

// Absent fields keep their value; for the optional text fields an inner nullopt clears it.
struct PersonPatch {
  std::optional<std::string> gender;
  std::optional<std::string> birth_date;
  std::optional<std::optional<std::string>> ethnicity;
  std::optional<std::optional<std::string>> phone;
  std::optional<std::optional<std::string>> education;
  std::optional<std::optional<std::string>> occupation;
  std::optional<std::optional<std::string>> employer;
};

Result<PersonDetails> UpdatePerson(const AppContext& ctx, const Caller& caller, int64_t id, const PersonPatch& patch);

}  // namespace tianshan::people
