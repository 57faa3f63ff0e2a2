// tianshan generate on both databases, at a small scale (300 organizations, 15,000 people):
// counters agree with a recomputation, the expected rows exist, the tree is well formed, the
// same seed gives the same rows, a benchmark account signs up for the storm shift through the
// real API, identity sequences continue after the generated ids, and a second run is refused.
#include "generate/generate_network.h"

#include <gtest/gtest.h>

#include "app/app.h"
#include "modules/organizations/create_organization.h"
#include "testing/test_server.h"

namespace tianshan::generate {
namespace {

constexpr const char* kScale = "300";

Result<GenerateSummary> Generate(storage::Database& db, uint64_t seed = 7) {
  GenerateOptions options;
  options.scale = kScale;
  options.seed = seed;
  options.progress = nullptr;
  options.bulk.rows_per_commit = 4'000;  // several commits even at this size
  return GenerateNetwork(db, options);
}

int64_t Count(storage::Database& db, const std::string& sql) {
  auto n = db.Read([&](storage::Transaction& tx) -> Result<int64_t> {
    TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(sql));
    return row->Int(0);
  });
  EXPECT_TRUE(n.ok()) << n.status().detail();
  return n.ok() ? *n : -1;
}

// FNV-1a over every value of the rows of `tables`, each in primary key order.
uint64_t Digest(storage::Database& db) {
  const char* queries[] = {
      "SELECT * FROM organizations_organizations ORDER BY id",
      "SELECT * FROM organizations_coverage_units ORDER BY id",
      "SELECT * FROM organizations_counters ORDER BY organization_id, counter_key",
      "SELECT * FROM people_persons ORDER BY id",
      "SELECT * FROM people_memberships ORDER BY id",
      "SELECT * FROM people_positions ORDER BY id",
      "SELECT * FROM volunteering_projects ORDER BY id",
      "SELECT * FROM volunteering_shifts ORDER BY id",
      "SELECT * FROM volunteering_signups ORDER BY id",
      "SELECT * FROM volunteering_ledger ORDER BY id",
      // Not password_hash: its Argon2id salt is random (as a salt must be).
      "SELECT id, login, display_name, person_id, status, created_at FROM auth_accounts ORDER BY id",
      "SELECT * FROM auth_grants ORDER BY id",
  };
  uint64_t h = 1469598103934665603ULL;
  for (const char* sql : queries) {
    auto rows = db.Read([&](storage::Transaction& tx) { return tx.Query(sql); });
    EXPECT_TRUE(rows.ok()) << sql;
    if (!rows.ok()) return 0;
    for (const auto& r : *rows) {
      for (size_t i = 0; i < r.size(); ++i) {
        for (char c : (r.IsNull(i) ? std::string("\\N") : r.Text(i)) + "|") {
          h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        }
      }
    }
  }
  return h;
}

class GenerateNetworkTest : public ::tianshan::testing::ApiTest {};

TEST_P(GenerateNetworkTest, WritesAConsistentNetwork) {
  storage::Database& db = server().app().db();
  auto summary = Generate(db);
  ASSERT_TRUE(summary.ok()) << summary.status().message() << " " << summary.status().detail();
  EXPECT_GT(summary->storm_shift_id, 0);

  auto differences = server().app().VerifyCounters();
  ASSERT_TRUE(differences.ok()) << differences.status().detail();
  EXPECT_TRUE(differences->empty()) << differences->size() << " differences, first: " << differences->front();

  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM organizations_organizations"), 300);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM organizations_organizations WHERE parent_id IS NULL"), 1);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM organizations_organizations WHERE kind = 'branch'"), 280);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM people_persons"), 15'000);
  const int64_t members = Count(db, "SELECT COUNT(*) FROM people_memberships WHERE status = 'active'");
  EXPECT_GT(members, 15'000 * 8 / 10);
  EXPECT_LT(members, 15'000);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM people_persons WHERE is_member = 1"), members);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM auth_accounts WHERE login LIKE 'bench-youth-%'"), 15'000);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM auth_accounts WHERE is_demo = 1"), 15'000)
      << "public passwords: serve must warn about them";
  EXPECT_GT(Count(db, "SELECT COUNT(*) FROM people_positions"), 280);
  EXPECT_GT(Count(db, "SELECT COUNT(*) FROM volunteering_ledger"), 0);
  EXPECT_GT(Count(db, "SELECT COUNT(*) FROM organizations_coverage_units"), 0);
  EXPECT_EQ(Count(db, "SELECT COUNT(DISTINCT identity_number) FROM people_persons"),
            Count(db, "SELECT COUNT(identity_number) FROM people_persons"));
  // Every path is the parent's path plus the own id (verify-counters checks it too).
  EXPECT_EQ(Count(db,
                  "SELECT COUNT(*) FROM organizations_organizations c JOIN organizations_organizations p "
                  "ON p.id = c.parent_id WHERE c.path <> p.path || CAST(c.id AS TEXT) || '/' "
                  "OR c.depth <> p.depth + 1"),
            0);
  EXPECT_EQ(Count(db,
                  "SELECT COUNT(*) FROM people_persons p JOIN organizations_organizations o "
                  "ON o.id = p.organization_id WHERE p.org_path <> o.path OR o.kind <> 'branch'"),
            0);
  int64_t rows = 0;
  for (const auto& t : summary->tables) rows += t.rows;
  EXPECT_EQ(rows, summary->total_rows);
}

