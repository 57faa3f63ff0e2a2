#pragma once
// A spreadsheet produced for download, and the bound every export obeys.

#include <cstddef>
#include <string>

namespace tianshan::spreadsheets {

// Exports walk the list use cases page by page; beyond this many rows they answer 422
// ("spreadsheets.export_too_large") and the caller narrows the list with filters.
inline constexpr size_t kMaxExportRows = 100000;

inline constexpr const char* kXlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct ExportFile {
  std::string bytes;
  std::string file_name;  // UTF-8, e.g. "人员名单-2026-05-28.xlsx"
};

}  // namespace tianshan::spreadsheets
