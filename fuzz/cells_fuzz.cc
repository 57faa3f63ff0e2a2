// libFuzzer target for single spreadsheet cells (core/tables/cell_values.h): the first byte
// picks how the file stored the cell (text, number, date, boolean), the rest is its text or, for
// numbers, the double itself (NaN and infinities included, as a broken file may hold them).
// Contract: fuzz/cell_checks.h.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "fuzz/cell_checks.h"

using namespace tianshan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  tables::Cell cell;
  std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 5) {
    case 0:
      cell.kind = tables::CellKind::kText;
      cell.text = rest;
      break;
    case 1:
      cell.kind = tables::CellKind::kNumber;
      if (rest.size() >= 8 && (data[0] & 0x80)) {
        std::memcpy(&cell.number, rest.data(), 8);
      } else {
        cell.number = std::strtod(rest.c_str(), nullptr);
        if (data[0] & 0x40) cell.text = rest;  // as read from a file
      }
      break;
    case 2:
      cell.kind = tables::CellKind::kDate;
      cell.text = rest;
      cell.number = static_cast<double>(size);
      break;
    case 3:
      cell.kind = tables::CellKind::kBool;
      cell.text = rest;
      break;
    default:
      cell.kind = tables::CellKind::kEmpty;
      break;
  }
  fuzz::CheckCell("cells_fuzz", cell);
  return 0;
}