TEST_P(GenerateNetworkTest, CadresHaveAHundredContactsAndTheDashboardReadsThem) {
  storage::Database& db = server().app().db();
  ASSERT_TRUE(Generate(db).ok());
  const int64_t cadres = Count(db, "SELECT COUNT(*) FROM cadres_cadres");
  EXPECT_GE(cadres, 300 / 40 / 2);  // about one per 40 organizations
  EXPECT_LE(cadres, 300 / 40 * 2);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM cadres_contacts WHERE status = 'active'"), cadres * 100);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM cadres_cadres WHERE active_contacts = 100 AND fields_covered = 7"), cadres);
  EXPECT_EQ(Count(db,
                  "SELECT COUNT(*) FROM cadres_contacts k JOIN cadres_cadres c ON c.id = k.cadre_id "
                  "WHERE k.person_id = c.person_id"),
            0);
  // "8+4": a posting running from the generation day for each, one last autumn before it.
  EXPECT_EQ(Count(db,
                  "SELECT COUNT(*) FROM cadres_postings p JOIN organizations_organizations o ON "
                  "o.id = p.host_organization_id AND o.path = p.host_path"),
            cadres * 2);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM cadres_posting_logs"), cadres * 2);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM cadres_postings WHERE report IS NULL AND ends_on < '2026-01-01'"),
            cadres / 2);
  auto differences = server().app().VerifyCounters();
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty()) << differences->front();

  // Through the real API: a cadre pages through their contacts, the root's admin reads figures only.
  const int64_t person = Count(db, "SELECT MIN(person_id) FROM cadres_cadres");
  ASSERT_GT(server().CreateAccount("gen-cadre", {}, person), 0);
  ASSERT_GT(server().CreateAccount("gen-admin", {{1, auth::Role::kCommitteeAdmin}}), 0);
  auto cadre = LoggedIn("gen-cadre", "password-123");
  auto page = cadre->Get("/api/v1/cadres/me/contacts?limit=50");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json()["items"].size(), 50u);
  auto next = cadre->Get("/api/v1/cadres/me/contacts?limit=50&cursor=" + page.json()["next_cursor"].get<std::string>());
  EXPECT_EQ(next.json()["items"].size(), 50u);
  EXPECT_TRUE(next.json()["next_cursor"].is_null());
  auto admin = LoggedIn("gen-admin", "password-123");
  auto dashboard = admin->Get("/api/v1/organizations/1/cadres/dashboard");
  ASSERT_EQ(dashboard.status, 200) << dashboard.body;
  EXPECT_EQ(dashboard.json()["figures"]["cadres"], cadres);
  EXPECT_EQ(dashboard.json()["figures"]["contacts"], cadres * 100);
  EXPECT_EQ(dashboard.json()["figures"]["at_quota"], cadres);
}

TEST_P(GenerateNetworkTest, SameSeedSameRows) {
  ASSERT_TRUE(Generate(server().app().db()).ok());
  std::string why;
  auto other = ::tianshan::testing::TestDatabase::Create(GetParam(), &why);
  ASSERT_TRUE(other) << why;
  AppConfig config;
  config.db_url = other->url();
  auto app = App::Create(config, other->TakeDb());
  ASSERT_TRUE(app.ok());
  ASSERT_TRUE((*app)->Migrate().ok());
  ASSERT_TRUE(Generate((*app)->db()).ok());
  EXPECT_EQ(Digest(server().app().db()), Digest((*app)->db()));
}

TEST_P(GenerateNetworkTest, BenchAccountSignsUpForTheStormShift) {
  auto summary = Generate(server().app().db());
  ASSERT_TRUE(summary.ok());
  auto youth = LoggedIn("bench-youth-000001", std::string(kBenchPassword));
  auto session = youth->Get("/api/v1/session");
  ASSERT_EQ(session.status, 200) << session.body;
  auto r = youth->Post("/api/v1/volunteering/shifts/" + std::to_string(summary->storm_shift_id) + "/sign-ups",
                       std::string());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["status"], "confirmed");
  auto differences = server().app().VerifyCounters();
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty()) << differences->front();
}

TEST_P(GenerateNetworkTest, NewRowsContinueAfterTheGeneratedIds) {
  ASSERT_TRUE(Generate(server().app().db()).ok());
  organizations::CreateOrganizationInput in;
  in.parent_id = 1;
  in.fields.name = "生成之后新建的团委";
  in.fields.kind = "committee";
  in.fields.setting = "government";
  auto& ctx = server().app().context();
  auto org = ctx.db.Write([&](storage::Transaction& tx) {
    return organizations::CreateOrganizationUnchecked(tx, ctx, std::nullopt, in, "test");
  });
  ASSERT_TRUE(org.ok()) << org.status().message() << " " << org.status().detail();
  EXPECT_EQ(org->id, 301);
  EXPECT_EQ(org->path, "/1/301/");
}

TEST_P(GenerateNetworkTest, RefusesADatabaseWithOrganizations) {
  ASSERT_TRUE(Generate(server().app().db()).ok());
  auto again = Generate(server().app().db());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(again.status().message(), "generate.not_empty");
  EXPECT_EQ(Count(server().app().db(), "SELECT COUNT(*) FROM organizations_organizations"), 300);
}

TEST(GenerateScaleTest, ParsesScales) {
  EXPECT_EQ(ParseScale("region")->organizations, 40'000);
  EXPECT_EQ(ParseScale("national")->people, 75'000'000);
  auto n = ParseScale("300");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->people, 15'000);
  EXPECT_EQ(n->branches(), 280);
  EXPECT_FALSE(ParseScale("3").ok());
  EXPECT_FALSE(ParseScale("big").ok());
  EXPECT_FALSE(ParseScale("300x").ok());
}

TS_INSTANTIATE_FOR_DATABASES(GenerateNetworkTest);

}  // namespace
}  // namespace tianshan::generate
