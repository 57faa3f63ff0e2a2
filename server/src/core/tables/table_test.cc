#include "core/tables/table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

#include "core/tables/xlsx_writer.h"
#include "core/tables/zip_test_support.h"

namespace tianshan::tables {
namespace {

using testing::ZipOf;

TEST(ExcelSerial, ConvertsKnownDates) {
  EXPECT_EQ(ExcelSerialToDate(1), "1900-01-01");
  EXPECT_EQ(ExcelSerialToDate(59), "1900-02-28");
  EXPECT_EQ(ExcelSerialToDate(61), "1900-03-01");
  EXPECT_EQ(ExcelSerialToDate(42552), "2016-07-01");
  EXPECT_EQ(ExcelSerialToDate(45000), "2023-03-15");
  EXPECT_FALSE(ExcelSerialToDate(-3));
}

TEST(Xlsx, RoundTripsTextNumbersAndDates) {
  XlsxSheet sheet;
  sheet.header = {"姓名", "身份证号", "手机", "出生日期"};
  sheet.rows = {{TextCell("张示例"), TextCell("65010219900101123X"), NumberCell(13812345678), DateCell("1990-01-01")},
                {TextCell("李示例"), NumberCell(650102199001011234.0), TextCell(""), TextCell("1991/2/3")}};
  auto bytes = WriteXlsx(sheet);
  ASSERT_TRUE(bytes.ok()) << bytes.status().detail();
  auto table = ReadTable(*bytes);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0][0].text, "姓名");
  EXPECT_EQ(table->rows[1][0].text, "张示例");
  EXPECT_EQ(table->rows[1][1].kind, CellKind::kText);
  EXPECT_EQ(table->rows[1][1].text, "65010219900101123X");
  EXPECT_EQ(table->rows[1][2].kind, CellKind::kNumber);
  EXPECT_EQ(table->rows[1][2].text, "13812345678");
  EXPECT_EQ(table->rows[1][3].kind, CellKind::kDate);
  EXPECT_EQ(table->rows[1][3].text, "1990-01-01");
  // An 18-digit number has lost precision in a double: importers must detect this kind.
  EXPECT_EQ(table->rows[2][1].kind, CellKind::kNumber);
  EXPECT_EQ(table->rows[2][3].text, "1991/2/3");
}

TEST(Csv, ReadsQuotedFieldsBomAndSemicolons) {
  auto t = ReadCsv("\xEF\xBB\xBFname;note\n\"a;b\";\"say \"\"hi\"\"\"\r\n\nc;\n");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_EQ(t->rows[1][0].text, "a;b");
  EXPECT_EQ(t->rows[1][1].text, "say \"hi\"");
  EXPECT_TRUE(t->rows[2].empty()) << "blank lines keep their line number";
  EXPECT_EQ(t->rows[3][0].text, "c");
  EXPECT_EQ(t->rows[3][1].kind, CellKind::kEmpty);
}

TEST(Csv, ConvertsGb18030) {
  // "团支部" in GB18030.
  auto t = ReadCsv("name\n\xCD\xC5\xD6\xA7\xB2\xBF\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[1][0].text, "团支部");
}

TEST(Csv, UnterminatedQuoteIsAnError) { EXPECT_FALSE(ReadCsv("a\n\"open").ok()); }

TEST(Xlsx, GarbageIsABadRequest) {
  auto t = ReadXlsx("PK\x03\x04 not really a zip");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kBadRequest);
}

std::string Sheet(const std::string& rows) { return "<worksheet><sheetData>" + rows + "</sheetData></worksheet>"; }

// Found by the xlsx fuzz target (fuzz/xlsx_fuzz.cc): row numbers and cell references beyond
// Excel's limits overflowed an int (undefined behaviour); now such cells are skipped.
TEST(Xlsx, RowNumbersAndReferencesBeyondExcelsLimitsAreSkipped) {
  auto t = ReadXlsx(ZipOf({{"xl/worksheets/sheet1.xml",
                            Sheet(R"(<row r="-2147483648"><c><v>1</v></c></row>)"
                                  R"(<row r="2147483647"><c><v>2</v></c></row>)"
                                  R"(<row r="1"><c r="AAAAAAAAAAAAAAAAA1"><v>3</v></c><c r="B99999999999"><v>4</v></c>)"
                                  R"(<c r="C1"><v>5</v></c></row><row><c><v>6</v></c></row>)")}}));
  ASSERT_TRUE(t.ok()) << t.status().detail();
  ASSERT_EQ(t->rows.size(), 2u);
  ASSERT_EQ(t->rows[0].size(), 3u);
  EXPECT_EQ(t->rows[0][0].kind, CellKind::kEmpty);
  EXPECT_EQ(t->rows[0][2].text, "5");
  EXPECT_EQ(t->rows[1][0].text, "6") << "a row without a number follows the previous one";
}

// A date-styled cell whose value is "nan" (strtod reads it) was cast from NaN to an integer.
TEST(Xlsx, ADateCellThatIsNotANumberKeepsItsText) {
  EXPECT_FALSE(ExcelSerialToDate(std::nan("")));
  EXPECT_FALSE(ExcelSerialToDate(INFINITY));
  auto t = ReadXlsx(ZipOf(
      {{"xl/worksheets/sheet1.xml", Sheet(R"(<row><c s="1"><v>nan</v></c></row>)")},
       {"xl/styles.xml", R"(<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)"}}));
  ASSERT_TRUE(t.ok()) << t.status().detail();
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0][0].kind, CellKind::kDate);
  EXPECT_EQ(t->rows[0][0].text, "nan");
}

// A workbook whose headers declare a 4 GB sheet: refused before anything that size is allocated.
TEST(Xlsx, AnEntryDeclaringGigabytesIsRefused) {
  std::string file = ZipOf({{"xl/worksheets/sheet1.xml", Sheet("")}});
  for (const auto& [signature, offset] : {std::pair<std::string, size_t>{"PK\x03\x04", 22}, {"PK\x01\x02", 24}}) {
    size_t at = file.find(signature);
    ASSERT_NE(at, std::string::npos);
    file.replace(at + offset, 4, "\xF0\xFF\xFF\xFF");
  }
  auto t = ReadXlsx(file);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kBadRequest);
}

}  // namespace
}  // namespace tianshan::tables
