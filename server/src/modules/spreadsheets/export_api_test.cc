// .xlsx exports hold the rows the list endpoints show the caller, masked the same way — on
// SQLite and PostgreSQL.

#include <set>

#include "modules/spreadsheets/spreadsheet_test_support.h"

namespace tianshan::testing {
namespace {

class SpreadsheetExportTest : public SpreadsheetApiTestBase {};

std::set<std::string> Column(const tables::Table& t, size_t column) {
  std::set<std::string> out;
  for (size_t r = 1; r < t.rows.size(); ++r) out.insert(t.rows[r].size() > column ? t.rows[r][column].text : "");
  return out;
}

TEST_P(SpreadsheetExportTest, PeopleExportRoundTripsWithTheListsMasking) {
  auto sec = As("sec-a");
  const std::string id1 = TestIdentity("19990101", 11), id2 = TestIdentity("19980202", 12);
  CreateMember(*sec, "王导出", id1, "A");
  CreateMember(*sec, "李导出", id2, "A");
  CreateMember(*As("sec-e"), "赵别处", TestIdentity("19970303", 13), "E");
  const std::string path = "/api/v1/organizations/" + std::to_string(Org("A")) + "/people/export";
  auto r = sec->Get(path);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(r.header("content-disposition").find("attachment"), std::string::npos);
  auto t = tables::ReadXlsx(r.body);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0][0].text, "姓名");
  EXPECT_EQ(Column(*t, 0), (std::set<std::string>{"王导出", "李导出"}));
  auto masked = [](const std::string& id) { return id.substr(0, 4) + "**********" + id.substr(14); };
  EXPECT_EQ(Column(*t, 5), (std::set<std::string>{masked(id1), masked(id2)})) << "a secretary sees masked identity";
  EXPECT_EQ(Column(*t, 4), (std::set<std::string>{"13912345678"})) << "and full phones";
  EXPECT_EQ(t->rows[1][5].kind, tables::CellKind::kText);
  // Members carry the date they joined and their number, in the import template's columns.
  EXPECT_EQ(t->rows[0][11].text, "入团日期");
  EXPECT_EQ(t->rows[0][12].text, "团员编号");
  EXPECT_EQ(Column(*t, 11), (std::set<std::string>{"2015-05-04"}));
  EXPECT_EQ(t->rows[1][11].kind, tables::CellKind::kDate);

  // A committee admin above sees full identity numbers, and the subtree scope reaches A.
  auto city = As("city-admin");
  auto full = city->Get("/api/v1/organizations/" + std::to_string(Org("C")) + "/people/export?scope=subtree");
  ASSERT_EQ(full.status, 200) << full.body;
  auto ft = tables::ReadXlsx(full.body);
  ASSERT_TRUE(ft.ok());
  EXPECT_EQ(Column(*ft, 5), (std::set<std::string>{id1, id2})) << "E lies beside C";
  // The cadre's export is masked like its list.
  auto cadre = As("cadre-c")->Get("/api/v1/organizations/" + std::to_string(Org("C")) + "/people/export?scope=subtree");
  ASSERT_EQ(cadre.status, 200);
  EXPECT_EQ(Column(*tables::ReadXlsx(cadre.body), 4), (std::set<std::string>{"139****5678"}));

  // Exactly as the list: a sibling's people are not there to export.
  EXPECT_EQ(As("sec-b")->Get(path).status, 404);
  EXPECT_EQ(sec->Get(path + "?scope=everything").status, 422);
}

TEST_P(SpreadsheetExportTest, SubtreeExport) {
  auto street = As("street-admin");
  auto r = street->Get("/api/v1/organizations/" + std::to_string(Org("W")) + "/subtree/export");
  ASSERT_EQ(r.status, 200) << r.body;
  auto t = tables::ReadXlsx(r.body);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(Column(*t, 0), (std::set<std::string>{"测试街道团工委", "测试甲社区团支部", "测试乙社区团支部"}));
  EXPECT_EQ(t->rows[0][4].text, "上级组织");
  auto branches = street->Get("/api/v1/organizations/" + std::to_string(Org("W")) + "/subtree/export?kind=branch");
  EXPECT_EQ(Column(*tables::ReadXlsx(branches.body), 2), (std::set<std::string>{"团支部"}));
  EXPECT_EQ(street->Get("/api/v1/organizations/" + std::to_string(Org("D")) + "/subtree/export").status, 404);
  EXPECT_EQ(street->Get("/api/v1/organizations/" + std::to_string(Org("W")) + "/subtree/export?kind=x").status / 100,
            4);
}

TS_INSTANTIATE_FOR_DATABASES(SpreadsheetExportTest);

}  // namespace
}  // namespace tianshan::testing
