// Regression: people rows keep their organization's materialized path; when a subtree moves,
// the new ancestors must see its people and the old ones must not (paths rewritten in the
// move's transaction through AppContext::subtree_moved).

#include <gtest/gtest.h>

#include "modules/people/people_test_support.h"

namespace tianshan::testing {
namespace {

class PeopleSubtreeMoveTest : public PeopleApiTestBase {};

bool ListHas(HttpClient& client, int64_t org, int64_t person) {
  auto r = client.Get("/api/v1/organizations/" + std::to_string(org) + "/people?scope=subtree&limit=200");
  if (r.status != 200) {
    ADD_FAILURE() << "list " << org << ": " << r.status << " " << r.body;
    return false;
  }
  const auto body = r.json();
  for (const auto& item : body["items"]) {
    if (item["id"] == person) return true;
  }
  return false;
}

TEST_P(PeopleSubtreeMoveTest, MovedPeopleFollowTheirOrganization) {
  int64_t person = CreateMember(*As("sec-a"), "周示例", TestIdentity("19960505", 41), "A");
  ASSERT_GT(person, 0);
  auto city = As("city-admin");
  auto other_city = As("admin-d");
  EXPECT_TRUE(ListHas(*city, Org("C"), person));
  EXPECT_FALSE(ListHas(*other_city, Org("D"), person));

  auto moved = As("root-admin")->Post("/api/v1/organizations/" + std::to_string(Org("W")) + "/move",
                                      nlohmann::json{{"new_parent_id", Org("D")}});
  ASSERT_EQ(moved.status, 200) << moved.body;

  EXPECT_TRUE(ListHas(*As("admin-d"), Org("D"), person)) << "the new ancestor's subtree list includes the person";
  EXPECT_FALSE(ListHas(*As("city-admin"), Org("C"), person)) << "the old ancestor's list no longer does";
  EXPECT_EQ(As("city-admin")->Get("/api/v1/people/" + std::to_string(person)).status, 404);
  EXPECT_EQ(As("admin-d")->Get("/api/v1/people/" + std::to_string(person)).status, 200);
  EXPECT_EQ(Stat("D", "members", true), 1);
  EXPECT_EQ(Stat("C", "members", true), 0);
  auto differences = server().app().VerifyCounters();
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty());
}

TS_INSTANTIATE_FOR_DATABASES(PeopleSubtreeMoveTest);

}  // namespace
}  // namespace tianshan::testing
