#pragma once
// Which operations of the OpenAPI document the API tests exercised. CTest runs every test in a
// process of its own, so each process appends what its checks recorded
// (OpenApiContract::RecordedCoverage) to a file in one folder, and a last step
// (`tianshan_tests --openapi-coverage-report`, the CTest fixture OpenApiCoverage.Report) merges
// them into one report.

#include <string>

namespace tianshan::testing {

// Files of per-process coverage ("METHOD path status" lines) and their merged report.
// Appends this process's coverage to `dir` (one file per process); no-op when nothing was checked.
void WriteCoverageFile(const std::string& dir);
// Merges every coverage file in `dir` into a report: a summary line, then each operation with
// the statuses seen, or "not exercised". Operations are those of the served document.
std::string CoverageReport(const std::string& dir);

}  // namespace tianshan::testing
