#include "modules/spreadsheets/download_errors.h"

#include <map>
#include <mutex>

#include "core/tables/xlsx_writer.h"

namespace tianshan::spreadsheets {

Result<ExportFile> DownloadImportErrors(ImportJobs& jobs, const auth::Actor& actor, const std::string& id, Lang lang) {
  auto job = jobs.Find(id, actor.account_id);
  if (!job) return Status::NotFound("spreadsheets.job_not_found");
  tables::XlsxSheet file;
  file.name = job->sheet.title_zh;
  for (const auto& c : job->sheet.columns) {
    file.header.push_back(SheetTemplateHeader(c));
    file.column_widths.push_back(c.width);
  }
  file.header.push_back(kErrorColumnHeader);
  file.column_widths.push_back(40);
  {
    // While validated no task touches the rows, and a commit must take this lock to start one.
    std::lock_guard lock(job->mu);
    if (job->status != JobStatus::kValidated) return Status::Conflict("spreadsheets.not_validated");
    if (job->error_rows == 0) return Status::Conflict("spreadsheets.no_error_rows");
    std::map<int, std::string> problems;  // by line
    for (const auto& e : job->errors) {
      std::string& text = problems[e.line];
      if (!text.empty()) text += "；";
      if (!e.header.empty()) text += e.header + "：";
      text += Translate(lang, e.message, e.param);
    }
    for (size_t i = 0; i < job->rows.size(); ++i) {
      if (i < job->row_valid.size() && job->row_valid[i]) continue;
      const SheetRow& row = job->rows[i];
      std::vector<tables::Cell> cells;
      cells.reserve(file.header.size());
      for (const auto& c : job->sheet.columns) cells.push_back(row.Get(c.field));
      auto found = problems.find(row.line());
      cells.push_back(tables::TextCell(found == problems.end() ? std::string() : found->second));
      file.rows.push_back(std::move(cells));
    }
  }
  TS_ASSIGN_OR_RETURN(std::string bytes, tables::WriteXlsx(file));
  return ExportFile{std::move(bytes), job->sheet.title_zh + "导入错误行.xlsx"};
}

}  // namespace tianshan::spreadsheets
