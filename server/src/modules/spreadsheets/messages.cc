#include "modules/spreadsheets/messages.h"

namespace tianshan::spreadsheets {

std::vector<MessageText> Messages() {
  return {
      {"spreadsheets.identity_as_number",
       "身份证号码被存成了数字（{}）：Excel 只保留 15 位有效数字，后几位已丢失。请把该列设为“文本”格式后重新填写",
       "The identity number was stored as a number ({}): Excel keeps only 15 significant digits, so the last "
       "digits are lost. Format the column as text and type the numbers again"},
      {"spreadsheets.phone_as_number", "手机号码被存成了科学计数法的数字（{}），请把该列设为“文本”格式后重新填写",
       "The phone number was stored as a number in scientific notation ({}); format the column as text and type "
       "it again"},
      {"spreadsheets.bad_date", "无法识别日期“{}”，请写成 1990-01-02 这样的格式",
       "Cannot read the date \"{}\"; write it like 1990-01-02"},
      {"spreadsheets.bad_gender", "性别“{}”无法识别，应为 男 或 女",
       "Cannot read the gender \"{}\"; use 男 or 女 (male or female)"},
      {"spreadsheets.bad_person_kind", "类别“{}”无法识别，应为 团员 或 青年",
       "Cannot read the kind \"{}\"; use 团员 (member) or 青年 (youth)"},
      {"spreadsheets.bad_organization_kind", "类型“{}”无法识别，应为 团委、团工委、团总支 或 团支部",
       "Cannot read the type \"{}\"; use 团委, 团工委, 团总支 or 团支部 (committee, working committee, general "
       "branch, branch)"},
      {"spreadsheets.bad_setting", "领域“{}”无法识别，应为 机关、街道、社区、学校、非公企业、园区、社会组织 或 其他",
       "Cannot read the setting \"{}\"; use 机关, 街道, 社区, 学校, 非公企业, 园区, 社会组织 or 其他"},
      {"spreadsheets.duplicate_column", "“{}”列出现了两次", "The column \"{}\" appears twice"},
      {"spreadsheets.missing_column", "缺少必填列“{}”，请对照导入模板",
       "The required column \"{}\" is missing; compare with the template"},
      {"spreadsheets.bad_header", "表头有误，请对照导入模板", "The header row is wrong; compare with the template"},
      {"spreadsheets.member_since_required", "团员须填写入团日期", "League members need the date they joined"},
      {"spreadsheets.organization_unknown", "在导入的目标组织之下找不到组织“{}”",
       "No organization named \"{}\" within the organization you import into"},
      {"spreadsheets.organization_ambiguous", "目标组织之下有多个名为“{}”的组织，无法确定是哪一个",
       "Several organizations within the target are named \"{}\"; the row cannot say which one"},
      {"spreadsheets.cannot_manage_people", "您无权在“{}”登记人员", "You may not register people at {}"},
      {"spreadsheets.cannot_create_organizations", "您无权在“{}”之下新建组织",
       "You may not create organizations under {}"},
      {"spreadsheets.duplicate_in_file", "身份证号码与本表第 {} 行重复",
       "The identity number repeats the one on line {} of this file"},
      {"spreadsheets.identity_registered", "该身份证号码已在系统中登记，不能重复登记",
       "This identity number is already registered"},
      {"spreadsheets.duplicate_sibling", "同一上级组织下已有名为“{}”的组织",
       "The parent already has an organization named \"{}\""},
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
