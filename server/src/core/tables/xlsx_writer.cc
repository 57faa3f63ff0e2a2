#include "core/tables/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.h"

namespace tianshan::tables {

Result<std::string> WriteXlsx(const XlsxSheet& sheet) {
  std::string path = (std::filesystem::temp_directory_path() / ("tianshan-export-" + RandomToken(9) + ".xlsx")).string();
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return Status::Internal("error.internal").WithDetail("cannot create " + path);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  for (size_t c = 0; c < sheet.header.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), bold);
    double width = c < sheet.column_widths.size() ? sheet.column_widths[c] : 16;
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, text);
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const Cell& cell = sheet.rows[r][c];
      auto col = static_cast<lxw_col_t>(c);
      switch (cell.kind) {
        case CellKind::kEmpty: break;
        case CellKind::kNumber: worksheet_write_number(ws, row, col, cell.number, nullptr); break;
        case CellKind::kBool: worksheet_write_boolean(ws, row, col, cell.text == "true", nullptr); break;
        case CellKind::kDate: {
          lxw_datetime dt{};
          if (std::sscanf(cell.text.c_str(), "%d-%d-%d", &dt.year, &dt.month, &dt.day) == 3) {
            worksheet_write_datetime(ws, row, col, &dt, date);
          } else {
            worksheet_write_string(ws, row, col, cell.text.c_str(), text);
          }
          break;
        }
        case CellKind::kText: worksheet_write_string(ws, row, col, cell.text.c_str(), text); break;
      }
    }
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::filesystem::remove(path);
    return Status::Internal("error.internal").WithDetail(std::string("xlsx: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  std::filesystem::remove(path);
  return buf.str();
}

}  // namespace tianshan::tables
