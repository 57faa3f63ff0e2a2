// libFuzzer target for .xlsx import (core/tables/table.h ReadXlsx through ReadTable, libzip +
// expat), and every cell through the cell readers. Two kinds of input, by the first byte:
//   odd:  the rest is the whole uploaded file (zip structure, entry sizes, compression);
//   even: the rest is the worksheet XML, then optionally "\n====\n" and the shared strings,
//         then "\n====\n" and the styles, zipped here into a well-formed workbook so that the
//         XML readers are reached on every run.
// Contract: a refusal is kBadRequest "import.bad_xlsx"; an accepted workbook's cells have a
// known kind, text for text cells, a date for date cells ("YYYY-MM-DD" or the raw value when it
// is not a date), a number's text for numbers; no declared entry size makes the reader allocate
// more than the input can hold; fuzz/cell_checks.h.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/tables/table.h"
#include "core/tables/zip_test_support.h"
#include "fuzz/cell_checks.h"

using namespace tianshan;
using namespace tianshan::tables;

namespace {
constexpr const char* kTarget = "xlsx_fuzz";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string file;
  if (data[0] & 1) {
    file = std::string(rest);
  } else {
    std::vector<std::string> parts;
    for (size_t at; (at = rest.find("\n====\n")) != std::string_view::npos && parts.size() < 2;) {
      parts.emplace_back(rest.substr(0, at));
      rest.remove_prefix(at + 6);
    }
    parts.emplace_back(rest);
    std::vector<std::pair<std::string, std::string>> entries{{"xl/worksheets/sheet1.xml", parts[0]}};
    if (parts.size() > 1) entries.emplace_back("xl/sharedStrings.xml", parts[1]);
    if (parts.size() > 2) entries.emplace_back("xl/styles.xml", parts[2]);
    file = testing::ZipOf(entries, data[0] & 2);
  }
  auto table = ReadTable(file);
  if (file.rfind("PK\x03\x04", 0) != 0) return 0;  // read as CSV: csv_fuzz's part
  if (!table.ok()) {
    FUZZ_CHECK(kTarget, table.status().code() == StatusCode::kBadRequest, table.status().message());
    FUZZ_CHECK(kTarget, table.status().message() == "import.bad_xlsx", table.status().message());
    return 0;
  }
  for (const auto& row : table->rows) {
    for (const auto& cell : row) {
      switch (cell.kind) {
        case CellKind::kEmpty:
          FUZZ_CHECK(kTarget, cell.text.empty(), cell.text);
          break;
        case CellKind::kText:
          FUZZ_CHECK(kTarget, !cell.text.empty(), cell.text);
          break;
        case CellKind::kBool:
          FUZZ_CHECK(kTarget, cell.text == "true" || cell.text == "false", cell.text);
          break;
        case CellKind::kNumber:
          FUZZ_CHECK(kTarget, !cell.text.empty(), cell.text);
          break;
        case CellKind::kDate: {
          auto date = ExcelSerialToDate(cell.number);
          FUZZ_CHECK(kTarget, !date || cell.text == *date, cell.text);
          break;
        }
      }
    }
  }
  fuzz::CheckTable(kTarget, *table);
  return 0;
}
