// StatsCache: served only for the write generation and time it was read in.
#include "modules/organizations/stats_cache.h"

#include <gtest/gtest.h>

namespace tianshan::organizations {
namespace {

std::shared_ptr<const StatsCache::Entry> EntryFor(const std::string& json) {
  return std::make_shared<const StatsCache::Entry>(StatsCache::Entry{"/1/", json});
}

TEST(StatsCacheTest, ServesOnlyTheGenerationItWasReadIn) {
  StatsCache cache(1000);
  cache.Put(1, EntryFor("a"), 7, 10'000);
  ASSERT_NE(cache.Find(1, 7, 10'500), nullptr);
  EXPECT_EQ(cache.Find(1, 7, 10'500)->json, "a");
  EXPECT_EQ(cache.Find(1, 8, 10'500), nullptr) << "a write ended since";
  EXPECT_EQ(cache.Find(2, 7, 10'500), nullptr);
}

TEST(StatsCacheTest, ExpiresAfterTheTtl) {
  StatsCache cache(1000);
  cache.Put(1, EntryFor("a"), 7, 10'000);
  EXPECT_EQ(cache.Find(1, 7, 11'000), nullptr);
  EXPECT_EQ(cache.Find(1, 7, 9'000), nullptr);
}

TEST(StatsCacheTest, StaysWithinCapacity) {
  StatsCache cache(1000, 10);
  for (int64_t id = 1; id <= 100; ++id) cache.Put(id, EntryFor("x"), 7, 10'000);
  int kept = 0;
  for (int64_t id = 1; id <= 100; ++id) kept += cache.Find(id, 7, 10'000) != nullptr;
  EXPECT_LE(kept, 10);
  EXPECT_NE(cache.Find(100, 7, 10'000), nullptr);
}

}  // namespace
}  // namespace tianshan::organizations
