// Messy cells whose meaning is clear are accepted; the rest get a precise reason.

#include "core/tables/cell_values.h"

#include <gtest/gtest.h>

#include "core/tables/cell_values_test_support.h"
#include "core/tables/xlsx_writer.h"

namespace tianshan::tables {
namespace {

using testing::Ok;
using testing::Problem;

Cell DateSerial(double serial) { return {CellKind::kDate, *ExcelSerialToDate(serial), serial}; }

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
  EXPECT_EQ(Problem(DateValue(TextCell("1990-02-30"))), "cell.bad_date");
  EXPECT_EQ(Problem(DateValue(TextCell("明天"))), "cell.bad_date");
  EXPECT_EQ(Problem(DateValue(TextCell("1990-1-2 abc"))), "cell.bad_date");
}

TEST(SpreadsheetCells, IdentityNumbersKeepEveryDigitOrSayWhyNot) {
  EXPECT_EQ(Ok(IdentityValue(TextCell(" 65010219900101123x "))), "65010219900101123X");
  EXPECT_EQ(Ok(IdentityValue(TextCell("650102 19900101 1234"))), "650102199001011234");
  EXPECT_EQ(Ok(IdentityValue(TextCell("６５０１０２１９９００１０１１２３４"))), "650102199001011234");
  // What the reader gives for an 18-digit number: Excel kept 15 significant digits.
  Cell lossy{CellKind::kNumber, "6.50102199001011e+17", 650102199001011000.0};
  EXPECT_EQ(Problem(IdentityValue(lossy)), "cell.identity_as_number");
  EXPECT_EQ(Problem(IdentityValue(TextCell("6.50102E+17"))), "cell.identity_as_number")
      << "a CSV saved by Excel writes the number as shown";
  // Even when the reader shows 18 digits, a double cannot vouch for them.
  Cell shown{CellKind::kNumber, "650102199001011000", 650102199001011000.0};
  EXPECT_EQ(Problem(IdentityValue(shown)), "cell.identity_as_number");
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

TEST(SpreadsheetCells, ClosedListsIgnoreSpacesCaseAndSeparators) {
  const std::map<std::string, std::string, std::less<>> kinds = {{"团工委", "working_committee"},
                                                                 {"workingcommittee", "working_committee"}};
  EXPECT_EQ(Ok(ChoiceValue(TextCell(" 团工委 "), kinds, "x.bad")), "working_committee");
  EXPECT_EQ(Ok(ChoiceValue(TextCell("Working_Committee"), kinds, "x.bad", "_-")), "working_committee");
  EXPECT_EQ(Ok(ChoiceValue(TextCell(""), kinds, "x.bad")), std::nullopt);
  EXPECT_EQ(Problem(ChoiceValue(TextCell("团支队"), kinds, "x.bad")), "x.bad");
}

TEST(SpreadsheetCells, ColumnLettersAndHeaders) {
  EXPECT_EQ(ColumnLetter(0), "A");
  EXPECT_EQ(ColumnLetter(25), "Z");
  EXPECT_EQ(ColumnLetter(26), "AA");
  EXPECT_EQ(ColumnLetter(701), "ZZ");
  EXPECT_EQ(HeaderKey("*出生日期（如 1990-01-02）"), "出生日期");
  EXPECT_EQ(HeaderKey(" Birth_Date "), "birthdate");
}

}  // namespace
}  // namespace tianshan::tables
