#pragma once
// Public contract of the organizations module: reading an organization as a caller may see it,
// inside another module's transaction.

#include <cstdint>
#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "core/result.h"
#include "kit/sheet.h"
#include "modules/organizations/public/organization.h"
#include "storage/database.h"

namespace tianshan::organizations {

// The organization `id` when `actor` may read it; NotFound ("organization.not_found") when it
// does not exist or lies outside every grant of the actor, so unseen ids reveal nothing.
Result<Organization> LoadReadable(storage::Transaction& tx, const auth::Actor& actor, int64_t id);

// May `actor` read the organization at `path` (any role whose grant covers it)?
bool CanRead(const auth::Actor& actor, std::string_view path);

// How spreadsheet rows name organizations: the ids of the active organizations in the subtree
// at `subtree_path` (itself included) that `actor` may read, named exactly `name`, or — when
// none is — whose short name is exactly `name`. Two indexed look-ups, no scan of the subtree.
Result<std::vector<int64_t>> FindActiveByName(storage::Transaction& tx, const auth::Actor& actor,
                                              std::string_view subtree_path, std::string_view name);
// FindActiveByName for a spreadsheet row of an import into `target`: looked up once per name
// and import run (rows repeat names), remembered in `state.found_by_name`.
Result<std::vector<int64_t>> FindActiveByNameForSheet(storage::Transaction& tx, const auth::Actor& actor,
                                                      const SheetImportTarget& target, const std::string& name,
                                                      SheetImportState& state);
// The one organization among `candidates` (the matches for `name`): Invalid on `field` with
// "organization.name_unknown" when there is none and "organization.name_ambiguous" when there
// are several (the name as parameter).
Result<int64_t> OneNamed(const std::vector<int64_t>& candidates, std::string_view name, const std::string& field);

}  // namespace tianshan::organizations
