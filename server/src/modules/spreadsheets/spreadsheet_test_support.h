#pragma once
// Shared by the spreadsheets API tests (header only): the people fixture's tree and accounts
// (people_test_support.h), plus uploading a file and waiting for its job.

#include <chrono>
#include <thread>

#include "core/tables/table.h"
#include "core/tables/xlsx_writer.h"
#include "modules/people/people_test_support.h"

namespace tianshan::testing {

class SpreadsheetApiTestBase : public PeopleApiTestBase {
 protected:
  HttpResult Upload(HttpClient& client, const std::string& kind, const std::string& org_key, const std::string& bytes) {
    return client.Send("POST", "/api/v1/imports?kind=" + kind + "&organization_id=" + std::to_string(Org(org_key)),
                       bytes, {{"Content-Type", "application/octet-stream"}});
  }

  // Polls the job until it leaves validating/importing; the last answer.
  nlohmann::json Wait(HttpClient& client, const std::string& id) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    for (;;) {
      auto r = client.Get("/api/v1/imports/" + id);
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200) return nlohmann::json();
      auto j = r.json();
      if (j["status"] != "validating" && j["status"] != "importing") return j;
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << "job did not finish: " << r.body;
        return j;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  // Uploads and waits for validation; the job.
  nlohmann::json UploadAndValidate(HttpClient& client, const std::string& kind, const std::string& org_key,
                                   const std::string& bytes) {
    auto r = Upload(client, kind, org_key, bytes);
    EXPECT_EQ(r.status, 202) << r.body;
    if (r.status != 202) return nlohmann::json();
    return Wait(client, r.json()["id"].get<std::string>());
  }

  nlohmann::json Commit(HttpClient& client, const std::string& id, const std::string& mode, long expect = 202) {
    auto r = client.Post("/api/v1/imports/" + id + "/commit", nlohmann::json{{"mode", mode}});
    EXPECT_EQ(r.status, expect) << r.body;
    if (r.status != 202) return r.json();
    return Wait(client, id);
  }

  static std::string Xlsx(std::vector<std::string> header, std::vector<std::vector<tables::Cell>> rows) {
    tables::XlsxSheet sheet;
    sheet.header = std::move(header);
    sheet.rows = std::move(rows);
    auto bytes = tables::WriteXlsx(sheet);
    EXPECT_TRUE(bytes.ok());
    return bytes.ok() ? *bytes : std::string();
  }
};

}  // namespace tianshan::testing
