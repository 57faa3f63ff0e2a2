// Certificates name their issuing organization, and a shift's roster exports as .xlsx, through
// the HTTP API on SQLite and PostgreSQL.

#include "core/tables/table.h"
#include "modules/volunteering/api_test_fixture.h"

namespace tianshan::volunteering::testing {
namespace {

class VolunteerCertificatesApiTest : public VolunteeringApiTest {};

TEST_P(VolunteerCertificatesApiTest, ACertificateNamesItsIssuingOrganization) {
  auto admin = Admin();
  int64_t project = MakeProject(*admin);
  int64_t shift = MakeShift(*admin, project, 5, 48 * kHourMs);
  int64_t person = MakePeople(1)[0];
  auto volunteer = VolunteerClient(person);
  ASSERT_EQ(volunteer->Post(ShiftPath(shift, "/sign-ups"), std::string()).status, 201);
  ASSERT_EQ(admin
                ->Post("/api/v1/volunteering/hours/adjustments",
                       nlohmann::json{{"person_id", person},
                                      {"project_id", project},
                                      {"minutes", 150},
                                      {"worked_on", FormatUtc(server().clock().NowMillis()).substr(0, 10)},
                                      {"reason", "补录"}})
                .status,
            201);
  auto issued = volunteer->Post("/api/v1/volunteering/certificates", std::string());
  ASSERT_EQ(issued.status, 201) << issued.body;
  const auto cert = issued.json()["certificate"];
  EXPECT_EQ(cert["organization_id"], branch_.id);
  EXPECT_EQ(cert["organization_name"], "测试社区团支部");
  EXPECT_EQ(cert["minutes"], 150);

  const std::string code = cert["code"];
  auto verified = Client()->Get("/api/v1/certificates/verify/" + code);
  ASSERT_EQ(verified.status, 200);
  EXPECT_EQ(verified.json()["certificate"]["organization_name"], "测试社区团支部");
  auto page = Client()->Get("/verify/" + code);
  EXPECT_NE(page.body.find("出具单位：测试社区团支部"), std::string::npos);
  auto pdf = volunteer->Get(issued.json()["pdf_url"].get<std::string>());
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(
      volunteer->Get("/api/v1/volunteering/my/certificates").json()["items"][0]["certificate"]["organization_name"],
      "测试社区团支部");
}

TEST_P(VolunteerCertificatesApiTest, TheRosterExportsAsASpreadsheet) {
  auto admin = Admin();
  int64_t project = MakeProject(*admin, "社区便民服务日");
  int64_t shift = MakeShift(*admin, project, 1, 48 * kHourMs);
  auto people = MakePeople(2, "2000-01-01", "导出");
  std::vector<std::unique_ptr<HttpClient>> v;
  for (int64_t p : people) {
    v.push_back(VolunteerClient(p));
    ASSERT_EQ(v.back()->Post(ShiftPath(shift, "/sign-ups"), std::string()).status, 201);
  }
  auto file = admin->Get(ShiftPath(shift, "/roster/export"));
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(file.header("content-disposition").find("attachment"), std::string::npos);
  auto table = tables::ReadXlsx(file.body);
  ASSERT_TRUE(table.ok()) << table.status().message();
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0][1].text, "姓名");
  EXPECT_EQ(table->rows[1][1].text, "导出1");
  EXPECT_EQ(table->rows[1][2].text, "已确认");
  EXPECT_EQ(table->rows[2][1].text, "导出2");
  EXPECT_EQ(table->rows[2][2].text, "候补");
  EXPECT_EQ(table->rows[2][3].number, 1);
  EXPECT_EQ(v[0]->Get(ShiftPath(shift, "/roster/export")).status, 403);
  // A public project is seen by everyone, its roster only by those who manage it.
  EXPECT_EQ(LoggedIn("vol-outsider", "password-123")->Get(ShiftPath(shift, "/roster/export")).status, 403);
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerCertificatesApiTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
