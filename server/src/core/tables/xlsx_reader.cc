#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include "core/tables/table.h"

namespace tianshan::tables {
namespace {

// The largest entry read, uncompressed: the size a zip declares is allocated before reading,
// so a small upload could otherwise ask for gigabytes (a zip bomb, or a header that lies).
// Sheets of the largest imports (32 MB uploads) uncompress to well under this.
constexpr zip_uint64_t kMaxEntryBytes = 256u << 20;

Result<std::string> ReadEntry(zip_t* zip, const char* name, bool required) {
  zip_stat_t st;
  if (zip_stat(zip, name, 0, &st) != 0) {
    if (required) return Status::BadRequest("import.bad_xlsx");
    return std::string();
  }
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxEntryBytes) return Status::BadRequest("import.xlsx_too_large");
  zip_file_t* f = zip_fopen(zip, name, 0);
  if (f == nullptr) return Status::BadRequest("import.bad_xlsx");
  std::string out(st.size, '\0');
  zip_int64_t n = zip_fread(f, out.data(), st.size);
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return Status::BadRequest("import.bad_xlsx");
  return out;
}

// Runs expat over `xml` with start/end/text callbacks.
struct XmlHandlers {
  std::function<void(const char*, const char**)> start;
  std::function<void(const char*)> end;
  std::function<void(const char*, int)> text;
};

bool ParseXml(const std::string& xml, XmlHandlers& h) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &h);
  XML_SetElementHandler(
      p, [](void* u, const char* n, const char** a) { static_cast<XmlHandlers*>(u)->start(n, a); },
      [](void* u, const char* n) { static_cast<XmlHandlers*>(u)->end(n); });
  XML_SetCharacterDataHandler(p, [](void* u, const char* s, int len) { static_cast<XmlHandlers*>(u)->text(s, len); });
  bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) != XML_STATUS_ERROR;
  XML_ParserFree(p);
  return ok;
}

const char* Attr(const char** attrs, const char* name) {
  for (int i = 0; attrs[i]; i += 2) {
    if (std::strcmp(attrs[i], name) == 0) return attrs[i + 1];
  }
  return nullptr;
}

// Element names may carry a namespace prefix ("x:c"); compare the local part.
bool Is(const char* name, const char* local) {
  const char* colon = std::strrchr(name, ':');
  return std::strcmp(colon ? colon + 1 : name, local) == 0;
}

// Excel's limits: 1,048,576 rows and 16,384 columns (XFD). A reference beyond them, or a
// number too long for an int, is no cell of ours (-1) rather than an overflow.
constexpr int kMaxRows = 1'048'576;
constexpr int kMaxColumns = 16'384;
constexpr int kMaxColumnLetters = 3;

// Column index from a cell reference like "AB12" (0-based), -1 when it has no or too many letters.
int ColumnOf(const char* ref) {
  int col = 0, letters = 0;
  for (; *ref && std::isalpha(static_cast<unsigned char>(*ref)); ++ref) {
    if (++letters > kMaxColumnLetters) return -1;
    col = col * 26 + (std::toupper(*ref) - 'A' + 1);
  }
  return col - 1;
}

// A 1-based row number ("12") as a 0-based index, -1 when it is not within 1..kMaxRows.
int RowIndex(const char* number) {
  int v = 0;
  auto [end, ec] = std::from_chars(number, number + std::strlen(number), v);
  if (ec != std::errc() || v < 1 || v > kMaxRows) return -1;
  return v - 1;
}

int RowOf(const char* ref) {
  while (*ref && std::isalpha(static_cast<unsigned char>(*ref))) ++ref;
  return RowIndex(ref);
}

bool IsDateFormat(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  if (code.empty()) return false;
  // A custom format is a date when it has date letters outside quotes and brackets.
  bool in_quote = false, in_bracket = false;
  for (char c : code) {
    if (c == '"')
      in_quote = !in_quote;
    else if (c == '[')
      in_bracket = true;
    else if (c == ']')
      in_bracket = false;
    else if (!in_quote && !in_bracket && std::strchr("dmyDMY", c))
      return true;
  }
  return false;
}

std::string FormatNumber(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e17) {
    return std::to_string(static_cast<long long>(v));
  }
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

}  // namespace

std::optional<std::string> ExcelSerialToDate(double serial) {
  if (!(serial >= 1 && serial <= 2958465)) return std::nullopt;  // NaN too (a cell may say "nan")
  // Serial 1 is 1900-01-01; Excel counts a non-existent 1900-02-29, so from 61 on subtract one.
  long days = static_cast<long>(std::floor(serial));
  if (days >= 61) --days;
  // Days since 1899-12-31 → civil date (Howard Hinnant's algorithm on days since 1970-01-01).
  long z = days - 25568 + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  return std::string(buf);
}

