// The workbench (GET /api/v1/my/work) counts the people module's to-dos for the side each waits
// for: a transfer started by the receiving side is the sender's to-do until released, then the
// receiver's; a correction is the to-do of admins strictly above the person's branch, never of
// the one who asked. A member gets no leader work — on SQLite and PostgreSQL.

#include <algorithm>

#include "modules/people/people_test_support.h"

namespace tianshan::testing {
namespace {

class WorkItemsApiTest : public PeopleApiTestBase {
 protected:
  void SetUp() override {
    PeopleApiTestBase::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    identity_ = TestIdentity("19990909", 7);
    person_ = CreateMember(*As("sec-a"), "何示例", identity_, "A");
    ASSERT_GT(person_, 0);
  }
  nlohmann::json Work(const std::string& login, const std::string& query = "") {
    auto r = As(login)->Get("/api/v1/my/work" + query);
    EXPECT_EQ(r.status, 200) << login << " " << r.body;
    return r.json();
  }
  // The count of `key` on `login`'s workbench; -1 when the item is not theirs at all.
  int64_t CountOf(const std::string& login, const std::string& key) {
    const nlohmann::json work = Work(login);  // kept alive for the loop
    for (const auto& item : work["items"]) {
      if (item["key"] == key) return item["count"].get<int64_t>();
    }
    return -1;
  }
  int64_t person_ = 0;
  std::string identity_;
};

TEST_P(WorkItemsApiTest, ATransferIsTheToDoOfTheSideItWaitsFor) {
  EXPECT_EQ(CountOf("sec-a", "people.transfers_out"), 0);
  EXPECT_EQ(CountOf("sec-e", "people.transfers_in"), 0);
  auto start = As("admin-d")->Post(
      "/api/v1/transfers",
      nlohmann::json{{"identity_number", identity_}, {"name", "何示例"}, {"to_organization_id", Org("E")}});
  ASSERT_EQ(start.status, 201) << start.body;
  const int64_t id = start.json()["id"];
  // Started by the receiving side: the sending side's to-do (release), not yet the receiver's.
  EXPECT_EQ(CountOf("sec-a", "people.transfers_out"), 1);
  EXPECT_EQ(CountOf("street-admin", "people.transfers_out"), 1);
  EXPECT_EQ(CountOf("sec-b", "people.transfers_out"), 0) << "branch B is beside the sending branch";
  EXPECT_EQ(CountOf("sec-e", "people.transfers_in"), 0);
  EXPECT_EQ(CountOf("admin-d", "people.transfers_in"), 0);
  nlohmann::json link;
  const nlohmann::json sec_work = Work("sec-a");
  for (const auto& item : sec_work["items"]) {
    if (item["key"] == "people.transfers_out") link = item["link"];
  }
  EXPECT_EQ(link, "/app/organizations/" + std::to_string(Org("A")) + "/transfers?direction=outgoing");

  ASSERT_EQ(As("sec-a")->Post("/api/v1/transfers/" + std::to_string(id) + "/release", std::string()).status, 200);
  EXPECT_EQ(CountOf("sec-a", "people.transfers_out"), 0);
  EXPECT_EQ(CountOf("sec-e", "people.transfers_in"), 1);
  EXPECT_EQ(CountOf("admin-d", "people.transfers_in"), 1);
  EXPECT_EQ(CountOf("sec-a", "people.transfers_in"), 0);
}

TEST_P(WorkItemsApiTest, ACorrectionIsTheToDoOfAdminsAboveTheBranchButNotOfTheAsker) {
  ASSERT_GT(server().CreateAccount("branch-admin", {{Org("A"), auth::Role::kCommitteeAdmin}}), 0);
  EXPECT_EQ(CountOf("street-admin", "people.corrections"), 0);
  auto req = As("sec-a")->Post("/api/v1/people/" + std::to_string(person_) + "/corrections",
                               nlohmann::json{{"name", "何实例"}, {"reason", "笔误"}});
  ASSERT_EQ(req.status, 201) << req.body;
  EXPECT_EQ(CountOf("street-admin", "people.corrections"), 1);
  EXPECT_EQ(CountOf("root-admin", "people.corrections"), 1);
  EXPECT_EQ(CountOf("branch-admin", "people.corrections"), 0) << "an admin on the branch itself is not above it";
  EXPECT_EQ(CountOf("admin-d", "people.corrections"), 0) << "another city";
  EXPECT_EQ(CountOf("sec-a", "people.corrections"), -1) << "a secretary decides no correction";

  const int64_t other = CreateMember(*As("sec-a"), "甲示例", TestIdentity("19970101", 5), "A");
  ASSERT_EQ(As("street-admin")
                ->Post("/api/v1/people/" + std::to_string(other) + "/corrections",
                       nlohmann::json{{"name", "乙示例"}, {"reason", "笔误"}})
                .status,
            201);
  EXPECT_EQ(CountOf("street-admin", "people.corrections"), 1) << "not the correction the street admin asked for";
  EXPECT_EQ(CountOf("city-admin", "people.corrections"), 2);
}

// The cadre's own pages (联系青年, 我的下沉) are listed by the area "cadres.work" (the cadres
// module's item): only an account whose person holds an open cadre position gets it, so an
// administrator without a person record is not offered pages that answer "not a cadre".
TEST_P(WorkItemsApiTest, TheCadreAreaNeedsAnOpenCadrePosition) {
  auto has_area = [](const nlohmann::json& work, const std::string& area) {
    const auto areas = work["areas"].get<std::vector<std::string>>();
    return std::count(areas.begin(), areas.end(), area) == 1;
  };
  EXPECT_FALSE(has_area(Work("city-admin"), "cadres.work")) << "no person record";
  EXPECT_EQ(CountOf("city-admin", "cadres.contact_requests"), -1);
  ASSERT_GT(server().CreateAccount("member-a", {{Org("A"), auth::Role::kMember}}, person_), 0);
  EXPECT_FALSE(has_area(Work("member-a"), "cadres.work")) << "a member holding no position";
  auto appoint = As("sec-a")->Post("/api/v1/people/" + std::to_string(person_) + "/positions",
                                   nlohmann::json{{"organization_id", Org("A")},
                                                  {"title", "committee_member"},
                                                  {"employment", "part_time"},
                                                  {"started_on", "2024-01-01"}});
  ASSERT_EQ(appoint.status, 201) << appoint.body;
  EXPECT_TRUE(has_area(Work("member-a"), "cadres.work")) << "an open cadre position";
  EXPECT_EQ(CountOf("member-a", "cadres.contact_requests"), 0);
}

TEST_P(WorkItemsApiTest, AMemberGetsNoLeaderWorkAndTheFiguresOfTheirBranch) {
  ASSERT_GT(server().CreateAccount("member-a", {{Org("A"), auth::Role::kMember}}, person_), 0);
  auto work = Work("member-a");
  for (const auto& item : work["items"]) {
    EXPECT_NE(item["key"].get<std::string>().rfind("people.", 0), 0u) << item;
    EXPECT_NE(item["key"], "volunteering.hours_to_confirm");
  }
  const auto areas = work["areas"].get<std::vector<std::string>>();
  EXPECT_EQ(std::count(areas.begin(), areas.end(), "volunteering.lead"), 0);
  EXPECT_EQ(std::count(areas.begin(), areas.end(), "people.transfers"), 0);
  EXPECT_EQ(std::count(areas.begin(), areas.end(), "volunteering.volunteer"), 1) << "a person has shifts of their own";
  EXPECT_EQ(work["organization"]["id"], Org("A"));
  EXPECT_EQ(work["figures"]["members"], 1);
  EXPECT_TRUE(work["overdue"]["items"].empty()) << "a member does not read the overdue view";

  auto secretary = Work("sec-a");
  const auto leader_areas = secretary["areas"].get<std::vector<std::string>>();
  EXPECT_EQ(std::count(leader_areas.begin(), leader_areas.end(), "volunteering.lead"), 1);
  EXPECT_EQ(std::count(leader_areas.begin(), leader_areas.end(), "people.transfers"), 1);
  EXPECT_FALSE(secretary["overdue"]["items"].empty());

  auto street = Work("root-admin", "?organization_id=" + std::to_string(Org("W")));
  EXPECT_EQ(street["organization"]["name"], "测试街道团工委");
  EXPECT_EQ(street["figures"]["organizations"], 3) << "the street and its two branches";
  EXPECT_EQ(As("sec-a")->Get("/api/v1/my/work?organization_id=" + std::to_string(Org("E"))).status, 404);
  auto bad = As("sec-a")->Get("/api/v1/my/work?organization_id=abc");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.error_fields(), std::vector<std::string>{"organization_id"});
}

TS_INSTANTIATE_FOR_DATABASES(WorkItemsApiTest);

}  // namespace
}  // namespace tianshan::testing
