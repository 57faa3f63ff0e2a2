#pragma once
// Steps shared by the people use cases: the caller, organization look-ups through the public
// organizations contract, loading a person the caller may see, and audit entries.
//
// Paths: rows keep the materialized path of their organization as of their last change. Every
// permission decision uses the organization's current path from AppContext::organizations, so
// a moved organization never leaves its people readable from its old place.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.h"
#include "auth/caller.h"
#include "auth/organization_directory.h"
#include "kit/module.h"
#include "modules/organizations/public/organization.h"
#include "modules/people/permissions.h"
#include "modules/people/public/person.h"
#include "storage/database.h"

namespace tianshan::people {

using auth::Caller;

// The organization `id` (path and name), or nullopt when it does not exist.
Result<std::optional<auth::OrganizationRef>> FindOrganizationRef(storage::Transaction& tx, const AppContext& ctx,
                                                                 int64_t id);
// The current path of organization `id`; `fallback` when the directory does not know it.
Result<std::string> CurrentPath(storage::Transaction& tx, const AppContext& ctx, int64_t id,
                                const std::string& fallback);

// An active organization the caller may read, named by request field `field`: unknown,
// unreadable and archived ids are a 422 on `field`.
Result<organizations::Organization> LoadTargetOrganization(storage::Transaction& tx, const auth::Actor& actor,
                                                           int64_t id, const char* field);
// An organization the caller may read (404 "organization.not_found" otherwise), for
// /organizations/{id}/... lists.
Result<organizations::Organization> LoadListedOrganization(storage::Transaction& tx, const auth::Actor& actor,
                                                           int64_t id);

struct VisiblePerson {
  Person person;
  View view = View::kNone;
  std::vector<std::string> paths;   // current paths: attachment first, then open positions
  std::vector<Position> positions;  // every position, ended ones too (ListPositions)
  std::string organization_name;    // of person.organization_id ("" when the directory lacks it)
};

// The person `id` with what the actor sees of them; NotFound ("people.not_found") when the
// person does not exist or the actor sees nothing of them. Paths are refreshed.
Result<VisiblePerson> LoadVisiblePerson(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                        int64_t id, bool for_update = false);

// The person's fields for audit entries: phone and identity number masked.
std::string PersonAuditJson(const Person& p);

Status Audit(storage::Transaction& tx, const AppContext& ctx, const Caller& caller, std::string action,
             std::string entity_type, int64_t entity_id, std::string path, std::string before, std::string after);

}  // namespace tianshan::people