Result<Table> ReadXlsx(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) return Status::BadRequest("import.bad_xlsx");
  zip_t* zip = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    zip_source_free(src);
    return Status::BadRequest("import.bad_xlsx");
  }
  struct Closer {
    zip_t* z;
    ~Closer() { zip_discard(z); }
  } closer{zip};

  auto shared = ReadEntry(zip, "xl/sharedStrings.xml", false);
  auto styles = ReadEntry(zip, "xl/styles.xml", false);
  auto sheet = ReadEntry(zip, "xl/worksheets/sheet1.xml", true);
  if (!shared.ok() || !styles.ok() || !sheet.ok()) return Status::BadRequest("import.bad_xlsx");

  std::vector<std::string> strings;
  {
    std::string current;
    bool in_t = false;
    XmlHandlers h{[&](const char* n, const char**) {
                    if (Is(n, "si")) current.clear();
                    if (Is(n, "t")) in_t = true;
                  },
                  [&](const char* n) {
                    if (Is(n, "t")) in_t = false;
                    if (Is(n, "si")) strings.push_back(current);
                  },
                  [&](const char* s, int len) {
                    if (in_t) current.append(s, len);
                  }};
    if (!shared->empty() && !ParseXml(*shared, h)) return Status::BadRequest("import.bad_xlsx");
  }
  std::vector<bool> date_style;  // by cellXfs index
  {
    std::map<int, std::string> custom;
    bool in_xfs = false;
    XmlHandlers h{[&](const char* n, const char** a) {
                    if (Is(n, "numFmt")) {
                      const char* id = Attr(a, "numFmtId");
                      const char* code = Attr(a, "formatCode");
                      if (id && code) custom[std::atoi(id)] = code;
                    } else if (Is(n, "cellXfs")) {
                      in_xfs = true;
                    } else if (in_xfs && Is(n, "xf")) {
                      const char* id = Attr(a, "numFmtId");
                      int fmt = id ? std::atoi(id) : 0;
                      date_style.push_back(IsDateFormat(fmt, custom.count(fmt) ? custom[fmt] : ""));
                    }
                  },
                  [&](const char* n) {
                    if (Is(n, "cellXfs")) in_xfs = false;
                  },
                  [](const char*, int) {}};
    if (!styles->empty() && !ParseXml(*styles, h)) return Status::BadRequest("import.bad_xlsx");
  }

  Table table;
  std::string type, value, inline_text;
  int style = 0, row = -1, col = -1;
  bool in_v = false, in_t = false;
  XmlHandlers h{[&](const char* n, const char** a) {
                  if (Is(n, "c")) {
                    const char* r = Attr(a, "r");
                    const char* t = Attr(a, "t");
                    const char* s = Attr(a, "s");
                    type = t ? t : "n";
                    style = s ? std::atoi(s) : 0;
                    if (r) {
                      row = RowOf(r);
                      col = ColumnOf(r);
                    } else {
                      col = std::min(col + 1, kMaxColumns);
                    }
                    value.clear();
                    inline_text.clear();
                  } else if (Is(n, "row")) {
                    const char* r = Attr(a, "r");
                    row = r ? RowIndex(r) : std::min(row + 1, kMaxRows);
                    col = -1;
                  } else if (Is(n, "v")) {
                    in_v = true;
                  } else if (Is(n, "t")) {
                    in_t = true;
                  }
                },
                [&](const char* n) {
                  if (Is(n, "v")) in_v = false;
                  if (Is(n, "t")) in_t = false;
                  if (!Is(n, "c") || row < 0 || col < 0 || row > 1'000'000 || col > 200) return;
                  Cell cell;
                  if (type == "s") {
                    size_t i = static_cast<size_t>(std::atol(value.c_str()));
                    cell.text = i < strings.size() ? strings[i] : "";
                    cell.kind = cell.text.empty() ? CellKind::kEmpty : CellKind::kText;
                  } else if (type == "inlineStr" || type == "str") {
                    cell.text = type == "str" ? value : inline_text;
                    cell.kind = cell.text.empty() ? CellKind::kEmpty : CellKind::kText;
                  } else if (type == "b") {
                    cell.kind = CellKind::kBool;
                    cell.text = value == "1" ? "true" : "false";
                  } else if (!value.empty()) {
                    cell.number = std::strtod(value.c_str(), nullptr);
                    bool is_date = style >= 0 && static_cast<size_t>(style) < date_style.size() && date_style[style];
                    cell.kind = is_date ? CellKind::kDate : CellKind::kNumber;
                    cell.text = is_date ? ExcelSerialToDate(cell.number).value_or(value) : FormatNumber(cell.number);
                  }
                  if (cell.kind == CellKind::kEmpty) return;
                  if (table.rows.size() <= static_cast<size_t>(row)) table.rows.resize(row + 1);
                  auto& cells = table.rows[row];
                  if (cells.size() <= static_cast<size_t>(col)) cells.resize(col + 1);
                  cells[col] = std::move(cell);
                },
                [&](const char* s, int len) {
                  if (in_v) value.append(s, len);
                  if (in_t) inline_text.append(s, len);
                }};
  if (!ParseXml(*sheet, h)) return Status::BadRequest("import.bad_xlsx");
  return table;
}

Result<Table> ReadTable(const std::string& bytes) {
  if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) return ReadXlsx(bytes);
  return ReadCsv(bytes);
}

}  // namespace tianshan::tables
