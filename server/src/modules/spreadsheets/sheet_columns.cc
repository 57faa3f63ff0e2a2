#include "modules/spreadsheets/sheet_columns.h"

#include <cctype>

namespace tianshan::spreadsheets {

ColumnMap ColumnMap::FromHeader(const std::vector<tables::Cell>& header, int line, const SheetDefinition& sheet,
                                std::vector<RowError>& errors) {
  ColumnMap map;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string key = tables::HeaderKey(tables::CellText(header[i]));
    if (key.empty()) continue;
    for (const auto& column : sheet.columns) {
      bool match = key == tables::HeaderKey(column.zh) || key == tables::HeaderKey(column.en);
      for (const auto& a : column.aliases) match = match || key == tables::HeaderKey(a);
      if (!match) continue;
      if (map.index_.count(column.field)) {
        errors.push_back({line, tables::ColumnLetter(i), tables::CellText(header[i]), column.field,
                          "spreadsheets.duplicate_column", column.zh});
      } else {
        map.index_[column.field] = i;
        map.headers_[column.field] = tables::CellText(header[i]);
      }
      break;
    }
  }
  for (const auto& column : sheet.columns) {
    if (column.required && !map.index_.count(column.field)) {
      errors.push_back({line, "", "", column.field, "spreadsheets.missing_column", column.zh});
    }
  }
  return map;
}

std::optional<size_t> ColumnMap::Index(std::string_view field) const {
  auto it = index_.find(field);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

SheetRow ColumnMap::Row(const std::vector<tables::Cell>& cells, int line) const {
  std::map<std::string, tables::Cell, std::less<>> by_field;
  for (const auto& [field, i] : index_) {
    if (i < cells.size()) by_field.emplace(field, cells[i]);
  }
  return SheetRow(line, std::move(by_field));
}

RowError ColumnMap::Error(int line, const SheetFieldError& e) const {
  RowError out{line, "", "", e.field, e.message, e.param};
  if (auto i = Index(e.field)) {
    out.column = tables::ColumnLetter(*i);
    out.header = headers_.find(e.field)->second;
  }
  return out;
}

bool IsBlankRow(const std::vector<tables::Cell>& row) {
  for (const auto& c : row) {
    if (!tables::CellText(c).empty()) return false;
  }
  return true;
}

bool IsExampleRow(const SheetRow& row, const SheetDefinition& sheet) {
  if (sheet.columns.empty()) return false;
  std::string first = tables::CellText(row.Get(sheet.columns.front().field));
  if (first.rfind("示例", 0) == 0) return true;
  for (auto& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return first.rfind("example", 0) == 0;
}

}  // namespace tianshan::spreadsheets
