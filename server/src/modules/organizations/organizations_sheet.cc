#include "modules/organizations/organizations_sheet.h"

#include <algorithm>

#include "modules/organizations/create_organization.h"
#include "modules/organizations/permissions.h"

namespace tianshan::organizations {
namespace {

std::vector<SheetColumn> Columns() {
  return {
      {"name", "名称", "name", {"组织名称"}, true, "", 24, "示例：风云社区团支部"},
      {"short_name", "简称", "short_name", {}, false, "", 12, "风云社区"},
      {"kind", "类型", "kind", {"组织类型"}, true, "团委/团工委/团总支/团支部", 12, "团支部"},
      {"setting", "领域", "setting", {"所在领域"}, true, "机关/街道/社区/学校/非公企业/园区/社会组织/其他", 12, "社区"},
      {"parent", "上级组织", "parent", {"上级组织名称"}, false, "名称，可为本表上方的行；空=导入的目标组织", 24},
      {"region_code", "行政区划代码", "region_code", {}, false, "6位", 12, "650203"},
      {"address", "地址", "address", {}, false, "", 24, "克拉玛依市天山路 1 号"},
      {"contact_name", "联系人", "contact_name", {}, false, "", 10, "李四"},
      {"contact_phone", "联系电话", "contact_phone", {}, false, "手机或 0990-6888888", 16, "0990-6888888"},
      {"founded_on", "成立日期", "founded_on", {}, false, "如 2016-05-04", 14, "2016-05-04", true},
  };
}

std::string SheetField(std::string_view f) { return f == "parent_id" ? "parent" : std::string(f); }

Result<SheetImportTarget> AuthorizeImport(storage::Transaction& tx, const AppContext&, const auth::Actor& actor,
                                          int64_t organization_id) {
  TS_ASSIGN_OR_RETURN(auto org, LoadReadable(tx, actor, organization_id));
  if (!org.active()) return Status::Invalid("organization_id", "organization.parent_archived");
  if (!CanCreateChild(actor, org.path)) return Status::Forbidden();
  return SheetImportTarget{org.id, org.path, org.fields.name};
}

// The parent a row names (nullopt: the target): a row above in the file or an active
// organization in the target's subtree that the caller may read; exactly one.
Result<int64_t> RowParent(storage::Transaction& tx, const auth::Caller& caller, const SheetImportTarget& target,
                          const std::optional<std::string>& name, SheetImportState& state) {
  if (!name) return target.organization_id;
  std::vector<int64_t> candidates;
  if (auto it = state.created_by_name.find(*name); it != state.created_by_name.end()) candidates = it->second;
  TS_ASSIGN_OR_RETURN(auto found, FindActiveByNameForSheet(tx, caller.actor, target, *name, state));
  // A row above is also found in the database: the transaction holds what it created.
  candidates.insert(candidates.end(), found.begin(), found.end());
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return OneNamed(candidates, *name, "parent");
}

Result<SheetRowResult> ImportRow(storage::Transaction& tx, const AppContext& ctx, const auth::Caller& caller,
                                 const SheetImportTarget& target, const SheetRow& row, SheetImportState& state) {
  OrganizationSheetRow read = ReadOrganizationSheetRow(row, ctx.clock.NowMillis());
  if (!read.errors.empty()) return SheetRowResult{std::nullopt, std::move(read.errors)};
  auto parent = RowParent(tx, caller, target, read.parent_name, state);
  if (!parent.ok()) return SheetRowOutcome(parent.status(), "parent");
  auto org = CreateOrganizationIn(tx, ctx, caller, {*parent, read.fields});
  if (!org.ok()) {
    if (org.status().code() == StatusCode::kForbidden) {
      const std::string parent_name = read.parent_name.value_or(target.organization_name);
      return SheetRowResult{std::nullopt, {{"parent", "organization.sheet_cannot_create_under", parent_name}}};
    }
    return SheetRowOutcome(org.status(), "name", SheetField);
  }
  state.created_by_name[org->fields.name].push_back(org->id);
  return SheetRowResult{org->id, {}};
}

}  // namespace

tables::CellResult<std::optional<std::string>> KindCell(const tables::Cell& cell) {
  static const std::map<std::string, std::string, std::less<>> kAccepted = {{"团委", "committee"},
                                                                            {"committee", "committee"},
                                                                            {"团工委", "working_committee"},
                                                                            {"workingcommittee", "working_committee"},
                                                                            {"团总支", "general_branch"},
                                                                            {"generalbranch", "general_branch"},
                                                                            {"团支部", "branch"},
                                                                            {"branch", "branch"}};
  return tables::ChoiceValue(cell, kAccepted, "organization.sheet_bad_kind", "_-");
}

tables::CellResult<std::optional<std::string>> SettingCell(const tables::Cell& cell) {
  static const std::map<std::string, std::string, std::less<>> kAccepted = {
      {"机关", "government"},
      {"党政机关", "government"},
      {"政府机关", "government"},
      {"government", "government"},
      {"街道", "street"},
      {"乡镇", "street"},
      {"街道乡镇", "street"},
      {"street", "street"},
      {"社区", "community"},
      {"村", "community"},
      {"村社区", "community"},
      {"community", "community"},
      {"学校", "school"},
      {"school", "school"},
      {"非公企业", "non_public_enterprise"},
      {"非公有制企业", "non_public_enterprise"},
      {"nonpublicenterprise", "non_public_enterprise"},
      {"园区", "industrial_park"},
      {"产业园区", "industrial_park"},
      {"工业园区", "industrial_park"},
      {"industrialpark", "industrial_park"},
      {"社会组织", "social_organization"},
      {"青年社会组织", "social_organization"},
      {"socialorganization", "social_organization"},
      {"其他", "other"},
      {"其它", "other"},
      {"other", "other"}};
  return tables::ChoiceValue(cell, kAccepted, "organization.sheet_bad_setting", "_-");
}

OrganizationSheetRow ReadOrganizationSheetRow(const SheetRow& row, int64_t now_millis) {
  SheetRowErrors r;
  OrganizationSheetRow out;
  auto& f = out.fields;
  f.name = row.Text("name").value_or("");
  f.short_name = row.Text("short_name");
  f.kind = r.Take("kind", KindCell(row.Get("kind"))).value_or("");
  f.setting = r.Take("setting", SettingCell(row.Get("setting"))).value_or("");
  f.region_code = row.Text("region_code");
  f.address = row.Text("address");
  f.contact_name = row.Text("contact_name");
  f.contact_phone = r.Take("contact_phone", tables::ContactPhoneValue(row.Get("contact_phone")));
  f.founded_on = r.Take("founded_on", tables::DateValue(row.Get("founded_on")));
  out.parent_name = row.Text("parent");
  if (f.name.empty()) r.Add("name", "field.required");
  if (f.kind.empty()) r.Add("kind", "field.required");
  if (f.setting.empty()) r.Add("setting", "field.required");
  std::vector<FieldError> rule_errors;
  CollectFieldErrors(f, now_millis, rule_errors);
  r.Merge(rule_errors);
  out.errors = r.Take();
  return out;
}

SheetDefinition OrganizationsSheet() {
  SheetDefinition sheet;
  sheet.name = "organizations";
  sheet.title_zh = "组织";
  sheet.title_en = "Organizations";
  sheet.columns = Columns();
  sheet.authorize_import = AuthorizeImport;
  sheet.import_row = ImportRow;
  sheet.list_export = SheetExport{"/api/v1/organizations/{id}/subtree/export", WriteSubtreeExport};
  return sheet;
}

}  // namespace tianshan::organizations
