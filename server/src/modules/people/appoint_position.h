#pragma once
// Use case: appoint a person to a cadre position in an organization (POST
// /people/{id}/positions).
//
// Steps: validate (title, employment, started_on not in the future: 422) → load the person
// (404 when unseen) and the organization (422 on organization_id when unknown, unreadable or
// archived) → authorize (committee_admin or branch_secretary covering the organization: 403)
// → refuse a second open position in the same organization (409) → insert, count the cadre
// (cadres +1 for the organization) and audit: one transaction.

#include "modules/people/get_person.h"

namespace tianshan::people {

struct AppointPositionInput {
  int64_t organization_id = 0;
  std::string title;
  std::string employment;
  std::string started_on;
};

Result<Position> AppointPosition(const AppContext& ctx, const Caller& caller, int64_t person_id,
                                 const AppointPositionInput& input);

// Without authorization or checks, for demo data; adjusts the cadres counter when asked.
Result<int64_t> InsertPositionUnchecked(storage::Transaction& tx, const AppContext& ctx, int64_t person_id,
                                        const AppointPositionInput& input, const std::string& path,
                                        bool adjust_counters);

}  // namespace tianshan::people
