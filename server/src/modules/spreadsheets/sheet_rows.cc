#include "modules/spreadsheets/sheet_rows.h"

#include <cctype>
#include <set>

#include "modules/spreadsheets/cell_values.h"

namespace tianshan::spreadsheets {
namespace {

const tables::Cell& EmptyCell() {
  static const tables::Cell kEmpty;
  return kEmpty;
}

// Collects a row's values and problems, one problem per field at most.
class RowReader {
 public:
  RowReader(const std::vector<tables::Cell>& row, int line, const ColumnMap& columns)
      : row_(row), line_(line), columns_(columns) {}

  const tables::Cell& Cell(std::string_view field) const { return columns_.Get(row_, field); }
  std::optional<std::string> Text(std::string_view field) const { return TextValue(Cell(field)); }

  std::optional<std::string> Take(std::string_view field, const CellResult<std::optional<std::string>>& r) {
    if (const auto* p = std::get_if<CellProblem>(&r)) {
      Add(field, p->message, p->param);
      return std::nullopt;
    }
    return std::get<std::optional<std::string>>(r);
  }

  void Add(std::string_view field, std::string message, std::string param = {}) {
    if (!failed_.insert(std::string(field)).second) return;
    errors_.push_back(columns_.Error(line_, field, std::move(message), std::move(param)));
  }
  bool Failed(std::string_view field) const { return failed_.count(std::string(field)) > 0; }

  // Adds the use case's own field errors for fields without a problem yet.
  void Merge(const std::vector<FieldError>& errors) {
    for (const auto& e : errors) Add(ColumnFieldOf(e.field), e.message, e.param);
  }

  std::vector<RowError> Take() { return std::move(errors_); }

