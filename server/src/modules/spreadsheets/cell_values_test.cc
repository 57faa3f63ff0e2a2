// Messy cells whose meaning is clear are accepted; the rest get a precise reason.

#include "modules/spreadsheets/cell_values.h"

#include <gtest/gtest.h>

#include "core/tables/xlsx_writer.h"
#include "modules/spreadsheets/sheet_rows.h"

namespace tianshan::spreadsheets {
namespace {

using tables::Cell;
using tables::CellKind;
using tables::NumberCell;
using tables::TextCell;

template <typename T>
std::optional<std::string> Ok(const CellResult<T>& r) {
  EXPECT_TRUE(std::holds_alternative<T>(r)) << std::get<CellProblem>(r).message;
  return std::holds_alternative<T>(r) ? std::get<T>(r) : std::nullopt;
}

template <typename T>
std::string Problem(const CellResult<T>& r) {
  EXPECT_TRUE(std::holds_alternative<CellProblem>(r));
  return std::holds_alternative<CellProblem>(r) ? std::get<CellProblem>(r).message : "";
}

Cell DateSerial(double serial) { return {CellKind::kDate, *tables::ExcelSerialToDate(serial), serial}; }

TEST(SpreadsheetCells, DatesInEveryCommonShape) {
  EXPECT_EQ(Ok(DateValue(TextCell("1990-01-02"))), "1990-01-02");
  EXPECT_EQ(Ok(DateValue(TextCell("1990/1/2"))), "1990-01-02");
  EXPECT_EQ(Ok(DateValue(TextCell("1990.01.02"))), "1990-01-02");
  EXPECT_EQ(Ok(DateValue(TextCell("1990年1月2日"))), "1990-01-02");
  EXPECT_EQ(Ok(DateValue(TextCell("19900102"))), "1990-01-02");
  EXPECT_EQ(Ok(DateValue(TextCell(" 1990-1-2 00:00:00 "))), "1990-01-02");
  EXPECT_EQ(Ok(DateValue(NumberCell(19900102))), "1990-01-02");
  EXPECT_EQ(Ok(DateValue(NumberCell(32875))), "1990-01-02") << "an Excel serial without a date format";
  EXPECT_EQ(Ok(DateValue(DateSerial(32875))), "1990-01-02");
  EXPECT_EQ(Ok(DateValue(TextCell(""))), std::nullopt);
  EXPECT_EQ(Problem(DateValue(TextCell("1990-02-30"))), "spreadsheets.bad_date");
  EXPECT_EQ(Problem(DateValue(TextCell("明天"))), "spreadsheets.bad_date");
  EXPECT_EQ(Problem(DateValue(TextCell("1990-1-2 abc"))), "spreadsheets.bad_date");
}

TEST(SpreadsheetCells, IdentityNumbersKeepEveryDigitOrSayWhyNot) {
  EXPECT_EQ(Ok(IdentityValue(TextCell(" 65010219900101123x "))), "65010219900101123X");
  EXPECT_EQ(Ok(IdentityValue(TextCell("650102 19900101 1234"))), "650102199001011234");
  EXPECT_EQ(Ok(IdentityValue(TextCell("６５０１０２１９９００１０１１２３４"))), "650102199001011234");
  // What the reader gives for an 18-digit number: Excel kept 15 significant digits.
  Cell lossy{CellKind::kNumber, "6.50102199001011e+17", 650102199001011000.0};
  EXPECT_EQ(Problem(IdentityValue(lossy)), "spreadsheets.identity_as_number");
  EXPECT_EQ(Problem(IdentityValue(TextCell("6.50102E+17"))), "spreadsheets.identity_as_number")
      << "a CSV saved by Excel writes the number as shown";
  // Even when the reader shows 18 digits, a double cannot vouch for them.
  Cell shown{CellKind::kNumber, "650102199001011000", 650102199001011000.0};
  EXPECT_EQ(Problem(IdentityValue(shown)), "spreadsheets.identity_as_number");
}

TEST(SpreadsheetCells, PhonesWithPrefixesAndSeparators) {
  EXPECT_EQ(Ok(MobileValue(NumberCell(13812345678))), "13812345678");
  EXPECT_EQ(Ok(MobileValue(TextCell("+86 138-1234-5678"))), "13812345678");
  EXPECT_EQ(Ok(MobileValue(TextCell("0086 13812345678"))), "13812345678");
  EXPECT_EQ(Ok(MobileValue(TextCell("8613812345678"))), "13812345678");
  EXPECT_EQ(Ok(MobileValue(TextCell("(138) 1234 5678"))), "13812345678");
  EXPECT_EQ(Ok(ContactPhoneValue(TextCell("(0990)6888888"))), "0990-6888888");
  EXPECT_EQ(Ok(ContactPhoneValue(TextCell("0990 6888888"))), "0990-6888888");
  EXPECT_EQ(Ok(ContactPhoneValue(TextCell("138 1234 5678"))), "13812345678");
}

TEST(SpreadsheetCells, ClosedListsInChineseAndEnglish) {
  EXPECT_EQ(Ok(GenderValue(TextCell("男"))), "male");
  EXPECT_EQ(Ok(GenderValue(TextCell(" 女性 "))), "female");
  EXPECT_EQ(Ok(GenderValue(TextCell("Female"))), "female");
  EXPECT_EQ(Problem(GenderValue(TextCell("未知"))), "spreadsheets.bad_gender");
  EXPECT_EQ(Ok(PersonKindValue(TextCell("团员"))), "member");
  EXPECT_EQ(Ok(PersonKindValue(TextCell("youth"))), "youth");
  EXPECT_EQ(Ok(OrganizationKindValue(TextCell("团工委"))), "working_committee");
  EXPECT_EQ(Ok(OrganizationKindValue(TextCell("general_branch"))), "general_branch");
  EXPECT_EQ(Ok(SettingValue(TextCell("非公企业"))), "non_public_enterprise");
  EXPECT_EQ(Ok(SettingValue(TextCell("industrial_park"))), "industrial_park");
  EXPECT_EQ(Problem(SettingValue(TextCell("火星"))), "spreadsheets.bad_setting");
}

TEST(SpreadsheetCells, ColumnLettersAndHeaders) {
  EXPECT_EQ(ColumnLetter(0), "A");
  EXPECT_EQ(ColumnLetter(25), "Z");
  EXPECT_EQ(ColumnLetter(26), "AA");
  EXPECT_EQ(ColumnLetter(701), "ZZ");
  EXPECT_EQ(HeaderKey("*出生日期（如 1990-01-02）"), "出生日期");
  EXPECT_EQ(HeaderKey(" Birth_Date "), "birthdate");
}

TEST(SpreadsheetRows, HeaderInEnglishAndMissingColumns) {
  std::vector<RowError> errors;
  auto map = ColumnMap::FromHeader({TextCell("Name"), TextCell("phone"), TextCell("身份证号")}, 1, ImportKind::kPeople,
                                   errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(map.Index("identity_number"), 2u);
  ColumnMap::FromHeader({TextCell("简称")}, 1, ImportKind::kOrganizations, errors);
  ASSERT_EQ(errors.size(), 3u) << "name, kind and setting are required";
  EXPECT_EQ(errors[0].message, "spreadsheets.missing_column");
}

TEST(SpreadsheetRows, GenderAndBirthDateComeFromTheIdentityNumber) {
  std::vector<RowError> errors;
  auto map = ColumnMap::FromHeader({TextCell("姓名"), TextCell("身份证号码"), TextCell("性别"), TextCell("出生日期")},
                                   1, ImportKind::kPeople, errors);
  const std::string first17 = "65020319900102001";
  const std::string id = first17 + people::IdentityCheckChar(first17);
  auto row = ReadPersonRow({TextCell("王示例"), TextCell(id)}, 2, map, 1780000000000);
  EXPECT_TRUE(row.errors.empty());
  EXPECT_EQ(row.input.fields.birth_date, "1990-01-02");
  EXPECT_EQ(row.input.fields.gender, "male");
  EXPECT_FALSE(row.input.membership) << "no membership date: a young person";
  auto bad = ReadPersonRow({TextCell(""), TextCell(id), TextCell("x"), TextCell("1991-01-01")}, 3, map, 1780000000000);
  ASSERT_EQ(bad.errors.size(), 3u);
  EXPECT_EQ(bad.errors[0].column, "C");
  EXPECT_EQ(bad.errors[0].message, "spreadsheets.bad_gender");
  EXPECT_EQ(bad.errors[1].column, "A");
  EXPECT_EQ(bad.errors[2].message, "people.birth_date_mismatch");
}

}  // namespace
}  // namespace tianshan::spreadsheets
