#pragma once
// Reading the meaning out of spreadsheet cells. No I/O, no domain: modules' sheets (kit/sheet.h)
// build their rows from these.
//
// Users' files are messy: Excel stores identity numbers, phones and dates as numbers, people
// type dates as "1990/1/2" or "1990年1月2日", and cells carry stray spaces. Each function here
// accepts every form whose meaning is clear and otherwise returns a CellProblem naming a
// message key ("cell.*", core/messages.cc, or the key a caller passes) that says precisely what
// is wrong, so that the import report can tell the user how to fix the cell. An empty cell is
// never a problem here: it gives nullopt (required columns are checked by the row readers).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/tables/table.h"

namespace tianshan::tables {

// A cell that cannot be read: a message key and the parameter for its "{}".
struct CellProblem {
  std::string message;
  std::string param;
};

template <typename T>
using CellResult = std::variant<T, CellProblem>;

// Trimmed text of any cell (ASCII and full-width spaces, non-breaking spaces); numbers give
// their integral digits ("13812345678") or decimal text; dates "YYYY-MM-DD".
std::string CellText(const Cell& cell);

// Plain text; nullopt when empty.
std::optional<std::string> TextValue(const Cell& cell);

// An 18-character identity number: spaces removed, trailing x upper-cased. A number cell of 16
// or more digits is "cell.identity_as_number": Excel keeps 15 significant digits and a
// double 17, so the last digits of an 18-digit number cannot be trusted (the reader gives only
// the double, not the file's own digits). Scientific text ("6.50102E+17", as a CSV saved by
// Excel writes it) is the same problem.
// Checksums are left to the caller (the people rules).
CellResult<std::optional<std::string>> IdentityValue(const Cell& cell);

// A mainland mobile number: spaces, dashes, dots, brackets and a +86 / 0086 prefix removed.
// Returns the cleaned digits (validated later by the people rules).
CellResult<std::optional<std::string>> MobileValue(const Cell& cell);

// An organization's contact phone: a mobile as in MobileValue, or a landline "0990-6888888"
// (spaces removed; "(0990)6888888" and "0990 6888888" become "0990-6888888").
CellResult<std::optional<std::string>> ContactPhoneValue(const Cell& cell);

// A date as "YYYY-MM-DD" from a real Excel date, an Excel serial number, "1990-1-2",
// "1990/1/2", "1990.01.02", "1990年1月2日", "19900102" (text or number) or a date-time text whose
// time part is ignored. A shape that is not a date, or a day that does not exist, is
// "cell.bad_date" with the cell's text.
CellResult<std::optional<std::string>> DateValue(const Cell& cell);

// A value of a closed list: the cell's text reduced (spaces and the characters of `ignore`
// removed, ASCII lower-cased) and looked up in `accepted`, whose
// keys are written reduced ("男", "male", "workingcommittee"). An unknown value is the problem
// `problem` with the cell's text.
CellResult<std::optional<std::string>> ChoiceValue(const Cell& cell,
                                                   const std::map<std::string, std::string, std::less<>>& accepted,
                                                   std::string_view problem, std::string_view ignore = {});

// Spreadsheet column letters: 0 → "A", 25 → "Z", 26 → "AA".
std::string ColumnLetter(size_t index);

// A header cell reduced for matching: trimmed, a leading "*" (required marker) dropped,
// anything from "(", "（" or a line break on dropped (format hints), ASCII lower-cased, spaces
// and underscores removed. "*出生日期（1990-01-02）" → "出生日期"; "Birth date" → "birthdate".
std::string HeaderKey(std::string_view header);

}  // namespace tianshan::tables
