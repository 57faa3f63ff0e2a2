#pragma once
// The contract of the spreadsheet cell readers (core/tables/cell_values.h), checked on every
// cell a fuzz target produces: a blank cell is never a problem; a problem is one of the
// documented message keys with the cell's text; an accepted date is a real "YYYY-MM-DD"; text
// is trimmed and valid UTF-8 when the file's text was.
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <variant>

#include "core/calendar.h"
#include "core/json.h"
#include "core/tables/cell_values.h"
#include "fuzz/fuzz_check.h"

namespace tianshan::fuzz {

inline void CheckCell(const char* target, const tables::Cell& cell) {
  using namespace tianshan::tables;
  static const std::map<std::string, std::string, std::less<>> kChoices{{"男", "male"}, {"female", "female"}};
  static const std::set<std::string> kProblems{"cell.identity_as_number", "cell.phone_as_number", "cell.bad_date",
                                               "fuzz.unknown"};
  std::string text = CellText(cell);
  const bool blank = text.empty();
  for (char c : {' ', '\t', '\r', '\n'}) {
    FUZZ_CHECK(target, blank || (text.front() != c && text.back() != c), text);
  }
  if (IsValidUtf8(cell.text)) FUZZ_CHECK(target, IsValidUtf8(text), text);
  FUZZ_CHECK(target, TextValue(cell).has_value() == !blank, text);
  auto check = [&](const CellResult<std::optional<std::string>>& r) {
    if (const auto* p = std::get_if<CellProblem>(&r)) {
      FUZZ_CHECK(target, !blank, text);
      FUZZ_CHECK(target, kProblems.count(p->message) == 1, p->message);
      return std::optional<std::string>();
    }
    const auto& v = std::get<std::optional<std::string>>(r);
    if (blank) FUZZ_CHECK(target, !v.has_value(), text);
    return v;
  };
  (void)check(IdentityValue(cell));
  (void)check(MobileValue(cell));
  (void)check(ContactPhoneValue(cell));
  (void)check(ChoiceValue(cell, kChoices, "fuzz.unknown", "-"));
  if (auto date = check(DateValue(cell))) {
    FUZZ_CHECK(target, date->size() == 10 && IsValidDate(*date), *date);
  }
  std::string key = HeaderKey(cell.text);
  FUZZ_CHECK(target, key.find(' ') == std::string::npos && key.find('(') == std::string::npos, key);
}

inline void CheckTable(const char* target, const tables::Table& table) {
  size_t cells = 0;
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (++cells > 4096) return;  // enough for one input
      CheckCell(target, row[c]);
      if (c < 4) {
        std::string letter = tables::ColumnLetter(c);
        FUZZ_CHECK(target,
                   !letter.empty() && letter.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos,
                   letter);
      }
    }
  }
}

}  // namespace tianshan::fuzz
