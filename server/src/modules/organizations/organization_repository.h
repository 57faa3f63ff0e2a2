#pragma once
// SQL for organizations_organizations (bound parameters only). Every function runs inside the
// caller's transaction and returns storage failures as they come.
//
// Row locks: SQLite serializes writers (BEGIN IMMEDIATE), so locks are a no-op there. On
// PostgreSQL (READ COMMITTED) kShare (FOR SHARE) keeps a row's path and status fixed until
// commit: it is taken on the parent when creating a child and on an organization whose
// counters are adjusted, so a concurrent move or archive waits, and vice versa. kUpdate
// (FOR UPDATE) is taken by writers of the row itself (update, archive, move).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/organizations/public/organization.h"
#include "storage/database.h"

namespace tianshan::organizations {

enum class RowLock { kNone, kShare, kUpdate };

struct OrganizationPage {
  std::vector<Organization> items;
  std::optional<std::string> next_cursor;  // opaque; see handlers
};

// Column list matching ReadOrganization(), with an optional table alias prefix ("o.").
std::string OrganizationColumns(std::string_view alias = {});
Organization ReadOrganization(const storage::Row& row);
// " FOR SHARE" / " FOR UPDATE" on PostgreSQL, "" on SQLite.
std::string_view LockClause(const storage::Transaction& tx, RowLock lock);

Result<std::optional<Organization>> FindOrganization(storage::Transaction& tx, int64_t id,
                                                     RowLock lock = RowLock::kNone);

// Inserts a child of `parent` (nullptr: a new root) and returns it with its final path.
Result<Organization> InsertOrganization(storage::Transaction& tx, const Organization* parent,
                                        const OrganizationFields& fields, int64_t now);
Status UpdateOrganizationFields(storage::Transaction& tx, int64_t id, const OrganizationFields& fields, int64_t now);
Status SetOrganizationStatus(storage::Transaction& tx, int64_t id, std::string_view status, int64_t now);

// The names of the organizations `ids` that exist, by id (ids that do not exist are left out).
Result<std::map<int64_t, std::string>> FindOrganizationNames(storage::Transaction& tx, const std::vector<int64_t>& ids);

Result<bool> HasActiveChildren(storage::Transaction& tx, int64_t id);
// True when an active organization other than `except_id` under `parent_id` (nullopt: among
// roots) is named `name`.
Result<bool> SiblingNameTaken(storage::Transaction& tx, std::optional<int64_t> parent_id, const std::string& name,
                              int64_t except_id);

// Children by id; `status` filters when set.
Result<OrganizationPage> ListChildren(storage::Transaction& tx, int64_t parent_id, std::optional<int64_t> after_id,
                                      int limit, const std::optional<std::string>& status);

struct ListFilter {
  std::optional<std::string> kind;
  std::optional<std::string> setting;
  std::optional<std::string> status;
};
// The subtree at `path` (itself included), in path order, after `after_path` when set.
// next_cursor is the last path of the page.
Result<OrganizationPage> ListSubtree(storage::Transaction& tx, const std::string& path,
                                     const std::optional<std::string>& after_path, int limit, const ListFilter& filter);

// Rewrites the path of every organization in the subtree at `old_path` to start with
// `new_path` instead, and shifts their depth by `depth_delta`.
Status RewriteSubtreePaths(storage::Transaction& tx, const std::string& old_path, const std::string& new_path,
                           int depth_delta);
Status SetParent(storage::Transaction& tx, int64_t id, std::optional<int64_t> parent_id, int64_t now);

// The tree lock, held until commit. Moves take it exclusively (LockTree), so they run one at a
// time. Creates take it shared (ShareTree) on PostgreSQL: a move's path rewrite is one
// UPDATE whose snapshot would miss a child inserted concurrently below the moved subtree,
// leaving it with a stale path; with the shared lock the move waits for in-flight creates
// and later creates wait for the move. SQLite serializes writers anyway.
Status LockTree(storage::Transaction& tx);
Status ShareTree(storage::Transaction& tx);

}  // namespace tianshan::organizations
