#pragma once
// Spreadsheet sheets: what a module declares (ModuleDefinition::sheets) so that the generic
// spreadsheets engine imports and exports its rows without knowing the module.
//
// The engine owns files, templates (built from `columns`), jobs, progress, the dry run, the
// commit, the error report (line, column letter, the file's header text) and the .xlsx of
// exports; it includes no module's headers. The module owns what a row means: its columns, how
// cells become its own create use case's input (core/tables/cell_values.h reads messy cells),
// which organization a row names, and the call of that use case inside the engine's
// transaction, with the caller's grants, audit entries and counters exactly as through the
// API. Each row runs in a SAVEPOINT that the engine rolls back when the row fails; the dry run
// rolls the whole transaction back. For exports the module walks its own list use case page by
// page with the caller's permissions and masking, and hands the engine cells.
//
// Thread safety: definitions are built once at start-up and only read afterwards; the
// functions are called from the engine's worker thread (imports) and HTTP threads (exports).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/caller.h"
#include "core/result.h"
#include "core/tables/cell_values.h"
#include "core/tables/table.h"
#include "http/http_types.h"
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
  std::string example;  // the template's example row (the first column's starts with "示例")
  bool date = false;    // the example is written as a real date
};

// The template's header text of a column: "*" for required, then the name and the hint.
std::string SheetTemplateHeader(const SheetColumn& column);

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
  // The trimmed text of a field; nullopt when empty.
  std::optional<std::string> Text(std::string_view field) const { return tables::TextValue(Get(field)); }

 private:
  int line_;
  std::map<std::string, tables::Cell, std::less<>> cells_;
};

// Collects the problems of one row while a sheet reads it: at most one per field, the first.
class SheetRowErrors {
 public:
  // The value of a cell read by a core/tables/cell_values.h function; a problem is recorded on
  // `field` and gives nullopt.
  std::optional<std::string> Take(std::string_view field, const tables::CellResult<std::optional<std::string>>& r);
  void Add(std::string_view field, std::string message, std::string param = {});
  bool Failed(std::string_view field) const;
  // Adds a use case's field errors, each on the sheet field `field_of` names for it (the same
  // name when `field_of` is empty), for fields without a problem yet.
  void Merge(const std::vector<FieldError>& errors,
             const std::function<std::string(std::string_view)>& field_of = nullptr);
  bool empty() const { return errors_.empty(); }
  std::vector<SheetFieldError> Take() { return std::move(errors_); }

 private:
  std::vector<SheetFieldError> errors_;
};

// Where an import goes, as authorize_import found it for the caller.
struct SheetImportTarget {
  int64_t organization_id = 0;
  std::string organization_path;
  std::string organization_name;
};

// What one run over a file has done so far, so that a row may refer to rows above it (an
// organization's parent) and values that must be unique are checked within the file. The
// engine makes a new one for every run (and for every retry of a run's transaction).
struct SheetImportState {
  // Created by earlier rows, by name (organizations: the parent column may name them).
  std::map<std::string, std::vector<int64_t>, std::less<>> created_by_name;
  // Values that must not repeat within the file ("identity:650…"), with the line that had them.
  std::map<std::string, int, std::less<>> lines_by_key;
  // A sheet's look-ups of existing things by name, kept for the run (rows often repeat names).
  std::map<std::string, std::vector<int64_t>, std::less<>> found_by_name;
};

// What became of one row. A row that failed for a reason of its own carries `errors`; the
// engine reports them (dry run) or fails the import naming the row. Anything else that goes
// wrong (storage, retries) is the failed Result of import_row, which ends the whole run.
struct SheetRowResult {
  std::optional<int64_t> created_id;    // set when the row was imported
  std::vector<SheetFieldError> errors;  // set when it was not
};

// A use case's outcome as a row result. Invalid, Conflict, Forbidden and NotFound belong to the
// row: their field errors go to the sheet fields `field_of` names (the same name when empty);
// a failure without field errors goes to `fallback_field` with its own message. Any other
// failure is returned as is (it ends the run).
Result<SheetRowResult> SheetRowOutcome(const Result<int64_t>& created, std::string_view fallback_field,
                                       const std::function<std::string(std::string_view)>& field_of = nullptr);

// An exported column: its header and width (in characters).
struct SheetExportColumn {
  std::string header;
  double width = 14;
};

// Receives an export's rows, page after page. The engine bounds the file: Row answers 422
// ("spreadsheets.export_too_large") past its limit, and the sheet returns that failure.
class SheetExportSink {
 public:
  virtual ~SheetExportSink() = default;
  // The header, once, before the first row.
  virtual void Columns(std::vector<SheetExportColumn> columns) = 0;
  [[nodiscard]] virtual Status Row(std::vector<tables::Cell> cells) = 0;
};

// Pages a sheet reads from its list use case at a time while exporting.
inline constexpr int kSheetExportPageSize = 200;

// A list a module offers as an .xlsx download (GET `route`, served by the engine).
struct SheetExport {
  std::string route;  // "/api/v1/organizations/{id}/people/export"
  // Reads the request exactly as the list route does (the same 400/404/422), then writes the
  // columns and every row the list shows the caller, masked the same way, walking the list
  // use case page by page (kSheetExportPageSize) with the caller's own permissions.
  std::function<Status(const AppContext&, const http::HttpRequest&, SheetExportSink&)> write;
};

struct SheetDefinition {
  std::string name;      // "people": the ?kind= of imports, the template's path segment
  std::string title_zh;  // "人员": the tab of templates and exports; files are "人员导入模板.xlsx",
                         // "人员名单-2026-05-28.xlsx"
  std::string title_en;
  std::vector<SheetColumn> columns;  // the first column's example starts with "示例"
  // Whether the caller may import into the organization `organization_id` (checked at upload
  // and again, with the committing caller's grants, at commit): NotFound when unseen, Invalid
  // on "organization_id" when archived, Forbidden when the role may not.
  std::function<Result<SheetImportTarget>(storage::Transaction&, const AppContext&, const auth::Actor&,
                                          int64_t organization_id)>
      authorize_import;
  // Reads one row and runs the module's create use case for it inside the engine's
  // transaction (see SheetRowResult for what a failure means).
  std::function<Result<SheetRowResult>(storage::Transaction&, const AppContext&, const auth::Caller&,
                                       const SheetImportTarget&, const SheetRow&, SheetImportState&)>
      import_row;
  // The list this sheet exports, when it has one.
  std::optional<SheetExport> list_export;
};

}  // namespace tianshan
