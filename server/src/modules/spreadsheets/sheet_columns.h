#pragma once
// How a file's header row maps onto a sheet's columns (kit/sheet.h), and where each row
// problem sits in the file. No I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/tables/table.h"
#include "kit/sheet.h"

namespace tianshan::spreadsheets {

// One problem of one row. `column` is the spreadsheet letter ("F") and `header` the file's own
// header text, both empty for a problem of the whole row.
struct RowError {
  int line = 0;
  std::string column;
  std::string header;
  std::string field;
  std::string message;  // message key (this module's, core's or the sheet's module's)
  std::string param;
};

// Where each field of a sheet sits in the file.
class ColumnMap {
 public:
  // Reads the header row: a cell matches a column by its Chinese name, English field name or an
  // alias (tables::HeaderKey: "*" and format hints ignored); unknown columns are ignored.
  // Missing required columns and columns given twice are reported in `errors` (line `line`).
  static ColumnMap FromHeader(const std::vector<tables::Cell>& header, int line, const SheetDefinition& sheet,
                              std::vector<RowError>& errors);
  std::optional<size_t> Index(std::string_view field) const;
  // The row's cells by field, for the sheet.
  SheetRow Row(const std::vector<tables::Cell>& cells, int line) const;
  // The sheet's problem on `line`, located at its field's column.
  RowError Error(int line, const SheetFieldError& e) const;

 private:
  std::map<std::string, size_t, std::less<>> index_;
  std::map<std::string, std::string, std::less<>> headers_;
};

// True for a row with no content at all (skipped, never counted).
bool IsBlankRow(const std::vector<tables::Cell>& row);
// True for the template's example row: its first column's text starts with "示例" or "example".
bool IsExampleRow(const SheetRow& row, const SheetDefinition& sheet);

}  // namespace tianshan::spreadsheets
