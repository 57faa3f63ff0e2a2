#pragma once
// Which operations of the OpenAPI document the API tests exercised. CTest runs every test in a
// process of its own, so each process appends what its checks recorded
// (OpenApiContract::RecordedCoverage) to a file in one folder, and a last step
// (`tianshan_tests --openapi-coverage-report`, the CTest fixture OpenApiCoverage.Report) merges
// them into one report. Full runs (make test, make test-server) set
// TIANSHAN_OPENAPI_COVERAGE_COMPLETE=1: then an operation without a checked 2xx answer fails the
// report, so a new route cannot arrive without an API test that reaches it.

#include <string>

namespace tianshan::testing {

// Files of per-process coverage ("METHOD path status" lines) and their merged report.
// Appends this process's coverage to `dir` (one file per process); no-op when nothing was checked.
void WriteCoverageFile(const std::string& dir);
struct CoverageSummary {
  std::string text;       // a summary line, then each operation with its statuses or "not exercised"
  size_t operations = 0;  // of the served document
  size_t answered = 0;    // with at least one checked answer
  size_t succeeded = 0;   // with at least one checked 2xx answer
};
// Merges every coverage file in `dir`.
CoverageSummary CoverageReport(const std::string& dir);

}  // namespace tianshan::testing
