#pragma once
// Public contract of the jobs module: enqueue one-off work inside your own transaction, so the
// job exists exactly when your change does (kit/job.h says how jobs run).

#include <cstdint>
#include <optional>
#include <string>

#include "kit/module.h"

namespace tianshan::jobs {

// Enqueues a job of `kind` (declared by some module's manifest) due at `run_at` (epoch ms).
// With `unique_key`, a second enqueue of the same kind and key is a no-op (returns false).
// Invalid when no module declares `kind`.
Result<bool> EnqueueJob(storage::Transaction& tx, const AppContext& ctx, const std::string& kind, int64_t run_at,
                        std::string payload = "{}", std::optional<std::string> unique_key = std::nullopt);

}  // namespace tianshan::jobs