 private:
  const std::vector<tables::Cell>& row_;
  int line_;
  const ColumnMap& columns_;
  std::set<std::string> failed_;
  std::vector<RowError> errors_;
};

std::vector<ColumnSpec> PeopleColumnSpecs() {
  return {
      {"name", "姓名", "name", {"名字"}, true, "", 10},
      {"gender", "性别", "gender", {}, false, "男/女；可由身份证号推出", 8},
      {"birth_date", "出生日期", "birth_date", {"出生年月日"}, false, "如 1990-01-02；可由身份证号推出", 14},
      {"ethnicity", "民族", "ethnicity", {}, false, "", 8},
      {"phone", "手机号码", "phone", {"手机号", "手机", "联系电话"}, false, "11位", 14},
      {"identity_number",
       "身份证号码",
       "identity_number",
       {"身份证号", "身份证", "公民身份号码"},
       false,
       "18位，团员必填",
       22},
      {"education", "学历", "education", {}, false, "", 8},
      {"occupation", "职业", "occupation", {}, false, "", 10},
      {"employer", "工作单位", "employer", {"工作单位或学校"}, false, "", 18},
      {"kind", "类别", "kind", {"人员类别"}, false, "团员/青年；空=有入团日期为团员", 10},
      {"organization",
       "所属组织",
       "organization",
       {"所在组织", "所属支部", "所在支部"},
       false,
       "组织名称；空=导入的目标组织",
       20},
      {"member_since", "入团日期", "member_since", {"入团时间"}, false, "团员必填", 14},
      {"member_number", "团员编号", "member_number", {"团员证号"}, false, "", 14},
  };
}

std::vector<ColumnSpec> OrganizationColumnSpecs() {
  return {
      {"name", "名称", "name", {"组织名称"}, true, "", 24},
      {"short_name", "简称", "short_name", {}, false, "", 12},
      {"kind", "类型", "kind", {"组织类型"}, true, "团委/团工委/团总支/团支部", 12},
      {"setting", "领域", "setting", {"所在领域"}, true, "机关/街道/社区/学校/非公企业/园区/社会组织/其他", 12},
      {"parent", "上级组织", "parent", {"上级组织名称"}, false, "名称，可为本表上方的行；空=导入的目标组织", 24},
      {"region_code", "行政区划代码", "region_code", {}, false, "6位", 12},
      {"address", "地址", "address", {}, false, "", 24},
      {"contact_name", "联系人", "contact_name", {}, false, "", 10},
      {"contact_phone", "联系电话", "contact_phone", {}, false, "手机或 0990-6888888", 16},
      {"founded_on", "成立日期", "founded_on", {}, false, "如 2016-05-04", 14},
  };
}

}  // namespace

std::optional<ImportKind> ParseImportKind(std::string_view s) {
  if (s == "people") return ImportKind::kPeople;
  if (s == "organizations") return ImportKind::kOrganizations;
  return std::nullopt;
}

std::string_view ImportKindName(ImportKind kind) { return kind == ImportKind::kPeople ? "people" : "organizations"; }

const std::vector<ColumnSpec>& Columns(ImportKind kind) {
  static const std::vector<ColumnSpec> kPeople = PeopleColumnSpecs();
  static const std::vector<ColumnSpec> kOrganizations = OrganizationColumnSpecs();
  return kind == ImportKind::kPeople ? kPeople : kOrganizations;
}

std::string TemplateHeader(const ColumnSpec& c) {
  return (c.required ? "*" : "") + c.zh + (c.hint.empty() ? "" : "（" + c.hint + "）");
}

ColumnMap ColumnMap::FromHeader(const std::vector<tables::Cell>& header, int line, ImportKind kind,
                                std::vector<RowError>& errors) {
  ColumnMap map;
  const auto& specs = Columns(kind);
  for (size_t i = 0; i < header.size(); ++i) {
    std::string key = HeaderKey(CellText(header[i]));
    if (key.empty()) continue;
    for (const auto& spec : specs) {
      bool match = key == HeaderKey(spec.zh) || key == HeaderKey(spec.en);
      for (const auto& a : spec.aliases) match = match || key == HeaderKey(a);
      if (!match) continue;
      if (map.index_.count(spec.field)) {
        errors.push_back(
            {line, ColumnLetter(i), CellText(header[i]), spec.field, "spreadsheets.duplicate_column", spec.zh});
      } else {
        map.index_[spec.field] = i;
        map.headers_[spec.field] = CellText(header[i]);
      }
      break;
    }
  }
  for (const auto& spec : specs) {
    if (spec.required && !map.index_.count(spec.field)) {
      errors.push_back({line, "", "", spec.field, "spreadsheets.missing_column", spec.zh});
    }
  }
  return map;
}

std::optional<size_t> ColumnMap::Index(std::string_view field) const {
  auto it = index_.find(field);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

const tables::Cell& ColumnMap::Get(const std::vector<tables::Cell>& row, std::string_view field) const {
  auto i = Index(field);
  if (!i || *i >= row.size()) return EmptyCell();
  return row[*i];
}

RowError ColumnMap::Error(int line, std::string_view field, std::string message, std::string param) const {
  RowError e{line, "", "", std::string(field), std::move(message), std::move(param)};
  if (auto i = Index(field)) {
    e.column = ColumnLetter(*i);
    e.header = headers_.find(field)->second;
  }
  return e;
}

bool IsBlankRow(const std::vector<tables::Cell>& row) {
  for (const auto& c : row) {
    if (!CellText(c).empty()) return false;
  }
  return true;
}

bool IsExampleRow(const std::vector<tables::Cell>& row, const ColumnMap& columns, ImportKind) {
  std::string first = CellText(columns.Get(row, "name"));
  if (first.rfind("示例", 0) == 0) return true;
  for (auto& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return first.rfind("example", 0) == 0;
}

std::string ColumnFieldOf(std::string_view f) {
  if (f.rfind("membership.", 0) == 0) f.remove_prefix(11);
  if (f == "organization_id") return "organization";
  if (f == "parent_id") return "parent";
  return std::string(f);
}

PersonRow ReadPersonRow(const std::vector<tables::Cell>& row, int line, const ColumnMap& columns, int64_t now_millis) {
  RowReader r(row, line, columns);
  PersonRow out;
  out.line = line;
  people::PersonFields& f = out.input.fields;
  f.name = r.Text("name").value_or("");
  f.ethnicity = r.Text("ethnicity");
  f.phone = r.Take("phone", MobileValue(r.Cell("phone")));
  f.identity_number = r.Take("identity_number", IdentityValue(r.Cell("identity_number")));
  f.education = r.Text("education");
  f.occupation = r.Text("occupation");
  f.employer = r.Text("employer");
  auto gender = r.Take("gender", GenderValue(r.Cell("gender")));
  auto birth = r.Take("birth_date", DateValue(r.Cell("birth_date")));
  auto kind = r.Take("kind", PersonKindValue(r.Cell("kind")));
  auto since = r.Take("member_since", DateValue(r.Cell("member_since")));
  out.organization_name = r.Text("organization");
  // Gender and birth date are written in a valid identity number; a blank cell takes them from
  // there (a filled cell is checked against it by the people rules).
  const bool identity_ok = f.identity_number && people::IsValidIdentityNumber(*f.identity_number);
  if (!gender && !r.Failed("gender") && identity_ok) {
    gender = ((*f.identity_number)[16] - '0') % 2 == 1 ? "male" : "female";
  }
  if (!birth && !r.Failed("birth_date") && identity_ok) birth = people::IdentityBirthDate(*f.identity_number);
  f.gender = gender.value_or("");
  f.birth_date = birth.value_or("");
  if (f.name.empty()) r.Add("name", "field.required");
  if (!gender && !r.Failed("gender")) r.Add("gender", "field.required");
  if (!birth && !r.Failed("birth_date")) r.Add("birth_date", "field.required");
  const bool member = kind ? *kind == "member" : (since.has_value() || r.Failed("member_since"));
  if (member) {
    people::NewMembership m;
    m.member_since = since.value_or("");
    m.member_number = r.Text("member_number");
    if (!since && !r.Failed("member_since")) r.Add("member_since", "spreadsheets.member_since_required");
    out.input.membership = std::move(m);
  } else {
    out.input.organization_id = 0;  // resolved later
  }
  std::vector<FieldError> rule_errors;
  people::CollectCreateErrors(out.input, now_millis, rule_errors);
  r.Merge(rule_errors);
  out.errors = r.Take();
  return out;
}

OrganizationRow ReadOrganizationRow(const std::vector<tables::Cell>& row, int line, const ColumnMap& columns,
                                    int64_t now_millis) {
  RowReader r(row, line, columns);
  OrganizationRow out;
  out.line = line;
  auto& f = out.fields;
  f.name = r.Text("name").value_or("");
  f.short_name = r.Text("short_name");
  f.kind = r.Take("kind", OrganizationKindValue(r.Cell("kind"))).value_or("");
  f.setting = r.Take("setting", SettingValue(r.Cell("setting"))).value_or("");
  f.region_code = r.Text("region_code");
  f.address = r.Text("address");
  f.contact_name = r.Text("contact_name");
  f.contact_phone = r.Take("contact_phone", ContactPhoneValue(r.Cell("contact_phone")));
  f.founded_on = r.Take("founded_on", DateValue(r.Cell("founded_on")));
  out.parent_name = r.Text("parent");
  if (f.name.empty()) r.Add("name", "field.required");
  if (f.kind.empty()) r.Add("kind", "field.required");
  if (f.setting.empty()) r.Add("setting", "field.required");
  std::vector<FieldError> rule_errors;
  organizations::CollectFieldErrors(f, now_millis, rule_errors);
  r.Merge(rule_errors);
  out.errors = r.Take();
  return out;
}

}  // namespace tianshan::spreadsheets
