#pragma once
// SQL of publishing_columns and publishing_column_members (bound parameters only), inside the
// caller's transaction. Rows are read by column name.

#include <optional>
#include <string>
#include <vector>

#include "modules/publishing/article.h"
#include "storage/database.h"

namespace tianshan::publishing {

Result<int64_t> InsertColumn(storage::Transaction& tx, const Column& c);
Status UpdateColumnRow(storage::Transaction& tx, const Column& c);
Result<std::optional<Column>> FindColumn(storage::Transaction& tx, int64_t id);
// Every column of an organization, by parent then position.
Result<std::vector<Column>> ColumnsOf(storage::Transaction& tx, int64_t organization_id);
Result<bool> ColumnNameTaken(storage::Transaction& tx, int64_t organization_id, int64_t parent_id,
                             const std::string& name, int64_t except_id);
// The column and its ancestors' names, root first ("群团工作", "共青团工作").
Result<std::vector<std::string>> ColumnTrail(storage::Transaction& tx, const Column& column);

struct ColumnMember {
  int64_t account_id = 0;
  std::string role;  // editor | reviewer
  std::string display_name;
};
Result<std::vector<ColumnMember>> ColumnMembers(storage::Transaction& tx, int64_t column_id);
Status ReplaceColumnMembers(storage::Transaction& tx, int64_t column_id, const std::vector<ColumnMember>& members,
                            int64_t now);
// The roles `account_id` holds on the column.
struct Membership {
  bool editor = false;
  bool reviewer = false;
};
Result<Membership> MembershipOf(storage::Transaction& tx, int64_t column_id, int64_t account_id);
// Accounts that exist and are active, among `ids` (column members must be real accounts).
Result<std::vector<int64_t>> ExistingAccounts(storage::Transaction& tx, const std::vector<int64_t>& ids);

}  // namespace tianshan::publishing
