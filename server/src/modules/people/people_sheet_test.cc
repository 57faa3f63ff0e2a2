// The people sheet reads messy rows into the create use case's input (no I/O): closed lists in
// Chinese and English, gender and birth date from the identity number, one problem per field.

#include "modules/people/people_sheet.h"

#include <gtest/gtest.h>

#include "core/tables/cell_values_test_support.h"
#include "core/tables/xlsx_writer.h"
#include "modules/people/code_lists.h"

namespace tianshan::people {
namespace {

using tables::TextCell;

using tables::testing::Ok;
using tables::testing::Problem;

SheetRow Row(std::map<std::string, tables::Cell, std::less<>> cells) { return SheetRow(2, std::move(cells)); }

TEST(PeopleSheet, ClosedListsInChineseAndEnglish) {
  EXPECT_EQ(Ok(GenderCell(TextCell("男"))), "male");
  EXPECT_EQ(Ok(GenderCell(TextCell(" 女性 "))), "female");
  EXPECT_EQ(Ok(GenderCell(TextCell("Female"))), "female");
  EXPECT_EQ(Problem(GenderCell(TextCell("未知"))), "people.sheet_bad_gender");
  EXPECT_EQ(Ok(PersonKindCell(TextCell("团员"))), "member");
  EXPECT_EQ(Ok(PersonKindCell(TextCell("youth"))), "youth");
  EXPECT_EQ(Problem(PersonKindCell(TextCell("干部"))), "people.sheet_bad_kind");
}

TEST(PeopleSheet, EthnicGroupsAndEducationFromCommonSpellings) {
  ASSERT_EQ(Ethnicities().size(), 56u);
  EXPECT_EQ(Ethnicities().back().name, "基诺族");
  EXPECT_EQ(Ok(EthnicityCell(TextCell("汉族"))), "01");
  EXPECT_EQ(Ok(EthnicityCell(TextCell("汉"))), "01");
  EXPECT_EQ(Ok(EthnicityCell(TextCell("维族"))), "05");
  EXPECT_EQ(Ok(EthnicityCell(TextCell(" 维吾尔 "))), "05");
  EXPECT_EQ(Ok(EthnicityCell(TextCell("Kazakh"))), "17");
  EXPECT_EQ(Ok(EthnicityCell(TextCell("柯尔克孜族"))), "29");
  EXPECT_EQ(Ok(EthnicityCell(TextCell("5"))), "05");
  EXPECT_FALSE(Ok(EthnicityCell(TextCell(""))).has_value()) << "a blank cell is no value";
  EXPECT_EQ(Problem(EthnicityCell(TextCell("火星族"))), "people.sheet_bad_ethnicity");
  EXPECT_EQ(Problem(EthnicityCell(TextCell("57"))), "people.sheet_bad_ethnicity");
  EXPECT_EQ(Ok(EducationCell(TextCell("本科"))), "20");
  EXPECT_EQ(Ok(EducationCell(TextCell("大学本科"))), "20");
  EXPECT_EQ(Ok(EducationCell(TextCell("大专"))), "30");
  EXPECT_EQ(Ok(EducationCell(TextCell("研究生"))), "14");
  EXPECT_EQ(Ok(EducationCell(TextCell("高中"))), "60");
  EXPECT_EQ(Problem(EducationCell(TextCell("幼儿园"))), "people.sheet_bad_education");
  // A wrong value is the row's error on its column; the rest of the row still reads.
  auto row = ReadPersonSheetRow(Row({{"name", TextCell("王示例")},
                                     {"gender", TextCell("男")},
                                     {"birth_date", TextCell("1990-01-02")},
                                     {"ethnicity", TextCell("火星族")},
                                     {"education", TextCell("大专")}}),
                                1780000000000);
  ASSERT_EQ(row.errors.size(), 1u);
  EXPECT_EQ(row.errors[0].field, "ethnicity");
  EXPECT_EQ(row.input.fields.education, "30");
}

TEST(PeopleSheet, GenderAndBirthDateComeFromTheIdentityNumber) {
  const std::string first17 = "65020319900102001";
  const std::string id = first17 + IdentityCheckChar(first17);
  auto row = ReadPersonSheetRow(Row({{"name", TextCell("王示例")}, {"identity_number", TextCell(id)}}), 1780000000000);
  EXPECT_TRUE(row.errors.empty());
  EXPECT_EQ(row.input.fields.birth_date, "1990-01-02");
  EXPECT_EQ(row.input.fields.gender, "male");
  EXPECT_FALSE(row.input.membership) << "no membership date: a young person";
  auto bad = ReadPersonSheetRow(Row({{"name", TextCell("")},
                                     {"identity_number", TextCell(id)},
                                     {"gender", TextCell("x")},
                                     {"birth_date", TextCell("1991-01-01")}}),
                                1780000000000);
  ASSERT_EQ(bad.errors.size(), 3u);
  EXPECT_EQ(bad.errors[0].field, "gender");
  EXPECT_EQ(bad.errors[0].message, "people.sheet_bad_gender");
  EXPECT_EQ(bad.errors[1].field, "name");
  EXPECT_EQ(bad.errors[2].message, "people.birth_date_mismatch");
}

TEST(PeopleSheet, AMemberNeedsTheDateTheyJoined) {
  const std::string first17 = "65020319900102001";
  const std::string id = first17 + IdentityCheckChar(first17);
  auto row = ReadPersonSheetRow(
      Row({{"name", TextCell("李示例")}, {"identity_number", TextCell(id)}, {"kind", TextCell("团员")}}),
      1780000000000);
  ASSERT_EQ(row.errors.size(), 1u);
  EXPECT_EQ(row.errors[0].field, "member_since");
  EXPECT_EQ(row.errors[0].message, "people.sheet_member_since_required");
  auto member = ReadPersonSheetRow(Row({{"name", TextCell("李示例")},
                                        {"identity_number", TextCell(id)},
                                        {"member_since", TextCell("2005年5月4日")},
                                        {"member_number", TextCell("T-1")}}),
                                   1780000000000);
  EXPECT_TRUE(member.errors.empty());
  ASSERT_TRUE(member.input.membership);
  EXPECT_EQ(member.input.membership->member_since, "2005-05-04");
  EXPECT_EQ(member.input.membership->member_number, "T-1");
  EXPECT_EQ(PersonSheetField("membership.member_since"), "member_since");
  EXPECT_EQ(PersonSheetField("organization_id"), "organization");
}

TEST(PeopleSheet, ManifestDeclaresTheSheet) {
  SheetDefinition sheet = PeopleSheet();
  EXPECT_EQ(sheet.name, "people");
  ASSERT_FALSE(sheet.columns.empty());
  EXPECT_EQ(sheet.columns.front().field, "name");
  EXPECT_EQ(sheet.columns.front().example.rfind("示例", 0), 0u) << "the engine skips the example row by it";
  ASSERT_TRUE(sheet.list_export);
  EXPECT_EQ(sheet.list_export->route, "/api/v1/organizations/{id}/people/export");
}

}  // namespace
}  // namespace tianshan::people
