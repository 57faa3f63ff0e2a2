// libFuzzer target for CSV import (core/tables/table.h ReadCsv and ReadTable, as the
// spreadsheets module reads an uploaded file), and every cell through the cell readers. Contract:
// a refusal is kBadRequest with the documented keys; every cell is text (or empty) and valid
// UTF-8 (GB18030 files are converted); the table written back as RFC 4180 CSV reads back equal
// (when the delimiter guess on the first line picks the comma again); fuzz/cell_checks.h.
#include <algorithm>
#include <cstdint>
#include <string>

#include "core/json.h"
#include "core/tables/table.h"
#include "fuzz/cell_checks.h"

using namespace tianshan;
using namespace tianshan::tables;

namespace {
constexpr const char* kTarget = "csv_fuzz";

std::string WriteCsv(const Table& t) {
  std::string out;
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      std::string q;
      for (char c : row[i].text) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += row[i].text.empty() ? std::string() : "\"" + q + "\"";
    }
    out += '\n';
  }
  return out;
}

bool CommaWins(const std::string& csv) {
  std::string first = csv.substr(0, csv.find('\n'));
  size_t commas = std::count(first.begin(), first.end(), ',');
  return commas >= size_t(std::count(first.begin(), first.end(), ';')) &&
         commas >= size_t(std::count(first.begin(), first.end(), '\t'));
}

bool Equal(const Table& a, const Table& b) {
  if (a.rows.size() != b.rows.size()) return false;
  for (size_t r = 0; r < a.rows.size(); ++r) {
    if (a.rows[r].size() != b.rows[r].size()) return false;
    for (size_t c = 0; c < a.rows[r].size(); ++c) {
      if (a.rows[r][c].kind != b.rows[r][c].kind || a.rows[r][c].text != b.rows[r][c].text) return false;
    }
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto table = ReadCsv(bytes);
  if (bytes.rfind("PK\x03\x04", 0) != 0) {
    auto same = ReadTable(bytes);
    FUZZ_CHECK(kTarget, same.ok() == table.ok(), bytes);
  }
  if (!table.ok()) {
    FUZZ_CHECK(kTarget, table.status().code() == StatusCode::kBadRequest, bytes);
    FUZZ_CHECK(kTarget,
               table.status().message() == "import.bad_encoding" ||
                   table.status().message() == "import.csv_unterminated_quote",
               table.status().message());
    return 0;
  }
  for (const auto& row : table->rows) {
    for (const auto& cell : row) {
      FUZZ_CHECK(kTarget, cell.kind == CellKind::kText || cell.kind == CellKind::kEmpty, cell.text);
      FUZZ_CHECK(kTarget, (cell.kind == CellKind::kEmpty) == cell.text.empty(), cell.text);
      FUZZ_CHECK(kTarget, IsValidUtf8(cell.text), cell.text);
    }
  }
  std::string csv = WriteCsv(*table);
  if (CommaWins(csv) && csv.rfind("\xEF\xBB\xBF", 0) != 0) {
    auto again = ReadCsv(csv);
    FUZZ_CHECK(kTarget, again.ok() && Equal(*again, *table), csv);
  }
  fuzz::CheckTable(kTarget, *table);
  return 0;
}
