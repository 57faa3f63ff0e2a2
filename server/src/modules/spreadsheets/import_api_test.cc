// Spreadsheet import through the API on SQLite and PostgreSQL: templates, a 1,000-row file
// whose 10 bad rows (each a different reason) are named exactly, nothing written before a
// commit, "all" refused, "valid_only" importing the rest with counters right, CSV, and
// permissions.

#include <chrono>
#include <iostream>
#include <set>

#include "modules/people/public/person.h"
#include "modules/spreadsheets/spreadsheet_test_support.h"

namespace tianshan::testing {
namespace {

using tables::Cell;
using tables::DateCell;
using tables::NumberCell;
using tables::TextCell;

class SpreadsheetImportTest : public SpreadsheetApiTestBase {};

const std::vector<std::string> kPeopleHeader = {"姓名",       "性别",     "出生日期", "民族",     "手机号码",
                                                "身份证号码", "学历",     "职业",     "工作单位", "类别",
                                                "所属组织",   "入团日期", "团员编号"};

// "YYYYMMDD" of day `n` after 1990-01-01 (n < 3000), for distinct identity numbers.
std::string BirthOf(int n) {
  int y = 1990 + n / 300, m = 1 + (n % 300) / 25, d = 1 + n % 25;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
  return buf;
}
std::string Dashed(const std::string& yyyymmdd) {
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

// A good row `i` in one of several messy-but-clear shapes.
std::vector<Cell> GoodRow(int i, const std::string& org_name) {
  const std::string birth = BirthOf(i);
  std::string identity = TestIdentity(birth, i % 1000);
  if (identity.back() == 'X' && i % 2 == 0) identity.back() = 'x';
  const bool member = i % 3 != 0;
  Cell birth_cell;
  switch (i % 5) {
    case 0:
      birth_cell = DateCell(Dashed(birth));
      break;
    case 1:
      birth_cell = TextCell(birth.substr(0, 4) + "/" + std::to_string(std::stoi(birth.substr(4, 2))) + "/" +
                            std::to_string(std::stoi(birth.substr(6, 2))));
      break;
    case 2:
      birth_cell = TextCell(birth.substr(0, 4) + "年" + birth.substr(4, 2) + "月" + birth.substr(6, 2) + "日");
      break;
    case 3:
      birth_cell = NumberCell(std::stod(birth));
      break;
    default:
      birth_cell = TextCell(" " + birth + " ");
  }
  const std::string phone = "139" + std::to_string(10000000 + i);
  Cell phone_cell =
      i % 2 ? NumberCell(std::stod(phone)) : TextCell("+86 " + phone.substr(0, 3) + "-" + phone.substr(3));
  return {TextCell("导入测试" + std::to_string(i)),
          TextCell(i % 2 ? "男" : "女"),
          birth_cell,
          TextCell("汉族"),
          phone_cell,
          TextCell(identity),
          TextCell("本科"),
          TextCell(""),
          TextCell(""),
          TextCell(member ? "团员" : "青年"),
          TextCell(org_name),
          member ? DateCell("2010-05-04") : TextCell(""),
          TextCell("")};
}

TEST_P(SpreadsheetImportTest, TemplatesOpenWithTheirHeader) {
  auto c = As("street-admin");
  for (const std::string kind : {"people", "organizations"}) {
    auto r = c->Get("/api/v1/imports/templates/" + kind);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_NE(r.header("content-disposition").find("filename*=UTF-8''"), std::string::npos);
    auto table = tables::ReadXlsx(r.body);
    ASSERT_TRUE(table.ok());
    ASSERT_EQ(table->rows.size(), 2u) << "header and one example row";
    EXPECT_EQ(table->rows[0][0].text, kind == "people" ? "*姓名" : "*名称");
    // The template as downloaded imports nothing: its only row is the example.
    auto job = UploadAndValidate(*c, kind, "W", r.body);
    EXPECT_EQ(job["status"], "failed");
    EXPECT_EQ(job["failure"]["message"], "文件中没有数据行");
  }
  EXPECT_EQ(c->Get("/api/v1/imports/templates/cats").status, 404);
}

TEST_P(SpreadsheetImportTest, ThousandRowsWithTenBadRowsNameExactlyThoseTen) {
  auto street = As("street-admin");
  const std::string existing = TestIdentity("19880808", 7);
  CreateMember(*As("sec-a"), "已登记", existing, "A");
  const std::string a_name = "测试甲社区团支部", b_name = "测试乙社区团支部";
  std::vector<std::vector<Cell>> rows;
  for (int i = 0; i < 1000; ++i) rows.push_back(GoodRow(i, i % 2 ? a_name : ""));
  // The bad rows: row index → (column letter expected).
  std::map<int, std::string> bad;
  auto line = [](int index) { return index + 2; };
  rows[10][5] = TextCell(rows[10][5].text.substr(0, 17) + (rows[10][5].text[17] == '1' ? "2" : "1"));
  bad[10] = "F";  // bad checksum
  rows[120] = GoodRow(120, b_name);
  rows[120][2] = TextCell("2030-01-01");
  rows[120][5] = TextCell("");
  rows[120][9] = TextCell("青年");
  rows[120][11] = TextCell("");
  bad[120] = "C";  // birth date in the future
  rows[230][4] = TextCell("12345");
  bad[230] = "E";  // bad phone
  rows[340][5] = rows[339][5];
  rows[340][2] = rows[339][2];
  rows[340][1] = rows[339][1];  // the gender the number carries (checked before duplicates)
  bad[340] = "F";               // identity repeated within the file
  rows[450][5] = TextCell(existing);
  rows[450][2] = TextCell("1988-08-08");
  rows[450][1] = TextCell(people::IdentityGender(existing) == "male" ? "男" : "女");
  bad[450] = "F";  // identity already registered
  rows[560][10] = TextCell("不存在的团支部");
  bad[560] = "K";  // unknown organization
  rows[670][5] = NumberCell(std::stod(rows[670][5].text.substr(0, 17) + "1"));
  bad[670] = "F";  // identity stored as a number: digits lost
  rows[780][0] = TextCell("");
  bad[780] = "A";  // missing name
  rows[890][1] = TextCell("未知");
  bad[890] = "B";  // bad gender
  rows[995][9] = TextCell("团员");
  rows[995][11] = TextCell("2015-13-45");
  bad[995] = "L";  // a date that does not exist
  const std::string file = Xlsx(kPeopleHeader, rows);

  const int64_t members_before = Stat("W", "members", true), youth_before = Stat("W", "youth", true);
  const int64_t people_before = CountRows("people_persons");
  auto t0 = std::chrono::steady_clock::now();
  auto job = UploadAndValidate(*street, "people", "W", file);
  auto validate_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
  ASSERT_EQ(job["status"], "validated") << job.dump();
  EXPECT_EQ(job["total_rows"], 1000);
  EXPECT_EQ(job["processed_rows"], 1000);
  EXPECT_EQ(job["valid_rows"], 990);
  EXPECT_EQ(job["error_rows"], 10);
  std::map<int, std::string> reported;
  for (const auto& e : job["errors"]) {
    EXPECT_FALSE(reported.count(e["line"].get<int>())) << "one error per bad row: " << e.dump();
    reported[e["line"].get<int>()] = e["column"].is_null() ? "" : e["column"].get<std::string>();
    EXPECT_FALSE(e["message"].get<std::string>().empty());
  }
  std::map<int, std::string> expected;
  for (const auto& [index, column] : bad) expected[line(index)] = column;
  EXPECT_EQ(reported, expected) << job["errors"].dump(1);
  for (const auto& e : job["errors"]) {
    if (e["line"] == line(670)) {
      EXPECT_NE(e["message"].get<std::string>().find("15 位"), std::string::npos) << e;
    }
    if (e["line"] == line(340)) {
      EXPECT_NE(e["message"].get<std::string>().find("第 341 行"), std::string::npos) << e;
    }
  }
  // Validation alone writes nothing.
  EXPECT_EQ(CountRows("people_persons"), people_before);
  EXPECT_EQ(Stat("W", "members", true), members_before);

  const std::string id = job["id"];
  auto refused = Commit(*street, id, "all", 409);
  EXPECT_EQ(CountRows("people_persons"), people_before);
  auto t1 = std::chrono::steady_clock::now();
  auto done = Commit(*street, id, "valid_only");
  auto import_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t1);
  ASSERT_EQ(done["status"], "done") << done.dump();
  EXPECT_EQ(done["imported_rows"], 990);
  EXPECT_EQ(CountRows("people_persons"), people_before + 990);
  int members = 0, youth = 0, in_a = 0;
  for (int i = 0; i < 1000; ++i) {
    if (bad.count(i)) continue;
    const bool member = rows[i][9].text == "团员";
    (member ? members : youth)++;
    if (rows[i][10].text == a_name && member) ++in_a;
  }
  EXPECT_EQ(members + youth, 990);
  EXPECT_EQ(Stat("W", "members", true), members_before + members);
  EXPECT_EQ(Stat("W", "youth", true), youth_before + youth);
  EXPECT_EQ(Stat("A", "members"), 1 + in_a) << "one member existed before";
  EXPECT_TRUE(VerifyCounters().empty());
  EXPECT_EQ(Commit(*street, id, "valid_only", 409)["status"], 409) << "a job imports once";
  std::cout << "[timing] " << (GetParam() == storage::Dialect::kSqlite ? "sqlite" : "postgres")
            << " 1000-row validation: " << done["timings"]["validation_ms"] << " ms in the job (" << validate_ms.count()
            << " ms upload to report); import of 990: " << done["timings"]["import_ms"] << " ms in the job ("
            << import_ms.count() << " ms commit to done)\n";
}

TEST_P(SpreadsheetImportTest, CsvOrganizationsWithParentsFromTheSameFile) {
  auto street = As("street-admin");
  const std::string csv =
      "\xEF\xBB\xBF名称,简称,类型,领域,上级组织,行政区划代码,地址,联系人,联系电话,成立日期\n"
      "新建团总支,,团总支,社区,,650203,,,(0990)6888888,2016/5/4\n"
      "新建一支部,,团支部,社区,新建团总支,,,,,\n"
      "新建二支部,,团支部,非公企业,新建团总支,,,,138 1234 5678,2016年5月4日\n"
      "坏类型支部,,支队,社区,,,,,,\n"
      "孤儿支部,,团支部,社区,不存在的上级,,,,,\n"
      "测试甲社区团支部,,团支部,社区,,,,,,\n";
  const int64_t orgs_before = Stat("W", "organizations", true);
  auto job = UploadAndValidate(*street, "organizations", "W", csv);
  ASSERT_EQ(job["status"], "validated") << job.dump();
  EXPECT_EQ(job["valid_rows"], 3);
  std::map<int, std::string> reported;
  for (const auto& e : job["errors"]) reported[e["line"].get<int>()] = e["column"];
  EXPECT_EQ(reported, (std::map<int, std::string>{{5, "C"}, {6, "E"}, {7, "A"}})) << job["errors"].dump(1);
  EXPECT_EQ(Stat("W", "organizations", true), orgs_before);
  auto done = Commit(*street, job["id"], "valid_only");
  ASSERT_EQ(done["status"], "done") << done.dump();
  EXPECT_EQ(Stat("W", "organizations", true), orgs_before + 3);
  auto stats = street->Get("/api/v1/organizations/" + std::to_string(Org("W")) + "/stats");
  EXPECT_EQ(stats.json()["subtree"]["by_kind"]["branch"], 2 + 2) << stats.body;
  auto list = street->Get("/api/v1/organizations/" + std::to_string(Org("W")) +
                          "/subtree?q=" + std::string("%E6%96%B0%E5%BB%BA"));  // 新建
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["items"].size(), 3u);
  EXPECT_TRUE(VerifyCounters().empty());
}

TEST_P(SpreadsheetImportTest, CsvPeopleInEnglishHeaders) {
  auto sec = As("sec-a");
  const std::string id1 = TestIdentity("20000101", 1), id2 = TestIdentity("20010202", 2);
  const std::string csv =
      "name;gender;identity_number;phone;kind;member_since\n"
      "甲;;" +
      id1 +
      ";13912345678;member;2015-05-04\n"
      "乙;female;" +
      id2 + ";;youth;\n";
  auto job = UploadAndValidate(*sec, "people", "A", csv);
  ASSERT_EQ(job["status"], "validated") << job.dump();
  EXPECT_EQ(job["error_rows"], 0) << job.dump();
  auto done = Commit(*sec, job["id"], "all");
  ASSERT_EQ(done["status"], "done") << done.dump();
  EXPECT_EQ(Stat("A", "members"), 1);
  EXPECT_EQ(Stat("A", "youth"), 1);
}

TEST_P(SpreadsheetImportTest, PermissionsAndOwnership) {
  auto sec_a = As("sec-a");
  const std::string file = Xlsx(kPeopleHeader, {GoodRow(1, "")});
  EXPECT_EQ(Upload(*sec_a, "people", "B", file).status, 404) << "a sibling branch is not visible";
  EXPECT_EQ(Upload(*sec_a, "organizations", "A", file).status, 403) << "secretaries do not create organizations";
  EXPECT_EQ(Upload(*As("cadre-c"), "people", "C", file).status, 403);
  EXPECT_EQ(Upload(*sec_a, "people", "A", "").status, 422);
  auto bad_query = sec_a->Send("POST", "/api/v1/imports?kind=cats", file, {{"Content-Type", "text/csv"}});
  EXPECT_EQ(bad_query.status, 422);
  // Naming a sibling's branch inside the file is an unknown organization, not a way around.
  auto job = UploadAndValidate(*sec_a, "people", "A", Xlsx(kPeopleHeader, {GoodRow(2, "测试乙社区团支部")}));
  ASSERT_EQ(job["status"], "validated");
  ASSERT_EQ(job["errors"].size(), 1u);
  EXPECT_EQ(job["errors"][0]["column"], "K");
  // Only the uploader sees and commits the job.
  const std::string id = job["id"];
  EXPECT_EQ(As("sec-b")->Get("/api/v1/imports/" + id).status, 404);
  EXPECT_EQ(As("root-admin")->Post("/api/v1/imports/" + id + "/commit", nlohmann::json{{"mode", "valid_only"}}).status,
            404);
  EXPECT_EQ(sec_a->Post("/api/v1/imports/" + id + "/commit", nlohmann::json{{"mode", "some"}}).status, 422);
  EXPECT_EQ(sec_a->Get("/api/v1/imports/unknown").status, 404);
  auto english = As("sec-a");
  english->set_language("en");
  auto r = english->Get("/api/v1/imports/" + id);
  EXPECT_NE(r.json()["errors"][0]["message"].get<std::string>().find("No organization named"), std::string::npos);
}

TEST_P(SpreadsheetImportTest, BadRowsDownloadAsAFileReadyToFixAndUploadAgain) {
  auto sec = As("sec-a");
  std::vector<Cell> bad = GoodRow(2, "");
  bad[5] = TextCell("65020319900101123");  // 17 characters
  auto job = UploadAndValidate(*sec, "people", "A", Xlsx(kPeopleHeader, {GoodRow(1, ""), bad, GoodRow(3, "")}));
  ASSERT_EQ(job["status"], "validated") << job.dump();
  ASSERT_EQ(job["error_rows"], 1);
  const std::string id = job["id"];

  auto r = sec->Get("/api/v1/imports/" + id + "/errors");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  auto table = tables::ReadXlsx(r.body);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->rows.size(), 2u) << "the header and the one bad row";
  EXPECT_EQ(table->rows[0][0].text, "*姓名") << "the template's header, so the file imports as it is";
  EXPECT_EQ(table->rows[0].back().text, "错误说明");
  EXPECT_EQ(table->rows[1][0].text, "导入测试2");
  EXPECT_EQ(table->rows[1][5].text, "65020319900101123") << "the cell as uploaded";
  EXPECT_NE(table->rows[1].back().text.find("身份证号码"), std::string::npos) << table->rows[1].back().text;

