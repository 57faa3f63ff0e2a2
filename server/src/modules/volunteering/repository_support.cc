#include "modules/volunteering/repository_support.h"

#include <string>

namespace tianshan::volunteering {

std::string ForUpdate(const storage::Transaction& tx, bool lock, std::string_view of_table) {
  if (!lock || tx.dialect() != storage::Dialect::kPostgres) return "";
  return of_table.empty() ? " FOR UPDATE" : " FOR UPDATE OF " + std::string(of_table);
}

}  // namespace tianshan::volunteering
