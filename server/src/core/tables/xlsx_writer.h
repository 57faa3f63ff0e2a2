#pragma once
// Writes a one-sheet .xlsx (libxlsxwriter) for exports and import templates: a bold, frozen
// header row; text cells stored as text (so identity numbers keep every digit); numbers as
// numbers; dates (YYYY-MM-DD text in a kDate cell) as real Excel dates.

#include <string>
#include <vector>

#include "core/result.h"
#include "core/tables/table.h"

namespace tianshan::tables {

struct XlsxSheet {
  std::string name = "Sheet1";
  std::vector<std::string> header;
  std::vector<double> column_widths;  // optional, in characters
  std::vector<std::vector<Cell>> rows;
};

// The file's bytes. Uses a temporary file internally (libxlsxwriter writes to a path).
Result<std::string> WriteXlsx(const XlsxSheet& sheet);

inline Cell TextCell(std::string s) { return {s.empty() ? CellKind::kEmpty : CellKind::kText, std::move(s), 0}; }
inline Cell NumberCell(double v) { return {CellKind::kNumber, "", v}; }
inline Cell DateCell(std::string yyyy_mm_dd) { return {CellKind::kDate, std::move(yyyy_mm_dd), 0}; }

}  // namespace tianshan::tables