  EXPECT_EQ(As("sec-b")->Get("/api/v1/imports/" + id + "/errors").status, 404) << "only the uploader";
  auto again = UploadAndValidate(*sec, "people", "A", r.body);
  ASSERT_EQ(again["status"], "validated") << again.dump();
  EXPECT_EQ(again["total_rows"], 1);
  EXPECT_EQ(again["error_rows"], 1) << "the same row, still to fix";

  auto clean = UploadAndValidate(*sec, "people", "A", Xlsx(kPeopleHeader, {GoodRow(4, "")}));
  auto none = sec->Get("/api/v1/imports/" + clean["id"].get<std::string>() + "/errors");
  EXPECT_EQ(none.status, 409);
  EXPECT_EQ(none.json()["detail"], "没有出错的行");
  ASSERT_EQ(Commit(*sec, id, "valid_only")["status"], "done");
  EXPECT_EQ(sec->Get("/api/v1/imports/" + id + "/errors").status, 409) << "the rows are gone once imported";

  auto header_only = UploadAndValidate(*sec, "people", "A", Xlsx(kPeopleHeader, {}));
  EXPECT_EQ(header_only["status"], "failed");
  EXPECT_EQ(header_only["failure"]["message"], "文件中没有数据行");
}

TEST_P(SpreadsheetImportTest, UnreadableFileFails) {
  auto sec = As("sec-a");
  auto job = UploadAndValidate(*sec, "people", "A", std::string("PK\x03\x04 not a zip"));
  EXPECT_EQ(job["status"], "failed");
  auto header = UploadAndValidate(*sec, "people", "A", "foo,bar\n1,2\n");
  EXPECT_EQ(header["status"], "failed");
  ASSERT_FALSE(header["errors"].empty());
  EXPECT_EQ(header["errors"][0]["field"], "name");
}

TEST_P(SpreadsheetImportTest, StoppingTheServerDuringValidationIsSafe) {
  std::vector<std::vector<Cell>> rows;
  for (int i = 0; i < 1000; ++i) rows.push_back(GoodRow(i, ""));
  auto street = As("street-admin");
  auto r = Upload(*street, "people", "W", Xlsx(kPeopleHeader, rows));
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.json()["status"], "validating");
  // TearDown destroys the server now: the worker rolls back and is joined before the database
  // closes (a crash or a hang would fail the run).
}

TS_INSTANTIATE_FOR_DATABASES(SpreadsheetImportTest);

}  // namespace
}  // namespace tianshan::testing
