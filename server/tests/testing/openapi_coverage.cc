#include "testing/openapi_coverage.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "testing/openapi_contract.h"

namespace tianshan::testing {

void WriteCoverageFile(const std::string& dir) {
  auto coverage = OpenApiContract::Served().RecordedCoverage();
  if (coverage.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::ofstream out(dir + "/" + std::to_string(getpid()) + ".txt", std::ios::app);
  for (const auto& [operation, statuses] : coverage) {
    for (long s : statuses) out << operation << " " << s << "\n";
  }
}

CoverageSummary CoverageReport(const std::string& dir) {
  std::map<std::string, std::set<long>> seen;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      auto last = line.rfind(' ');
      if (last == std::string::npos) continue;
      seen[line.substr(0, last)].insert(std::atol(line.c_str() + last + 1));
    }
  }
  auto operations = OpenApiContract::Served().Operations();
  size_t answered = 0, succeeded = 0;
  std::ostringstream detail;
  for (const auto& op : operations) {
    auto it = seen.find(op);
    if (it == seen.end()) {
      detail << "  " << op << ": not exercised\n";
      continue;
    }
    ++answered;
    bool ok = std::any_of(it->second.begin(), it->second.end(), [](long s) { return s >= 200 && s < 300; });
    succeeded += ok ? 1 : 0;
    detail << "  " << op << ":";
    for (long s : it->second) detail << " " << s;
    detail << (ok ? "" : "  (no success answer checked)") << "\n";
  }
  std::ostringstream out;
  out << "OpenAPI contract coverage: " << answered << " of " << operations.size()
      << " operations had a response checked against the document, " << succeeded << " of them a 2xx answer\n"
      << detail.str();
  return CoverageSummary{out.str(), operations.size(), answered, succeeded};
}

}  // namespace tianshan::testing
