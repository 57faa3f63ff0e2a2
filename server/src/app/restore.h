#pragma once
// `tianshan restore FILE [--force]`: replaces the database with a backup written by
// `tianshan backup` (storage/backup.h) and migrates it to this binary's schema.

#include <string>

#include "app/app.h"

namespace tianshan {

// Conflict "restore.not_empty" when the database already holds rows and `force` is false;
// otherwise the failures of storage::RestoreInto. On failure nothing changed.
[[nodiscard]] Status RestoreDatabase(App& app, const std::string& file, bool force);

}  // namespace tianshan
