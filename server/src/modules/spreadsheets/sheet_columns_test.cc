// A file's header maps onto a sheet's columns in Chinese, English or by alias; missing required
// columns and repeated ones are named.

#include "modules/spreadsheets/sheet_columns.h"

#include <gtest/gtest.h>

#include "core/tables/xlsx_writer.h"
#include "modules/organizations/organizations_sheet.h"
#include "modules/people/people_sheet.h"

namespace tianshan::spreadsheets {
namespace {

using tables::TextCell;

TEST(SpreadsheetColumns, HeaderInEnglishAndMissingColumns) {
  std::vector<RowError> errors;
  auto map = ColumnMap::FromHeader({TextCell("Name"), TextCell("phone"), TextCell("*身份证号（18位）")}, 1,
                                   people::PeopleSheet(), errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(map.Index("identity_number"), 2u);
  auto row = map.Row({TextCell("王"), TextCell("139"), TextCell("6501")}, 7);
  EXPECT_EQ(row.line(), 7);
  EXPECT_EQ(row.Text("phone"), "139");
  EXPECT_EQ(row.Text("gender"), std::nullopt) << "a column the file lacks reads empty";
  auto located = map.Error(7, {"identity_number", "people.bad_identity_number", ""});
  EXPECT_EQ(located.column, "C");
  EXPECT_EQ(located.header, "*身份证号（18位）");
  ColumnMap::FromHeader({TextCell("简称")}, 1, organizations::OrganizationsSheet(), errors);
  ASSERT_EQ(errors.size(), 3u) << "name, kind and setting are required";
  EXPECT_EQ(errors[0].message, "spreadsheets.missing_column");
}

TEST(SpreadsheetColumns, AColumnGivenTwiceAndTheExampleRow) {
  std::vector<RowError> errors;
  auto sheet = people::PeopleSheet();
  auto map = ColumnMap::FromHeader({TextCell("姓名"), TextCell("名字")}, 1, sheet, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "spreadsheets.duplicate_column");
  EXPECT_EQ(errors[0].column, "B");
  EXPECT_TRUE(IsExampleRow(map.Row({TextCell("示例：张三")}, 2), sheet));
  EXPECT_TRUE(IsExampleRow(map.Row({TextCell("Example")}, 2), sheet));
  EXPECT_FALSE(IsExampleRow(map.Row({TextCell("张三")}, 2), sheet));
  EXPECT_TRUE(IsBlankRow({TextCell(" "), TextCell("")}));
}

}  // namespace
}  // namespace tianshan::spreadsheets
