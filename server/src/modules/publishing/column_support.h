#pragma once
// What the column use cases share: validating a column's input (name, parent, members, the
// link policy on the name: column names are the public breadcrumb), its audit JSON and view.

#include "modules/organizations/public/lookup.h"
#include "modules/publishing/use_cases.h"

namespace tianshan::publishing {

// Checks `input` and writes it onto `c` (whose organization is set); one Invalid with every
// field error.
Status ApplyColumnInput(storage::Transaction& tx, Column& c, const ColumnInput& input);
std::vector<ColumnMember> MembersOf(const ColumnInput& input);
std::string ColumnAuditJson(const Column& c, const ColumnInput& input);
Result<ColumnView> ColumnViewOf(storage::Transaction& tx, const auth::Actor& actor, const Column& c);

}  // namespace tianshan::publishing
