// `tianshan verify-counters --repair` on SQLite and PostgreSQL with the demo network: counters
// a migration added start at zero on a database that already has rows (services.enrolled,
// waitlisted and attendance, venues' pending bookings), an organizations key and a subtree value
// are broken by hand; the repair finds each, rebuilds them in one audited transaction, and
// verify-counters is clean after it. A second repair finds nothing and records nothing.

#include "app/repair_counters.h"

#include "testing/demo_api_test.h"

namespace tianshan::testing {
namespace {

class CounterRepairTest : public DemoApiTest {
 protected:
  int64_t Scalar(const std::string& sql) {
    auto row = server().app().db().Read([&](storage::Transaction& tx) { return tx.QueryOne(sql); });
    EXPECT_TRUE(row.ok() && *row) << sql;
    return row.ok() && *row ? (*row)->Int(0) : -1;
  }
  void Run(const std::string& sql) {
    auto s = server().app().db().Write([&](storage::Transaction& tx) { return tx.Execute(sql).status(); });
    ASSERT_TRUE(s.ok()) << sql << ": " << s.message() << " " << s.detail();
  }
};

TEST_P(CounterRepairTest, RebuildsBrokenCountersAndIsCleanAfter) {
  auto clean = server().app().VerifyCounters();
  ASSERT_TRUE(clean.ok());
  ASSERT_TRUE(clean->empty()) << clean->front();
  const std::string enrolled_sum =
      "SELECT COALESCE(SUM(self_value), 0) FROM organizations_counters WHERE counter_key = 'services.enrolled'";
  const int64_t enrolled = Scalar(enrolled_sum);
  ASSERT_GT(enrolled, 0) << "the demo class has enrolled children";
  const int64_t audits_before = Scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'counters.repair'");

  // As after migrations services 0004/0005: the new counters have no rows at all.
  Run("DELETE FROM organizations_counters WHERE counter_key IN ('services.enrolled', 'services.waitlisted', "
      "'services.attendance_present', 'services.attendance_marked')");
  // A self value off (an organizations key) and a subtree value off (another module's key).
  Run("UPDATE organizations_counters SET self_value = self_value + 2, subtree_value = subtree_value + 2 WHERE "
      "counter_key = 'organizations' AND organization_id = (SELECT MAX(id) FROM organizations_organizations)");
  Run("UPDATE organizations_counters SET subtree_value = subtree_value + 7 WHERE counter_key = 'members' AND "
      "organization_id = (SELECT MIN(organization_id) FROM organizations_counters WHERE counter_key = 'members')");
  auto broken = server().app().VerifyCounters();
  ASSERT_TRUE(broken.ok());
  ASSERT_FALSE(broken->empty());

  auto repaired = RepairCounters(server().app());
  ASSERT_TRUE(repaired.ok()) << repaired.status().message() << " " << repaired.status().detail();
  EXPECT_EQ(repaired->found.size(), broken->size()) << "the repair reports what verify-counters reports";
  EXPECT_TRUE(repaired->left.empty()) << repaired->left.front();
  EXPECT_GT(repaired->changed, 0);
  auto after = server().app().VerifyCounters();
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->empty()) << after->front();
  EXPECT_EQ(Scalar(enrolled_sum), enrolled) << "rebuilt from the enrollments";
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'counters.repair'"), audits_before + 1);

  auto again = RepairCounters(server().app());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->found.empty());
  EXPECT_EQ(again->changed, 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'counters.repair'"), audits_before + 1)
      << "nothing to repair, nothing recorded";
}

TS_INSTANTIATE_FOR_DATABASES(CounterRepairTest);

}  // namespace
}  // namespace tianshan::testing
