#pragma once
// A spreadsheet read into memory: rows of cells, each remembering how the file stored it, so
// that importers can accept "messy" cells whose meaning is clear (an identity number stored as a
// number, a date stored as an Excel serial) and name the line and column of every bad one.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace tianshan::tables {

enum class CellKind { kEmpty, kText, kNumber, kDate, kBool };

struct Cell {
  CellKind kind = CellKind::kEmpty;
  std::string text;    // as written for text; the shortest round-trip decimal for numbers
  double number = 0;   // numbers and dates (Excel serial day numbers, 1900 system)
};

struct Table {
  std::vector<std::vector<Cell>> rows;  // rows[0] is usually the header; line = index + 1
};

// Reads the first worksheet of an .xlsx file (libzip + expat). Invalid files: kBadRequest.
Result<Table> ReadXlsx(const std::string& bytes);
// Reads CSV (RFC 4180; comma or semicolon; UTF-8 with or without BOM, or GB18030 as saved by
// Chinese Excel). All cells are text.
Result<Table> ReadCsv(const std::string& bytes);
// Picks the reader by magic bytes (PK.. is xlsx).
Result<Table> ReadTable(const std::string& bytes);

// An Excel serial day (1900 system) as YYYY-MM-DD; nullopt when out of range.
std::optional<std::string> ExcelSerialToDate(double serial);

}  // namespace tianshan::tables
