#include <iconv.h>

#include <algorithm>

#include "core/json.h"
#include "core/tables/table.h"

namespace tianshan::tables {
namespace {

std::optional<std::string> Gb18030ToUtf8(const std::string& in) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) return std::nullopt;
  out.resize(out.size() - dst_left);
  return out;
}

}  // namespace

Result<Table> ReadCsv(const std::string& raw) {
  std::string data = raw;
  if (data.rfind("\xEF\xBB\xBF", 0) == 0) data.erase(0, 3);
  if (!IsValidUtf8(data)) {
    auto converted = Gb18030ToUtf8(data);
    if (!converted) return Status::BadRequest("import.bad_encoding");
    data = std::move(*converted);
  }
  // The delimiter is whichever of ',' ';' '\t' appears most in the first line.
  std::string first = data.substr(0, data.find('\n'));
  char delim = ',';
  size_t best = 0;
  for (char d : {',', ';', '\t'}) {
    size_t n = std::count(first.begin(), first.end(), d);
    if (n > best) best = n, delim = d;
  }
  Table table;
  std::vector<Cell> row;
  std::string field;
  bool quoted = false, field_started = false;
  auto end_field = [&] {
    Cell c;
    c.kind = field.empty() ? CellKind::kEmpty : CellKind::kText;
    c.text = std::move(field);
    row.push_back(std::move(c));
    field.clear();
    field_started = false;
  };
  auto end_row = [&] {
    end_field();
    bool blank = std::all_of(row.begin(), row.end(), [](const Cell& c) { return c.kind == CellKind::kEmpty; });
    table.rows.push_back(blank ? std::vector<Cell>{} : std::move(row));
    row.clear();
  };
  for (size_t i = 0; i < data.size(); ++i) {
    char c = data[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < data.size() && data[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
    } else if (c == delim) {
      end_field();
    } else if (c == '\n') {
      end_row();
    } else if (c != '\r') {
      field += c;
      field_started = true;
    }
  }
  if (quoted) return Status::BadRequest("import.csv_unterminated_quote");
  if (!field.empty() || !row.empty()) end_row();
  return table;
}

}  // namespace tianshan::tables
