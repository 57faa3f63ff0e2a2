#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "core/crypto.h"
#include "testing/openapi_coverage.h"

// TIANSHAN_OPENAPI_COVERAGE_DIR (set by CMake) collects which operations each test process
// checked; `tianshan_tests --openapi-coverage-report` merges them (CTest runs it last).
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const std::string coverage_dir = TIANSHAN_OPENAPI_COVERAGE_DIR;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--openapi-coverage-report") {
      std::string report = tianshan::testing::CoverageReport(coverage_dir);
      std::ofstream(coverage_dir + ".txt") << report;
      std::fputs(report.c_str(), stdout);
      return 0;
    }
  }
  if (!tianshan::InitCrypto()) return 2;
  int rc = RUN_ALL_TESTS();
  tianshan::testing::WriteCoverageFile(coverage_dir);
  return rc;
}
