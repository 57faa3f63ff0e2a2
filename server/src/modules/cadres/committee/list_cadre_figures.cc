// Per-cadre quota status of a subtree (cadres.dashboard) and its .xlsx: the cadre's own figures,
// never the young people they contact.
#include "core/tables/xlsx_writer.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/committee/use_cases.h"
#include "modules/cadres/permissions.h"
#include "modules/organizations/public/lookup.h"

namespace tianshan::cadres {
namespace {

Result<CadreFiguresPage> ReadPage(storage::Transaction& tx, const AppContext& ctx, const std::string& path,
                                  const CadreFiguresQuery& query) {
  CadreFiguresPage page;
  TS_ASSIGN_OR_RETURN(page.period, LoadPeriod(tx, Today(ctx), false));
  TS_ASSIGN_OR_RETURN(auto rows, SelectCadresInSubtree(tx, path, query.after_id, query.limit, query.quota));
  if (static_cast<int>(rows.size()) > query.limit) {
    rows.resize(query.limit);
    page.next_cursor = rows.back().id;
  }
  TS_ASSIGN_OR_RETURN(auto cards, LoadCadreCards(tx, ctx, rows));
  for (auto& c : rows) page.items.push_back({c, cards[c.id]});
  return page;
}

}  // namespace

Result<std::string> FiguresPath(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                int64_t organization_id) {
  if (ctx.organizations == nullptr) return Status::NotFound("organization.not_found");
  TS_ASSIGN_OR_RETURN(auto ref, ctx.organizations->Find(tx, organization_id));
  if (!ref || !organizations::CanRead(actor, ref->path)) return Status::NotFound("organization.not_found");
  if (!CanViewFigures(actor, ref->path)) return Status::Forbidden();
  return ref->path;
}

Result<std::string> ConfirmPath(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                int64_t organization_id) {
  if (ctx.organizations == nullptr) return Status::NotFound("organization.not_found");
  TS_ASSIGN_OR_RETURN(auto ref, ctx.organizations->Find(tx, organization_id));
  if (!ref || !organizations::CanRead(actor, ref->path)) return Status::NotFound("organization.not_found");
  if (!CanConfirmAt(actor, ref->path)) return Status::Forbidden();
  return ref->path;
}

Result<CadreFiguresPage> ListCadreFigures(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                          const CadreFiguresQuery& query) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<CadreFiguresPage> {
    TS_ASSIGN_OR_RETURN(std::string path, FiguresPath(tx, ctx, actor, organization_id));
    return ReadPage(tx, ctx, path, query);
  });
}

Result<ExportedFile> ExportCadreFigures(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                        const CadreFiguresQuery& query) {
  using tables::NumberCell;
  using tables::TextCell;
  tables::XlsxSheet sheet;
  sheet.name = "团干部联系青年";
  sheet.header = {"团干部",   "组织",       "联系目标",         "联系青年数",
                  "是否达标", "覆盖领域数", "本季度未参加活动", "本年度未面对面谈心",
                  "待办求助", "超过7天求助"};
  sheet.column_widths = {14, 28, 10, 12, 10, 12, 16, 18, 10, 12};
  std::string as_of;
  TS_RETURN_IF_ERROR(ctx.db.Read([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(std::string path, FiguresPath(tx, ctx, actor, organization_id));
    CadreFiguresQuery q = query;
    q.limit = 500;
    while (true) {
      TS_ASSIGN_OR_RETURN(auto page, ReadPage(tx, ctx, path, q));
      as_of = page.period.as_of;
      for (const auto& [c, card] : page.items) {
        if (sheet.rows.size() >= kMaxExportRows) return Status::Invalid("limit", "spreadsheets.export_too_large");
        sheet.rows.push_back({TextCell(card.name), TextCell(card.organization_name), NumberCell(c.contact_target),
                              NumberCell(c.active_contacts),
                              TextCell(c.active_contacts >= c.contact_target ? "达标" : "未达标"),
                              NumberCell(c.fields_covered), NumberCell(c.activity_due), NumberCell(c.talk_due),
                              NumberCell(c.help_open), NumberCell(c.help_overdue)});
      }
      if (!page.next_cursor) return Status::Ok();
      q.after_id = page.next_cursor;
    }
  }));
  TS_ASSIGN_OR_RETURN(std::string bytes, tables::WriteXlsx(sheet));
  return ExportedFile{std::move(bytes), "团干部联系青年统计-" + as_of + ".xlsx"};
}

}  // namespace tianshan::cadres
