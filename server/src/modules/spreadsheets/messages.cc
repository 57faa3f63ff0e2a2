#include "modules/spreadsheets/messages.h"

namespace tianshan::spreadsheets {

std::vector<MessageText> Messages() {
  return {
      {"spreadsheets.duplicate_column", "“{}”列出现了两次", "The column \"{}\" appears twice"},
      {"spreadsheets.missing_column", "缺少必填列“{}”，请对照导入模板",
       "The required column \"{}\" is missing; compare with the template"},
      {"spreadsheets.bad_header", "表头有误，请对照导入模板", "The header row is wrong; compare with the template"},
      {"spreadsheets.empty_upload", "请上传 .xlsx 或 .csv 文件", "Upload an .xlsx or .csv file"},
      {"spreadsheets.unreadable_file", "无法读取该文件，请上传 .xlsx 或 .csv 文件",
       "Cannot read this file; upload an .xlsx or .csv file"},
      {"spreadsheets.no_rows", "文件中没有数据行", "The file has no data rows"},
      {"spreadsheets.too_many_jobs", "您正在进行的导入过多，请等其结束后再上传",
       "You have too many imports running; wait for them to finish"},
      {"spreadsheets.job_not_found", "未找到该导入任务（可能已过期，请重新上传）",
       "No such import (it may have expired; upload the file again)"},
      {"spreadsheets.not_validated", "该导入任务现在不能提交（正在校验、正在导入或已结束）",
       "This import cannot be committed now (it is validating, importing or finished)"},
      {"spreadsheets.has_errors", "文件中有 {} 行错误，不能全部导入；可以选择只导入正确的行",
       "{} rows have errors, so the file cannot be imported as a whole; you may import only the valid rows"},
      {"spreadsheets.no_valid_rows", "没有可以导入的正确行", "No row is valid"},
      {"spreadsheets.no_error_rows", "没有出错的行", "No row has errors"},
      {"spreadsheets.nothing_imported", "第 {} 行导入失败，整个导入已撤销，未写入任何数据",
       "Line {} failed, so the whole import was undone and nothing was written"},
      {"spreadsheets.shutting_down", "服务器正在停止，导入已中止，未写入任何数据，请重新上传",
       "The server is stopping; the import was abandoned without writing anything. Upload the file again"},
      {"spreadsheets.failed_internal", "导入时发生内部错误，未写入任何数据",
       "An internal error stopped the import; nothing was written"},
      {"spreadsheets.export_too_large", "导出不能超过 {} 行，请用筛选条件缩小范围",
       "An export is limited to {} rows; narrow the list with filters"},
  };
}

}  // namespace tianshan::spreadsheets
