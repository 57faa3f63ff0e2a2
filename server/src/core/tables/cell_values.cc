#include "core/tables/cell_values.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

namespace tianshan::tables {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool AllDigits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit); }

// Length of a space-like sequence at the start of `s`: ASCII whitespace, U+00A0, U+3000,
// U+200B and a BOM.
size_t SpaceAt(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
  if (s.substr(0, 2) == "\xC2\xA0") return 2;
  if (s.substr(0, 3) == "\xE3\x80\x80" || s.substr(0, 3) == "\xE2\x80\x8B" || s.substr(0, 3) == "\xEF\xBB\xBF")
    return 3;
  return 0;
}

std::string Trim(std::string_view s) {
  while (size_t n = SpaceAt(s)) s.remove_prefix(n);
  // Trailing: check the last 1..3 bytes.
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (size_t n : {size_t{1}, size_t{2}, size_t{3}}) {
      if (s.size() >= n && SpaceAt(s.substr(s.size() - n)) == n) {
        s.remove_suffix(n);
        again = true;
        break;
      }
    }
  }
  return std::string(s);
}

// Removes every space-like sequence and the given ASCII separators.
std::string Squeeze(std::string_view s, std::string_view separators) {
  std::string out;
  while (!s.empty()) {
    if (size_t n = SpaceAt(s)) {
      s.remove_prefix(n);
    } else if (separators.find(s[0]) != std::string_view::npos) {
      s.remove_prefix(1);
    } else {
      out += s[0];
      s.remove_prefix(1);
    }
  }
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Replaces full-width digits and common full-width punctuation by their ASCII forms.
std::string Halfwidth(std::string_view s) {
  static const std::vector<std::pair<std::string_view, char>> kMap = {
      {"\xEF\xBC\x8D", '-'}, {"\xEF\xBC\x8F", '/'}, {"\xEF\xBC\x8E", '.'}, {"\xEF\xBC\x88", '('},
      {"\xEF\xBC\x89", ')'}, {"\xEF\xBC\x8B", '+'}, {"\xEF\xBC\xB8", 'X'}, {"\xEF\xBD\x98", 'x'}};
  std::string out;
  while (!s.empty()) {
    // Full-width digits U+FF10..U+FF19 are EF BC 90..99.
    if (s.size() >= 3 && s.substr(0, 2) == "\xEF\xBC" && static_cast<unsigned char>(s[2]) >= 0x90 &&
        static_cast<unsigned char>(s[2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(s[2]) - 0x90));
      s.remove_prefix(3);
      continue;
    }
    bool mapped = false;
    for (const auto& [from, to] : kMap) {
      if (s.substr(0, from.size()) == from) {
        out += to;
        s.remove_prefix(from.size());
        mapped = true;
        break;
      }
    }
    if (!mapped) {
      out += s[0];
      s.remove_prefix(1);
    }
  }
  return out;
}

std::optional<std::string> YearMonthDay(int y, int m, int d) {
  if (y < 1000 || y > 9999) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (m < 1 || d < 1 || !ymd.ok()) return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

// "19900102" → 1990-01-02.
std::optional<std::string> CompactDate(std::string_view s) {
  if (s.size() != 8 || !AllDigits(s)) return std::nullopt;
  auto num = [&](size_t at, size_t len) { return std::stoi(std::string(s.substr(at, len))); };
  return YearMonthDay(num(0, 4), num(4, 2), num(6, 2));
}

// "1990-1-2", "1990/01/02", "1990.1.2", "1990年1月2日", optionally followed by a time.
std::optional<std::string> SeparatedDate(std::string_view s) {
  std::vector<std::string> groups;
  std::string current;
  size_t i = 0;
  auto flush = [&] {
    if (!current.empty()) groups.push_back(current);
    current.clear();
  };
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (IsDigit(c)) {
      current += c;
      continue;
    }
    if (c == '-' || c == '/' || c == '.') {
      if (current.empty()) return std::nullopt;
      flush();
      continue;
    }
    if (s.substr(i, 3) == "年" || s.substr(i, 3) == "月" || s.substr(i, 3) == "日") {
      if (current.empty()) return std::nullopt;
      flush();
      i += 2;
      continue;
    }
    if (c == ' ' || c == 'T') break;  // a time part follows
    return std::nullopt;
  }
  flush();
  if (groups.size() != 3 || groups[0].size() != 4 || groups[1].size() > 2 || groups[2].size() > 2) {
    return std::nullopt;
  }
  // A time part must look like one ("00:00:00"), so "1990-1-2 abc" stays an error.
  if (i < s.size()) {
    std::string_view rest = s.substr(i + 1);
    if (rest.empty() || rest.find_first_not_of("0123456789:.") != std::string_view::npos) return std::nullopt;
  }
  return YearMonthDay(std::stoi(groups[0]), std::stoi(groups[1]), std::stoi(groups[2]));
}

bool LooksScientific(std::string_view s) {
  size_t e = s.find_first_of("eE");
  if (e == std::string_view::npos || e == 0) return false;
  std::string_view mantissa = s.substr(0, e), exponent = s.substr(e + 1);
  if (!exponent.empty() && exponent[0] == '+') exponent.remove_prefix(1);
  if (!AllDigits(exponent)) return false;
  return mantissa.find_first_not_of("0123456789.") == std::string_view::npos;
}

}  // namespace

