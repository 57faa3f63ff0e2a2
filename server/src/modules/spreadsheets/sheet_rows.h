#pragma once
// The two import shapes (people, organizations): their columns, how a file's header row maps
// onto them, and how one data row becomes a use-case input plus every cell problem of that
// row. No I/O: name look-ups and database checks happen later (run_import.h).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/tables/table.h"
#include "modules/organizations/public/organization.h"
#include "modules/people/create_person.h"

namespace tianshan::spreadsheets {

enum class ImportKind { kPeople, kOrganizations };
std::optional<ImportKind> ParseImportKind(std::string_view s);
std::string_view ImportKindName(ImportKind kind);

struct ColumnSpec {
  std::string field;                 // "identity_number"
  std::string zh;                    // "身份证号码" (the template's header)
  std::string en;                    // "identity_number" (also accepted)
  std::vector<std::string> aliases;  // other accepted headers ("身份证号")
  bool required = false;
  std::string hint;  // shown in the template header: "身份证号码（18位）"
  double width = 14;
};
const std::vector<ColumnSpec>& Columns(ImportKind kind);
// The template's header text of a column: "*" for required, then the name and the hint.
std::string TemplateHeader(const ColumnSpec& column);

// One problem of one row. `column` is the spreadsheet letter ("F") and `header` the file's own
// header text, both empty for a problem of the whole row.
struct RowError {
  int line = 0;
  std::string column;
  std::string header;
  std::string field;
  std::string message;  // message key (messages.cc, or another module's)
  std::string param;
};

// Where each field sits in the file.
class ColumnMap {
 public:
  // Reads the header row; unknown columns are ignored. Missing required columns and columns
  // given twice are reported in `errors` (line `line`).
  static ColumnMap FromHeader(const std::vector<tables::Cell>& header, int line, ImportKind kind,
                              std::vector<RowError>& errors);
  std::optional<size_t> Index(std::string_view field) const;
  const tables::Cell& Get(const std::vector<tables::Cell>& row, std::string_view field) const;
  // An error of `field` on `line`, located at its column.
  RowError Error(int line, std::string_view field, std::string message, std::string param = {}) const;

 private:
  std::map<std::string, size_t, std::less<>> index_;
  std::map<std::string, std::string, std::less<>> headers_;
};

struct PersonRow {
  int line = 0;
  people::CreatePersonInput input;               // organization ids are set once resolved
  std::optional<std::string> organization_name;  // nullopt: the import's target
  std::vector<RowError> errors;
};

struct OrganizationRow {
  int line = 0;
  organizations::OrganizationFields fields;
  std::optional<std::string> parent_name;  // nullopt: the import's target
  std::vector<RowError> errors;
};

// True for a row with no content at all (skipped, never counted).
bool IsBlankRow(const std::vector<tables::Cell>& row);
// True for the template's example row (its first field starts with "示例" or "example").
bool IsExampleRow(const std::vector<tables::Cell>& row, const ColumnMap& columns, ImportKind kind);

PersonRow ReadPersonRow(const std::vector<tables::Cell>& row, int line, const ColumnMap& columns, int64_t now_millis);
OrganizationRow ReadOrganizationRow(const std::vector<tables::Cell>& row, int line, const ColumnMap& columns,
                                    int64_t now_millis);

// The column field that a use case's field error belongs to ("membership.member_since" →
// "member_since", "organization_id" → "organization", "parent_id" → "parent").
std::string ColumnFieldOf(std::string_view use_case_field);

}  // namespace tianshan::spreadsheets
