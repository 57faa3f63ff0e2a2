#pragma once
// Spreadsheet sheets: what a module declares (ModuleDefinition::sheets) so that the generic
// spreadsheets engine imports and exports its rows without knowing the module.
//
// The engine owns files, templates, jobs, progress, the dry run and the error report; the
// module owns what a row means: its columns, how cells become its own create use case's input,
// and the call of that use case inside the engine's transaction, with the caller's grants,
// audit entries and counters exactly as through the API. Each row runs in a SAVEPOINT that the
// engine rolls back when the row fails; the dry run rolls the whole transaction back.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/caller.h"
#include "core/result.h"
#include "core/tables/table.h"
#include "storage/database.h"

namespace tianshan {

struct AppContext;

struct SheetColumn {
  std::string field;                 // "identity_number"
  std::string zh;                    // "身份证号码" (the template's header)
  std::string en;                    // "identity_number" (also accepted as a header)
  std::vector<std::string> aliases;  // other accepted headers ("身份证号")
  bool required = false;
  std::string hint;  // shown in the template header: "身份证号码（18位）"
  double width = 14;
  std::string example;  // the template's example row ("示例…" in the first column)
};

// One problem of one row: the field it belongs to (empty for the whole row), a message key
// and its parameter. The engine adds the line, the column letter and the file's header text.
struct SheetFieldError {
  std::string field;
  std::string message;
  std::string param;
};

// One data row, cells by field (after the header mapping); a field the file lacks reads empty.
class SheetRow {
 public:
  SheetRow(int line, std::map<std::string, tables::Cell, std::less<>> cells) : line_(line), cells_(std::move(cells)) {}
  int line() const { return line_; }
  const tables::Cell& Get(std::string_view field) const;

 private:
  int line_;
  std::map<std::string, tables::Cell, std::less<>> cells_;
};

// Where an import goes, and what earlier rows of the same file created (by name), so that a
// row may refer to one above it (an organization's parent).
struct SheetImportTarget {
  int64_t organization_id = 0;
  std::string organization_path;
};
struct SheetImportState {
  std::map<std::string, int64_t, std::less<>> created_by_name;
};

struct SheetRowResult {
  std::optional<int64_t> created_id;    // set when the row was imported
  std::vector<SheetFieldError> errors;  // set when it was not
};

struct SheetDefinition {
  std::string name;  // "people": the ?kind= of imports and exports, the template's file name
  std::string title_zh;
  std::string title_en;
  std::vector<SheetColumn> columns;
  // Whether the caller may import into the organization `organization_id` (checked at upload
  // and again at commit): NotFound when unseen, Forbidden when the role may not.
  std::function<Result<SheetImportTarget>(storage::Transaction&, const AppContext&, const auth::Actor&,
                                          int64_t organization_id)>
      authorize_import;
  // Imports one row inside the engine's transaction.
  std::function<SheetRowResult(storage::Transaction&, const AppContext&, const auth::Caller&, const SheetImportTarget&,
                               const SheetRow&, SheetImportState&)>
      import_row;
};

}  // namespace tianshan
