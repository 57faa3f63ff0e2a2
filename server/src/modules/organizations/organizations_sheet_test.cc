// The organizations sheet reads messy rows into organization fields (no I/O).

#include "modules/organizations/organizations_sheet.h"

#include <gtest/gtest.h>

#include "core/tables/cell_values_test_support.h"
#include "core/tables/xlsx_writer.h"

namespace tianshan::organizations {
namespace {

using tables::TextCell;

using tables::testing::Ok;
using tables::testing::Problem;

TEST(OrganizationsSheet, ClosedListsInChineseAndEnglish) {
  EXPECT_EQ(Ok(KindCell(TextCell("团工委"))), "working_committee");
  EXPECT_EQ(Ok(KindCell(TextCell("general_branch"))), "general_branch");
  EXPECT_EQ(Problem(KindCell(TextCell("支队"))), "organization.sheet_bad_kind");
  EXPECT_EQ(Ok(SettingCell(TextCell("非公企业"))), "non_public_enterprise");
  EXPECT_EQ(Ok(SettingCell(TextCell("industrial_park"))), "industrial_park");
  EXPECT_EQ(Problem(SettingCell(TextCell("火星"))), "organization.sheet_bad_setting");
}

TEST(OrganizationsSheet, RowsReadEveryProblemOnce) {
  auto good = ReadOrganizationSheetRow(SheetRow(2, {{"name", TextCell("新建团总支")},
                                                    {"kind", TextCell("团总支")},
                                                    {"setting", TextCell("社区")},
                                                    {"parent", TextCell(" 风云社区 ")},
                                                    {"contact_phone", TextCell("(0990)6888888")},
                                                    {"founded_on", TextCell("2016/5/4")}}),
                                       1780000000000);
  EXPECT_TRUE(good.errors.empty());
  EXPECT_EQ(good.fields.kind, "general_branch");
  EXPECT_EQ(good.fields.contact_phone, "0990-6888888");
  EXPECT_EQ(good.fields.founded_on, "2016-05-04");
  EXPECT_EQ(good.parent_name, "风云社区");
  auto bad = ReadOrganizationSheetRow(
      SheetRow(3, {{"kind", TextCell("支队")}, {"setting", TextCell("社区")}, {"region_code", TextCell("65")}}),
      1780000000000);
  ASSERT_EQ(bad.errors.size(), 3u);
  EXPECT_EQ(bad.errors[0].field, "kind");
  EXPECT_EQ(bad.errors[1].field, "name");
  EXPECT_EQ(bad.errors[2].field, "region_code");
}

}  // namespace
}  // namespace tianshan::organizations
