#include "modules/people/code_lists.h"

#include <algorithm>
#include <map>

namespace tianshan::people {
namespace {

using Accepted = std::map<std::string, std::string, std::less<>>;

bool Has(const std::vector<CodeName>& list, std::string_view code) {
  return std::any_of(list.begin(), list.end(), [&](const CodeName& c) { return c.code == code; });
}

std::string NameOf(const std::vector<CodeName>& list, const std::optional<std::string>& code) {
  if (!code) return {};
  for (const auto& c : list) {
    if (c.code == *code) return c.name;
  }
  return *code;
}

// Codes ("1" too) and names of a list, plus the extra spellings.
Accepted AcceptedOf(const std::vector<CodeName>& list,
                    std::initializer_list<std::pair<const char*, const char*>> extra) {
  Accepted out;
  for (const auto& c : list) {
    out[c.code] = c.code;
    if (c.code.front() == '0') out[c.code.substr(1)] = c.code;
    out[c.name] = c.code;
  }
  for (const auto& [spelling, code] : extra) out[spelling] = code;
  return out;
}

}  // namespace

const std::vector<CodeName>& Ethnicities() {
  static const std::vector<CodeName> list = {
      {"01", "汉族"},     {"02", "蒙古族"},   {"03", "回族"},       {"04", "藏族"},       {"05", "维吾尔族"},
      {"06", "苗族"},     {"07", "彝族"},     {"08", "壮族"},       {"09", "布依族"},     {"10", "朝鲜族"},
      {"11", "满族"},     {"12", "侗族"},     {"13", "瑶族"},       {"14", "白族"},       {"15", "土家族"},
      {"16", "哈尼族"},   {"17", "哈萨克族"}, {"18", "傣族"},       {"19", "黎族"},       {"20", "傈僳族"},
      {"21", "佤族"},     {"22", "畲族"},     {"23", "高山族"},     {"24", "拉祜族"},     {"25", "水族"},
      {"26", "东乡族"},   {"27", "纳西族"},   {"28", "景颇族"},     {"29", "柯尔克孜族"}, {"30", "土族"},
      {"31", "达斡尔族"}, {"32", "仫佬族"},   {"33", "羌族"},       {"34", "布朗族"},     {"35", "撒拉族"},
      {"36", "毛南族"},   {"37", "仡佬族"},   {"38", "锡伯族"},     {"39", "阿昌族"},     {"40", "普米族"},
      {"41", "塔吉克族"}, {"42", "怒族"},     {"43", "乌孜别克族"}, {"44", "俄罗斯族"},   {"45", "鄂温克族"},
      {"46", "德昂族"},   {"47", "保安族"},   {"48", "裕固族"},     {"49", "京族"},       {"50", "塔塔尔族"},
      {"51", "独龙族"},   {"52", "鄂伦春族"}, {"53", "赫哲族"},     {"54", "门巴族"},     {"55", "珞巴族"},
      {"56", "基诺族"},
  };
  return list;
}

const std::vector<CodeName>& Educations() {
  static const std::vector<CodeName> list = {
      {"11", "博士研究生"}, {"14", "硕士研究生"}, {"20", "大学本科"}, {"30", "大学专科"}, {"40", "中等职业教育"},
      {"60", "普通高中"},   {"70", "初中"},       {"80", "小学"},     {"90", "其他"},
  };
  return list;
}

std::vector<std::string> CodesOf(const std::vector<CodeName>& list) {
  std::vector<std::string> out;
  for (const auto& c : list) out.push_back(c.code);
  return out;
}

bool IsEthnicityCode(std::string_view code) { return Has(Ethnicities(), code); }
bool IsEducationCode(std::string_view code) { return Has(Educations(), code); }
std::string EthnicityName(const std::optional<std::string>& code) { return NameOf(Ethnicities(), code); }
std::string EducationName(const std::optional<std::string>& code) { return NameOf(Educations(), code); }

tables::CellResult<std::optional<std::string>> EthnicityCell(const tables::Cell& cell) {
  static const Accepted accepted = [] {
    Accepted a = AcceptedOf(Ethnicities(), {{"汉", "01"},
                                            {"han", "01"},
                                            {"维族", "05"},
                                            {"维吾尔", "05"},
                                            {"uyghur", "05"},
                                            {"uygur", "05"},
                                            {"哈族", "17"},
                                            {"kazak", "17"},
                                            {"kazakh", "17"},
                                            {"蒙族", "02"},
                                            {"mongol", "02"},
                                            {"hui", "03"},
                                            {"柯族", "29"},
                                            {"tibetan", "04"},
                                            {"朝族", "10"},
                                            {"korean", "10"},
                                            {"manchu", "11"},
                                            {"乌孜别克", "43"},
                                            {"russian", "44"}});
    // The name without 族 (维吾尔, 哈萨克, 蒙古…), where that is not a word of another group.
    for (const auto& c : Ethnicities()) {
      const std::string& n = c.name;
      if (n.size() > 3 && n.compare(n.size() - 3, 3, "族") == 0) a.emplace(n.substr(0, n.size() - 3), c.code);
    }
    return a;
  }();
  return tables::ChoiceValue(cell, accepted, "people.sheet_bad_ethnicity");
}

tables::CellResult<std::optional<std::string>> EducationCell(const tables::Cell& cell) {
  static const Accepted accepted = AcceptedOf(
      Educations(), {{"博士", "11"}, {"博士研究生", "11"}, {"硕士", "14"}, {"研究生", "14"}, {"本科", "20"},
                     {"大学", "20"}, {"学士", "20"},       {"大本", "20"}, {"专科", "30"},   {"大专", "30"},
                     {"高职", "30"}, {"中专", "40"},       {"中职", "40"}, {"职高", "40"},   {"技校", "40"},
                     {"中技", "40"}, {"高中", "60"},       {"普高", "60"}, {"初中", "70"},   {"小学", "80"}});
  return tables::ChoiceValue(cell, accepted, "people.sheet_bad_education");
}

}  // namespace tianshan::people
