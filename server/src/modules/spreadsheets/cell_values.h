#pragma once
// Reading the meaning out of spreadsheet cells. No I/O.
//
// Users' files are messy: Excel stores identity numbers, phones and dates as numbers, people
// type dates as "1990/1/2" or "1990年1月2日", and cells carry stray spaces. Each function here
// accepts every form whose meaning is clear and otherwise returns a CellProblem naming a
// message key (messages.cc) that says precisely what is wrong, so that the import report can
// tell the user how to fix the cell. An empty cell is never a problem here: it gives nullopt
// (required columns are checked by the row readers).

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/tables/table.h"

namespace tianshan::spreadsheets {

// A cell that cannot be read: a message key and the parameter for its "{}".
struct CellProblem {
  std::string message;
  std::string param;
};

template <typename T>
using CellResult = std::variant<T, CellProblem>;

// Trimmed text of any cell (ASCII and full-width spaces, non-breaking spaces); numbers give
// their integral digits ("13812345678") or decimal text; dates "YYYY-MM-DD".
std::string CellText(const tables::Cell& cell);

// Plain text; nullopt when empty.
std::optional<std::string> TextValue(const tables::Cell& cell);

// An 18-character identity number: spaces removed, trailing x upper-cased. A number cell of 16
// or more digits is "spreadsheets.identity_as_number": Excel keeps 15 significant digits and a
// double 17, so the last digits of an 18-digit number cannot be trusted (the reader gives only
// the double, not the file's own digits). Scientific text ("6.50102E+17", as a CSV saved by
// Excel writes it) is the same problem.
// Checksums are left to people::CollectPersonErrors.
CellResult<std::optional<std::string>> IdentityValue(const tables::Cell& cell);

// A mainland mobile number: spaces, dashes, dots, brackets and a +86 / 0086 prefix removed.
// Returns the cleaned digits (validated later by the people rules).
CellResult<std::optional<std::string>> MobileValue(const tables::Cell& cell);

// An organization's contact phone: a mobile as in MobileValue, or a landline "0990-6888888"
// (spaces removed; "(0990)6888888" and "0990 6888888" become "0990-6888888").
CellResult<std::optional<std::string>> ContactPhoneValue(const tables::Cell& cell);

// A date as "YYYY-MM-DD" from a real Excel date, an Excel serial number, "1990-1-2",
// "1990/1/2", "1990.01.02", "1990年1月2日", "19900102" (text or number) or a date-time text whose
// time part is ignored. A shape that is not a date, or a day that does not exist, is
// "spreadsheets.bad_date" with the cell's text.
CellResult<std::optional<std::string>> DateValue(const tables::Cell& cell);

// 男/女/男性/女性/male/female/M/F (any case) → "male" / "female".
CellResult<std::optional<std::string>> GenderValue(const tables::Cell& cell);

// 团员/member → "member"; 青年/非团员/youth → "youth".
CellResult<std::optional<std::string>> PersonKindValue(const tables::Cell& cell);

// 团委/团工委/团总支/团支部 or the English codes (committee, working_committee, ...).
CellResult<std::optional<std::string>> OrganizationKindValue(const tables::Cell& cell);

// 机关/街道/社区/学校/非公企业/园区/社会组织/其他 (and a few synonyms) or the English codes.
CellResult<std::optional<std::string>> SettingValue(const tables::Cell& cell);

// Chinese labels for exports and templates.
std::string GenderLabel(std::string_view gender);
std::string PersonKindLabel(bool is_member);
std::string OrganizationKindLabel(std::string_view kind);
std::string SettingLabel(std::string_view setting);

// Spreadsheet column letters: 0 → "A", 25 → "Z", 26 → "AA".
std::string ColumnLetter(size_t index);

// A header cell reduced for matching: trimmed, a leading "*" (required marker) dropped,
// anything from "(", "（" or a line break on dropped (format hints), ASCII lower-cased, spaces
// and underscores removed. "*出生日期（1990-01-02）" → "出生日期"; "Birth date" → "birthdate".
std::string HeaderKey(std::string_view header);

}  // namespace tianshan::spreadsheets
