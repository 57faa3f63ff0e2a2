#include "modules/organizations/use_case_support.h"

#include "modules/organizations/permissions.h"
#include "storage/sql_text.h"

namespace tianshan::organizations {

Result<Organization> LoadReadable(storage::Transaction& tx, const auth::Actor& actor, int64_t id, RowLock lock) {
  TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, id, lock));
  if (!org || !CanRead(actor, org->path)) return Status::NotFound("organization.not_found");
  return std::move(*org);
}

Result<Organization> LoadReadable(storage::Transaction& tx, const auth::Actor& actor, int64_t id) {
  return LoadReadable(tx, actor, id, RowLock::kNone);
}

Result<Organization> LoadReadableParent(storage::Transaction& tx, const auth::Actor& actor, int64_t id,
                                        const char* field, RowLock lock) {
  TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, id, lock));
  if (!org || !CanRead(actor, org->path)) return Status::Invalid(field, "organization.parent_unknown");
  return std::move(*org);
}

Result<std::vector<int64_t>> FindActiveByName(storage::Transaction& tx, const auth::Actor& actor,
                                              std::string_view subtree_path, std::string_view name) {
  std::vector<int64_t> out;
  for (const char* column : {"name", "short_name"}) {
    TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT id, path FROM organizations_organizations WHERE ") +
                                                column + " = ? AND status = 'active' AND path >= ? AND path < ?",
                                            {name, subtree_path, storage::PrefixUpperBound(subtree_path)}));
    for (const auto& r : rows) {
      if (CanRead(actor, r.Text("path"))) out.push_back(r.Int("id"));
    }
    if (!out.empty()) break;
  }
  return out;
}

Result<std::vector<int64_t>> FindActiveByNameForSheet(storage::Transaction& tx, const auth::Actor& actor,
                                                      const SheetImportTarget& target, const std::string& name,
                                                      SheetImportState& state) {
  auto found = state.found_by_name.find(name);
  if (found == state.found_by_name.end()) {
    TS_ASSIGN_OR_RETURN(auto ids, FindActiveByName(tx, actor, target.organization_path, name));
    found = state.found_by_name.emplace(name, std::move(ids)).first;
  }
  return found->second;
}

Result<int64_t> OneNamed(const std::vector<int64_t>& candidates, std::string_view name, const std::string& field) {
  if (candidates.empty()) return Status::Invalid(field, "organization.name_unknown", std::string(name));
  if (candidates.size() > 1) return Status::Invalid(field, "organization.name_ambiguous", std::string(name));
  return candidates.front();
}

std::string KindCounterKey(std::string_view kind) { return "kind." + std::string(kind); }

}  // namespace tianshan::organizations
