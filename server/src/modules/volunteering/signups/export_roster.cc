#include "modules/volunteering/signups/export_roster.h"

#include "core/tables/xlsx_writer.h"
#include "modules/volunteering/signups/list_sign_ups.h"

namespace tianshan::volunteering {
namespace {

using tables::NumberCell;
using tables::TextCell;

std::string StatusText(const std::string& status) {
  if (status == "confirmed") return "已确认";
  if (status == "waitlisted") return "候补";
  return "已取消";
}

std::string MethodText(const std::optional<std::string>& method) {
  if (!method) return "";
  return *method == "qr" ? "扫码" : "负责人登记";
}

tables::Cell TimeCell(const std::optional<int64_t>& at) { return TextCell(at ? ChinaDateTime(*at) : ""); }

}  // namespace

Result<RosterFile> ExportRoster(const AppContext& ctx, const auth::Actor& actor, int64_t shift_id) {
  TS_ASSIGN_OR_RETURN(auto roster, GetRoster(ctx, actor, shift_id));
  tables::XlsxSheet sheet;
  sheet.name = "名单";
  sheet.header = {"序号",     "姓名",     "报名状态", "候补顺序", "监护人同意",
                  "签到时间", "签到方式", "签退时间", "签退方式", "时长已确认"};
  sheet.column_widths = {6, 14, 10, 10, 12, 18, 12, 18, 12, 12};
  int line = 0;
  for (const auto& l : roster.lines) {
    const auto& a = l.attendance;
    std::optional<int64_t> in, out;
    std::optional<std::string> in_method, out_method;
    if (a) {
      in = a->checked_in_at;
      out = a->checked_out_at;
      in_method = a->in_method;
      out_method = a->out_method;
    }
    sheet.rows.push_back({NumberCell(++line), TextCell(l.sign_up.name), TextCell(StatusText(l.sign_up.status)),
                          l.waitlist_position ? NumberCell(static_cast<double>(*l.waitlist_position)) : TextCell(""),
                          TextCell(l.sign_up.guardian_name ? "是" : ""), TimeCell(in), TextCell(MethodText(in_method)),
                          TimeCell(out), TextCell(MethodText(out_method)),
                          TextCell(a && a->ledger_entry_id ? "是" : "")});
  }
  TS_ASSIGN_OR_RETURN(std::string bytes, tables::WriteXlsx(sheet));
  const Shift& shift = roster.shift.shift;
  return RosterFile{roster.project.fields.title + " " + ChinaDateTime(shift.starts_at) + " 名单.xlsx",
                    std::move(bytes)};
}

}  // namespace tianshan::volunteering
