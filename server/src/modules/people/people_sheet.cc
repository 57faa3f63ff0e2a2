#include "modules/people/people_sheet.h"

#include "modules/organizations/public/lookup.h"
#include "modules/people/code_lists.h"

namespace tianshan::people {
namespace {

using tables::CellResult;

std::vector<SheetColumn> Columns() {
  const std::string first17 = "65020319900102001";
  const std::string identity = first17 + IdentityCheckChar(first17);
  return {
      {"name", "姓名", "name", {"名字"}, true, "", 10, "示例：张三"},
      {"gender", "性别", "gender", {}, false, "男/女；可由身份证号推出", 8, "男"},
      {"birth_date",
       "出生日期",
       "birth_date",
       {"出生年月日"},
       false,
       "如 1990-01-02；可由身份证号推出",
       14,
       "1990-01-02",
       true},
      {"ethnicity", "民族", "ethnicity", {}, false, "56 个民族之一，如 汉族", 10, "汉族"},
      {"phone", "手机号码", "phone", {"手机号", "手机", "联系电话"}, false, "11位", 14, "13812345678"},
      {"identity_number",
       "身份证号码",
       "identity_number",
       {"身份证号", "身份证", "公民身份号码"},
       false,
       "18位，团员必填",
       22,
       identity},
      {"education", "学历", "education", {"文化程度"}, false, "如 大学本科、大学专科、普通高中", 10, "大学本科"},
      {"occupation", "职业", "occupation", {}, false, "", 10, "职员"},
      {"employer", "工作单位", "employer", {"工作单位或学校"}, false, "", 18, "克拉玛依市示例公司"},
      {"kind", "类别", "kind", {"人员类别"}, false, "团员/青年；空=有入团日期为团员", 10, "团员"},
      {"organization",
       "所属组织",
       "organization",
       {"所在组织", "所属支部", "所在支部"},
       false,
       "组织名称；空=导入的目标组织",
       20},
      {"member_since", "入团日期", "member_since", {"入团时间"}, false, "团员必填", 14, "2005-05-04", true},
      {"member_number", "团员编号", "member_number", {"团员证号"}, false, "", 14},
  };
}

Result<SheetImportTarget> AuthorizeImport(storage::Transaction& tx, const AppContext&, const auth::Actor& actor,
                                          int64_t organization_id) {
  TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
  if (!org.active()) return Status::Invalid("organization_id", "people.organization_archived");
  if (!CanManagePeople(actor, org.path)) return Status::Forbidden();
  return SheetImportTarget{org.id, org.path, org.fields.name};
}

// The organization a row names (nullopt: the target), among the active ones in the target's
// subtree that the caller may read; looked up once per name and run.
Result<int64_t> RowOrganization(storage::Transaction& tx, const auth::Caller& caller, const SheetImportTarget& target,
                                const std::optional<std::string>& name, SheetImportState& state) {
  if (!name) return target.organization_id;
  TS_ASSIGN_OR_RETURN(auto ids, organizations::FindActiveByNameForSheet(tx, caller.actor, target, *name, state));
  return organizations::OneNamed(ids, *name, "organization");
}

Result<SheetRowResult> ImportRow(storage::Transaction& tx, const AppContext& ctx, const auth::Caller& caller,
                                 const SheetImportTarget& target, const SheetRow& row, SheetImportState& state) {
  PersonSheetRow read = ReadPersonSheetRow(row, ctx.clock.NowMillis());
  if (!read.errors.empty()) return SheetRowResult{std::nullopt, std::move(read.errors)};
  const auto& identity = read.input.fields.identity_number;
  const std::string key = identity ? "identity:" + *identity : "";
  if (identity) {
    if (auto it = state.lines_by_key.find(key); it != state.lines_by_key.end()) {
      return SheetRowResult{std::nullopt,
                            {{"identity_number", "people.sheet_duplicate_in_file", std::to_string(it->second)}}};
    }
  }
  auto org_id = RowOrganization(tx, caller, target, read.organization_name, state);
  if (!org_id.ok()) return SheetRowOutcome(org_id.status(), "organization");
  CreatePersonInput& input = read.input;
  if (input.membership) {
    input.membership->organization_id = *org_id;
  } else {
    input.organization_id = *org_id;
  }
  auto created = CreatePersonIn(tx, ctx, caller, input);
  if (!created.ok() && created.status().code() == StatusCode::kForbidden) {
    const std::string org_name = read.organization_name.value_or(target.organization_name);
    return SheetRowResult{std::nullopt, {{"organization", "people.sheet_cannot_register_at", org_name}}};
  }
  TS_ASSIGN_OR_RETURN(auto result, SheetRowOutcome(created, "identity_number", PersonSheetField));
  if (result.created_id && identity) state.lines_by_key[key] = row.line();
  return result;
}

}  // namespace

tables::CellResult<std::optional<std::string>> GenderCell(const tables::Cell& cell) {
  static const std::map<std::string, std::string, std::less<>> kAccepted = {
      {"男", "male"},   {"男性", "male"},   {"male", "male"},     {"m", "male"},
      {"女", "female"}, {"女性", "female"}, {"female", "female"}, {"f", "female"}};
  return tables::ChoiceValue(cell, kAccepted, "people.sheet_bad_gender");
}

tables::CellResult<std::optional<std::string>> PersonKindCell(const tables::Cell& cell) {
  static const std::map<std::string, std::string, std::less<>> kAccepted = {
      {"团员", "member"},  {"共青团员", "member"},  {"member", "member"}, {"青年", "youth"},
      {"非团员", "youth"}, {"非团员青年", "youth"}, {"youth", "youth"}};
  return tables::ChoiceValue(cell, kAccepted, "people.sheet_bad_kind");
}

std::string PersonSheetField(std::string_view f) {
  if (f.rfind("membership.", 0) == 0) f.remove_prefix(11);
  if (f == "organization_id") return "organization";
  return std::string(f);
}

PersonSheetRow ReadPersonSheetRow(const SheetRow& row, int64_t now_millis) {
  SheetRowErrors r;
  PersonSheetRow out;
  PersonFields& f = out.input.fields;
  f.name = row.Text("name").value_or("");
  f.ethnicity = r.Take("ethnicity", EthnicityCell(row.Get("ethnicity")));
  f.phone = r.Take("phone", tables::MobileValue(row.Get("phone")));
  f.identity_number = r.Take("identity_number", tables::IdentityValue(row.Get("identity_number")));
  f.education = r.Take("education", EducationCell(row.Get("education")));
  f.occupation = row.Text("occupation");
  f.employer = row.Text("employer");
  auto gender = r.Take("gender", GenderCell(row.Get("gender")));
  auto birth = r.Take("birth_date", tables::DateValue(row.Get("birth_date")));
  auto kind = r.Take("kind", PersonKindCell(row.Get("kind")));
  auto since = r.Take("member_since", tables::DateValue(row.Get("member_since")));
  out.organization_name = row.Text("organization");
  // Gender and birth date are written in a valid identity number; a blank cell takes them from
  // there (a filled cell is checked against it by the people rules).
  const bool identity_ok = f.identity_number && IsValidIdentityNumber(*f.identity_number);
  if (!gender && !r.Failed("gender") && identity_ok) {
    gender = IdentityGender(*f.identity_number);
  }
  if (!birth && !r.Failed("birth_date") && identity_ok) birth = IdentityBirthDate(*f.identity_number);
  f.gender = gender.value_or("");
  f.birth_date = birth.value_or("");
  if (f.name.empty()) r.Add("name", "field.required");
  if (!gender && !r.Failed("gender")) r.Add("gender", "field.required");
  if (!birth && !r.Failed("birth_date")) r.Add("birth_date", "field.required");
  const bool member = kind ? *kind == "member" : (since.has_value() || r.Failed("member_since"));
  if (member) {
    NewMembership m;
    m.member_since = since.value_or("");
    m.member_number = row.Text("member_number");
    if (!since && !r.Failed("member_since")) r.Add("member_since", "people.sheet_member_since_required");
    out.input.membership = std::move(m);
  } else {
    out.input.organization_id = 0;  // set by the import
  }
  std::vector<FieldError> rule_errors;
  CollectCreateErrors(out.input, now_millis, rule_errors);
  r.Merge(rule_errors, PersonSheetField);
  out.errors = r.Take();
  return out;
}

SheetDefinition PeopleSheet() {
  SheetDefinition sheet;
  sheet.name = "people";
  sheet.title_zh = "人员";
  sheet.title_en = "People";
  sheet.columns = Columns();
  sheet.authorize_import = AuthorizeImport;
  sheet.import_row = ImportRow;
  sheet.list_export = SheetExport{"/api/v1/organizations/{id}/people/export", WritePeopleExport};
  return sheet;
}

}  // namespace tianshan::people
