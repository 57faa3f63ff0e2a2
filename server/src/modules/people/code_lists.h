#pragma once
// Closed lists of the person record: 民族 (the 56 ethnic groups of GB/T 3304, by their
// two-digit code) and 学历 (the education levels of GB/T 4658, by their code). The API stores
// and answers the code; the web and the spreadsheets show the name.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/tables/cell_values.h"

namespace tianshan::people {

struct CodeName {
  std::string code;
  std::string name;  // the standard's Chinese name
};

// GB/T 3304: "01" 汉族 … "56" 基诺族.
const std::vector<CodeName>& Ethnicities();
// GB/T 4658 (levels): "11" 博士研究生, "14" 硕士研究生, "20" 大学本科, "30" 大学专科,
// "40" 中等职业教育, "60" 普通高中, "70" 初中, "80" 小学, "90" 其他.
const std::vector<CodeName>& Educations();

// The codes of a list, in its order (for a query's one-of check).
std::vector<std::string> CodesOf(const std::vector<CodeName>& list);

bool IsEthnicityCode(std::string_view code);
bool IsEducationCode(std::string_view code);
// The name of a code ("" for none; an unknown code as it is).
std::string EthnicityName(const std::optional<std::string>& code);
std::string EducationName(const std::optional<std::string>& code);

// Spreadsheet cells: the code, the standard name, the name without 族 and common spellings
// (维族, 汉, 本科, 大专, 研究生…); anything else is the row's error on the column.
tables::CellResult<std::optional<std::string>> EthnicityCell(const tables::Cell& cell);
tables::CellResult<std::optional<std::string>> EducationCell(const tables::Cell& cell);

}  // namespace tianshan::people
