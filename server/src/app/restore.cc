#include "app/restore.h"

#include "storage/backup.h"

namespace tianshan {

Status RestoreDatabase(App& app, const std::string& file, bool force) {
  auto holds = storage::HoldsData(app.db());
  if (!holds.ok()) return holds.status();
  if (*holds && !force) return Status::Conflict("restore.not_empty");
  // PostgreSQL restores rows into migrated tables; SQLite replaces the file, schema and all.
  if (app.db().dialect() == storage::Dialect::kPostgres) {
    auto migrated = app.Migrate();
    if (!migrated.ok()) return migrated.status();
  }
  if (Status s = storage::RestoreInto(app.db(), file); !s.ok()) return s;
  if (app.context().sessions != nullptr) app.context().sessions->Clear();
  auto migrated = app.Migrate();  // a backup of an older version gets the newer migrations
  return migrated.ok() ? Status::Ok() : migrated.status();
}

}  // namespace tianshan
