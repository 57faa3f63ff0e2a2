#include <cstdio>

#include "core/calendar.h"
#include "core/tables/xlsx_writer.h"
#include "modules/audit/audit_query.h"

namespace tianshan::audit {
namespace {

using tables::NumberCell;
using tables::TextCell;

// "2026-05-28 14:03:09" in China time (UTC+8).
std::string ChinaTime(int64_t millis) {
  const int64_t shifted = millis + 8LL * 3600 * 1000;
  const int64_t second_of_day = ((shifted / 1000) % 86400 + 86400) % 86400;
  char buf[12];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(second_of_day / 3600),
                static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60));
  return TodayInChina(millis) + buf;
}

}  // namespace

Result<AuditFile> ExportAuditSheet(const AppContext& ctx, const auth::Actor& actor, const AuditQuery& query) {
  tables::XlsxSheet sheet;
  sheet.name = "审计日志";
  sheet.header = {"编号", "时间", "操作人", "操作", "对象类型", "对象编号", "组织路径", "修改前", "修改后"};
  sheet.column_widths = {10, 20, 18, 24, 16, 12, 18, 40, 40};
  std::optional<int64_t> cursor;
  constexpr int kPage = 500;
  do {
    TS_ASSIGN_OR_RETURN(auto page, ReadAuditPage(ctx, actor, query, cursor, kPage));
    for (const auto& e : page.page.items) {
      if (static_cast<int>(sheet.rows.size()) == kAuditExportRows) {
        return Status::Invalid("since", "audit.export_too_large", std::to_string(kAuditExportRows));
      }
      std::string who;
      if (e.actor_account_id) {
        auto name = page.actor_names.find(*e.actor_account_id);
        who = name != page.actor_names.end() ? name->second : "#" + std::to_string(*e.actor_account_id);
      }
      sheet.rows.push_back({NumberCell(static_cast<double>(e.id)), TextCell(ChinaTime(e.at)), TextCell(who),
                            TextCell(e.action), TextCell(e.entity_type), TextCell(e.entity_id),
                            TextCell(e.organization_path), TextCell(e.before_json), TextCell(e.after_json)});
    }
    cursor = page.page.next_cursor;
  } while (cursor);
  TS_ASSIGN_OR_RETURN(std::string bytes, tables::WriteXlsx(sheet));
  return AuditFile{"审计日志-" + TodayInChina(ctx.clock.NowMillis()) + ".xlsx", std::move(bytes)};
}

}  // namespace tianshan::audit