std::string CellText(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::kEmpty:
      return "";
    case CellKind::kNumber:
      if (cell.text.empty()) {  // built in memory rather than read from a file
        if (std::floor(cell.number) == cell.number && std::fabs(cell.number) < 1e17) {
          return std::to_string(static_cast<long long>(cell.number));
        }
        char buf[64];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, cell.number);
        return std::string(buf, end);
      }
      return Trim(cell.text);
    case CellKind::kDate:
    case CellKind::kBool:
    case CellKind::kText:
      return Trim(cell.text);
  }
  return "";
}

std::optional<std::string> TextValue(const Cell& cell) {
  std::string t = CellText(cell);
  if (t.empty()) return std::nullopt;
  return t;
}

CellResult<std::optional<std::string>> IdentityValue(const Cell& cell) {
  std::string text = Halfwidth(CellText(cell));
  if (text.empty()) return std::optional<std::string>();
  if (LooksScientific(text)) return CellProblem{"cell.identity_as_number", text};
  // A double holds at most 17 significant digits and Excel keeps 15, so an identity number
  // stored as a number has lost its last digits even when the cell shows 18 of them
  // ("650102199001011000"); a checksum that happens to hold proves nothing (1 in 11).
  if (cell.kind == CellKind::kNumber && cell.number >= 1e15) {
    return CellProblem{"cell.identity_as_number", text};
  }
  std::string id = Squeeze(text, "-");
  if (!id.empty() && id.back() == 'x') id.back() = 'X';
  return std::optional<std::string>(id);
}

CellResult<std::optional<std::string>> MobileValue(const Cell& cell) {
  std::string text = Halfwidth(CellText(cell));
  if (text.empty()) return std::optional<std::string>();
  if (LooksScientific(text)) return CellProblem{"cell.phone_as_number", text};
  std::string digits = Squeeze(text, "-.()");
  if (digits.rfind("+86", 0) == 0) {
    digits.erase(0, 3);
  } else if (digits.rfind("0086", 0) == 0) {
    digits.erase(0, 4);
  } else if (digits.size() == 13 && digits.rfind("861", 0) == 0) {
    digits.erase(0, 2);
  }
  return std::optional<std::string>(digits);
}

CellResult<std::optional<std::string>> ContactPhoneValue(const Cell& cell) {
  auto mobile = MobileValue(cell);
  if (std::holds_alternative<CellProblem>(mobile)) return mobile;
  const auto& m = std::get<std::optional<std::string>>(mobile);
  if (!m || (m->size() == 11 && (*m)[0] == '1' && AllDigits(*m))) return mobile;
  // A landline: an area code starting with 0 and a local number, in any common notation.
  std::string text = Halfwidth(CellText(cell));
  std::vector<std::string> groups;
  std::string current;
  for (char c : text) {
    if (IsDigit(c)) {
      current += c;
    } else if (!current.empty()) {
      groups.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) groups.push_back(current);
  if (groups.size() == 2 && groups[0][0] == '0') return std::optional<std::string>(groups[0] + "-" + groups[1]);
  return std::optional<std::string>(Squeeze(text, ""));
}

CellResult<std::optional<std::string>> DateValue(const Cell& cell) {
  std::string text = Halfwidth(CellText(cell));
  if (text.empty()) return std::optional<std::string>();
  std::optional<std::string> out;
  if (cell.kind == CellKind::kNumber && std::floor(cell.number) == cell.number) {
    if (cell.number >= 10000101 && cell.number <= 99991231) {
      out = CompactDate(text);
    } else if (cell.number >= 1 && cell.number < 2958466) {
      out = ExcelSerialToDate(cell.number);
    }
  } else if (AllDigits(text)) {
    out = CompactDate(text);
  } else {
    out = SeparatedDate(text);
  }
  if (!out) return CellProblem{"cell.bad_date", text};
  return out;
}

CellResult<std::optional<std::string>> ChoiceValue(const Cell& cell,
                                                   const std::map<std::string, std::string, std::less<>>& accepted,
                                                   std::string_view problem, std::string_view ignore) {
  std::string text = CellText(cell);
  if (text.empty()) return std::optional<std::string>();
  auto it = accepted.find(Lower(Squeeze(text, ignore)));
  if (it == accepted.end()) return CellProblem{std::string(problem), text};
  return std::optional<std::string>(it->second);
}

std::string ColumnLetter(size_t index) {
  std::string out;
  size_t n = index + 1;
  while (n > 0) {
    size_t rem = (n - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return out;
}

std::string HeaderKey(std::string_view header) {
  std::string h = Trim(header);
  std::string_view v = h;
  while (!v.empty() && (v[0] == '*' || v.substr(0, 3) == "\xEF\xBC\x8A")) v.remove_prefix(v[0] == '*' ? 1 : 3);
  size_t cut = std::min({v.find('('), v.find("（"), v.find('\n'), v.find('\r')});
  if (cut != std::string_view::npos) v = v.substr(0, cut);
  return Lower(Squeeze(v, "_-"));
}

}  // namespace tianshan::tables
