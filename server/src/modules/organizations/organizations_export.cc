#include <map>

#include "core/masking.h"
#include "core/tables/xlsx_writer.h"
#include "modules/organizations/list_organizations.h"
#include "modules/organizations/organizations_sheet.h"
#include "modules/organizations/requests.h"

namespace tianshan::organizations {
namespace {

using tables::DateCell;
using tables::TextCell;

std::string KindLabel(std::string_view kind) {
  if (kind == "committee") return "团委";
  if (kind == "working_committee") return "团工委";
  if (kind == "general_branch") return "团总支";
  if (kind == "branch") return "团支部";
  return std::string(kind);
}

}  // namespace

std::string SettingLabel(std::string_view setting) {
  static const std::map<std::string, std::string, std::less<>> kLabels = {{"government", "机关"},
                                                                          {"street", "街道"},
                                                                          {"community", "社区"},
                                                                          {"school", "学校"},
                                                                          {"non_public_enterprise", "非公企业"},
                                                                          {"industrial_park", "园区"},
                                                                          {"social_organization", "社会组织"},
                                                                          {"other", "其他"}};
  auto it = kLabels.find(setting);
  return it == kLabels.end() ? std::string(setting) : it->second;
}

Status WriteSubtreeExport(const AppContext& ctx, const http::HttpRequest& req, SheetExportSink& sink) {
  TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
  http::QueryReader query(req);
  ListFilter filter = ReadFilter(query);
  TS_RETURN_IF_ERROR(query.Finish());
  // The import template's columns, in its order, and the status.
  sink.Columns({{"名称", 26},
                {"简称", 12},
                {"类型", 10},
                {"领域", 10},
                {"上级组织", 26},
                {"行政区划代码", 12},
                {"地址", 24},
                {"联系人", 10},
                {"联系电话", 16},
                {"成立日期", 12},
                {"状态", 8}});
  std::map<int64_t, std::string> names;  // of the rows so far: parents come before children
  PageRequest page;
  page.limit = kSheetExportPageSize;
  for (;;) {
    TS_ASSIGN_OR_RETURN(auto list, ListSubtree(ctx, *req.actor, id, page, filter, req.Query("q")));
    for (size_t i = 0; i < list.items.size(); ++i) {
      const auto& o = list.items[i];
      const auto& f = o.fields;
      names[o.id] = f.name;
      std::string parent;
      if (o.parent_id) {
        if (auto it = names.find(*o.parent_id); it != names.end()) parent = it->second;
      }
      std::string phone = f.contact_phone.value_or("");
      if (!phone.empty() && !list.full_phone[i]) phone = MaskPhone(phone);
      TS_RETURN_IF_ERROR(
          sink.Row({TextCell(f.name), TextCell(f.short_name.value_or("")), TextCell(KindLabel(f.kind)),
                    TextCell(SettingLabel(f.setting)), TextCell(parent), TextCell(f.region_code.value_or("")),
                    TextCell(f.address.value_or("")), TextCell(f.contact_name.value_or("")), TextCell(phone),
                    f.founded_on ? DateCell(*f.founded_on) : TextCell(""), TextCell(o.active() ? "正常" : "已撤销")}));
    }
    if (!list.next_cursor) return Status::Ok();
    page.cursor = list.next_cursor;
  }
}

}  // namespace tianshan::organizations
