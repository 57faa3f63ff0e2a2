#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/crypto.h"
#include "testing/openapi_coverage.h"

// TIANSHAN_OPENAPI_COVERAGE_DIR (set by CMake) collects which operations each test process
// checked; `tianshan_tests --openapi-coverage-report` merges them (CTest runs it last; see
// testing/openapi_coverage.h).
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const std::string coverage_dir = TIANSHAN_OPENAPI_COVERAGE_DIR;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--openapi-coverage-report") {
      auto report = tianshan::testing::CoverageReport(coverage_dir);
      std::ofstream(coverage_dir + ".txt") << report.text;
      std::fputs(report.text.c_str(), stdout);
      const char* complete = std::getenv("TIANSHAN_OPENAPI_COVERAGE_COMPLETE");
      if (complete != nullptr && std::string(complete) == "1" && report.succeeded < report.operations) {
        std::fputs(
            "A full run must reach every operation with a success answer: add an API test for the "
            "operations above without one.\n",
            stdout);
        return 1;
      }
      return 0;
    }
  }
  if (!tianshan::InitCrypto()) return 2;
  int rc = RUN_ALL_TESTS();
  tianshan::testing::WriteCoverageFile(coverage_dir);
  return rc;
}
