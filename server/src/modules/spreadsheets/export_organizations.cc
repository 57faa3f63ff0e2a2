#include "modules/spreadsheets/export_organizations.h"

#include <map>

#include "core/masking.h"
#include "core/tables/xlsx_writer.h"
#include "modules/spreadsheets/cell_values.h"

namespace tianshan::spreadsheets {

using tables::DateCell;
using tables::TextCell;

Result<ExportFile> ExportOrganizations(const AppContext& ctx, const auth::Actor& actor, int64_t id,
                                       const organizations::ListFilter& filter, const std::optional<std::string>& q) {
  tables::XlsxSheet sheet;
  sheet.name = "组织";
  sheet.header = {"名称", "简称",   "类型",     "领域",     "上级组织", "行政区划代码",
                  "地址", "联系人", "联系电话", "成立日期", "状态"};
  sheet.column_widths = {26, 12, 10, 10, 26, 12, 24, 10, 16, 12, 8};
  std::map<int64_t, std::string> names;
  organizations::PageRequest page;
  page.limit = kExportPageSize;
  for (;;) {
    TS_ASSIGN_OR_RETURN(auto list, organizations::ListSubtree(ctx, actor, id, page, filter, q));
    for (size_t i = 0; i < list.items.size(); ++i) {
      if (sheet.rows.size() >= kMaxExportRows) {
        return Status::Invalid("limit", "spreadsheets.export_too_large", std::to_string(kMaxExportRows));
      }
      const auto& o = list.items[i];
      const auto& f = o.fields;
      names[o.id] = f.name;
      std::string parent;
      if (o.parent_id) {
        if (auto it = names.find(*o.parent_id); it != names.end()) parent = it->second;
      }
      std::string phone = f.contact_phone.value_or("");
      if (!phone.empty() && !list.full_phone[i]) phone = MaskPhone(phone);
      sheet.rows.push_back(
          {TextCell(f.name), TextCell(f.short_name.value_or("")), TextCell(OrganizationKindLabel(f.kind)),
           TextCell(SettingLabel(f.setting)), TextCell(parent), TextCell(f.region_code.value_or("")),
           TextCell(f.address.value_or("")), TextCell(f.contact_name.value_or("")), TextCell(phone),
           f.founded_on ? DateCell(*f.founded_on) : TextCell(""), TextCell(o.active() ? "正常" : "已撤销")});
    }
    if (!list.next_cursor) break;
    page.cursor = list.next_cursor;
  }
  TS_ASSIGN_OR_RETURN(std::string bytes, tables::WriteXlsx(sheet));
  return ExportFile{std::move(bytes), "组织名单-" + TodayInChina(ctx.clock.NowMillis()) + ".xlsx"};
}

}  // namespace tianshan::spreadsheets
