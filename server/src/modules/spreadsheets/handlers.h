#pragma once
// HTTP adapters of the spreadsheets module: parse, call one use case, map the result.

#include <memory>

#include "http/router.h"
#include "kit/module.h"
#include "modules/spreadsheets/import_jobs.h"

namespace tianshan::spreadsheets {

// Uploads accept any media type up to this size.
inline constexpr size_t kMaxUploadBytes = 32 << 20;

// `jobs` is kept alive by the routes (it stops its worker when the router is destroyed).
void RegisterImportRoutes(http::Router& router, const AppContext& ctx, std::shared_ptr<ImportJobs> jobs);
void RegisterExportRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::spreadsheets
