// Randomized check of the maintained counters: thousands of creates, moves, archives, coverage
// changes and foreign-key adjustments (as the people module makes), sequentially and from
// several threads at once, after which verify_counters must find no difference.
#include <atomic>
#include <random>
#include <thread>

#include "modules/organizations/archive_organization.h"
#include "modules/organizations/create_coverage_unit.h"
#include "modules/organizations/move_organization.h"
#include "modules/organizations/public/counters.h"
#include "modules/organizations/test_fixture.h"
#include "modules/organizations/update_coverage_unit.h"
#include "modules/organizations/verify_counters.h"

namespace tianshan::organizations::testing {
namespace {

class OrganizationCountersRandomTest : public OrganizationsTest {
 protected:
  // Shared by the worker threads; guarded by mutex_.
  struct World {
    std::vector<int64_t> orgs;
    std::vector<int64_t> units;
    auth::Actor admin;  // committee_admin on every root
  };

  void SetUp() override {
    OrganizationsTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    for (int i = 0; i < 3; ++i) AddRoot(Make("根" + std::to_string(i)));
  }

  void AddRoot(const Organization& root) {
    world_.orgs.push_back(root.id);
    world_.admin.grants.push_back({root.id, root.path, root.fields.name, auth::Role::kCommitteeAdmin});
  }

  // One random operation. Refusals (cycles, archived parents, conflicts) are expected; any
  // other failure is not.
  void Step(std::mt19937_64& rng, int n) {
    std::uniform_int_distribution<int> pct(0, 99);
    int64_t a, b, unit = 0;
    auth::Actor admin;
    {
      std::lock_guard lock(mutex_);
      a = world_.orgs[rng() % world_.orgs.size()];
      b = world_.orgs[rng() % world_.orgs.size()];
      if (!world_.units.empty()) unit = world_.units[rng() % world_.units.size()];
      admin = world_.admin;
    }
    Caller caller{admin, "rnd"};
    int p = pct(rng);
    Status s;
    if (p < 40) {
      static const char* kinds[] = {"committee", "working_committee", "general_branch", "branch"};
      auto in = Input("组织" + std::to_string(n) + "_" + std::to_string(rng() % 100000), a, kinds[rng() % 4]);
      auto r = CreateOrganization(ctx(), caller, in);
      s = r.status();
      if (r.ok()) {
        std::lock_guard lock(mutex_);
        world_.orgs.push_back(r->id);
      }
    } else if (p < 58) {
      s = MoveOrganization(ctx(), caller, a, pct(rng) < 3 ? std::nullopt : std::optional<int64_t>(b)).status();
    } else if (p < 66) {
      s = ArchiveOrganization(ctx(), caller, a).status();
    } else if (p < 76) {
      CoverageUnitInput in{"单位" + std::to_string(n), "social_organization", 10, std::nullopt};
      if (pct(rng) < 50) in.covered_by_organization_id = b;
      auto r = CreateCoverageUnit(ctx(), caller, a, in);
      if (r.status().code() == StatusCode::kInvalid) {  // covering organization outside: register uncovered
        in.covered_by_organization_id.reset();
        r = CreateCoverageUnit(ctx(), caller, a, in);
      }
      s = r.status();
      if (r.ok()) {
        std::lock_guard lock(mutex_);
        world_.units.push_back(r->id);
      }
    } else if (p < 86 && unit != 0) {
      CoverageUnitPatch patch;
      patch.covered_by_organization_id = pct(rng) < 50 ? std::optional<int64_t>() : std::optional<int64_t>(b);
      s = UpdateCoverageUnit(ctx(), caller, unit, patch).status();
    } else {
      int64_t delta = static_cast<int64_t>(rng() % 7) - 3;
      s = db().Write([&](storage::Transaction& tx) { return AdjustCounter(tx, a, counter::kMembers, delta); });
    }
    bool expected = s.ok() || s.code() == StatusCode::kInvalid || s.code() == StatusCode::kConflict ||
                    s.code() == StatusCode::kNotFound;
    // A move may leave an organization outside every grant (it became a new root): 404/403 then.
    expected = expected || s.code() == StatusCode::kForbidden;
    EXPECT_TRUE(expected) << s.message() << " " << s.detail();
  }

  void ExpectNoDifferences() {
    auto diffs = VerifyCounters(db());
    ASSERT_TRUE(diffs.ok()) << diffs.status().detail();
    for (size_t i = 0; i < diffs->size() && i < 20; ++i) ADD_FAILURE() << (*diffs)[i];
  }

  std::mutex mutex_;
  World world_;
};

TEST_P(OrganizationCountersRandomTest, ThousandsOfChangesKeepCountersExact) {
  uint64_t seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int n = 0; n < 1500; ++n) {
    Step(rng, n);
    if (HasFailure()) return;
    if (n % 500 == 499) ExpectNoDifferences();
  }
  ExpectNoDifferences();
}

TEST_P(OrganizationCountersRandomTest, ConcurrentChangesKeepCountersExact) {
  uint64_t seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t, seed] {
      std::mt19937_64 rng(seed + t);
      for (int n = 0; n < 150; ++n) Step(rng, t * 1000 + n);
    });
  }
  for (auto& th : threads) th.join();
  ExpectNoDifferences();
}

TS_INSTANTIATE_FOR_DATABASES(OrganizationCountersRandomTest);

}  // namespace
}  // namespace tianshan::organizations::testing
