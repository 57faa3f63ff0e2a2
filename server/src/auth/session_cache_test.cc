// SessionCache: entries live for the ttl, logouts leave tombstones, capacity is bounded.
#include "auth/session_cache.h"

#include <gtest/gtest.h>

namespace tianshan::auth {
namespace {

CachedSession SessionOf(int64_t account_id) {
  auto actor = std::make_shared<Actor>();
  actor->account_id = account_id;
  return CachedSession{actor, 1000, 1'000'000};
}

TEST(SessionCacheTest, AnswersWithinTheTtlOnly) {
  SessionCache cache(5000);
  cache.Put("a", SessionOf(7), 10'000);
  auto hit = cache.Find("a", 14'999);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->actor->account_id, 7);
  EXPECT_FALSE(cache.Find("a", 15'000).has_value());
  EXPECT_FALSE(cache.Find("a", 9'999).has_value()) << "a clock that went backwards never trusts the entry";
  EXPECT_FALSE(cache.Find("b", 10'000).has_value());
}

TEST(SessionCacheTest, TouchKeepsTheReadTime) {
  SessionCache cache(5000);
  cache.Put("a", SessionOf(7), 10'000);
  cache.Touch("a", 12'000);
  EXPECT_EQ(cache.Find("a", 12'000)->last_seen_at, 12'000);
  EXPECT_FALSE(cache.Find("a", 15'000).has_value());
}

TEST(SessionCacheTest, AnErasedSessionCannotBePutBackByAnEarlierRead) {
  SessionCache cache(5000);
  cache.Put("a", SessionOf(7), 10'000);
  cache.Erase("a", 11'000);
  auto tomb = cache.Find("a", 11'000);
  ASSERT_TRUE(tomb.has_value());
  EXPECT_EQ(tomb->actor, nullptr);
  cache.Put("a", SessionOf(7), 11'500);  // a read that began before the logout
  EXPECT_EQ(cache.Find("a", 11'600)->actor, nullptr);
}

TEST(SessionCacheTest, ClearForgetsEverything) {
  SessionCache cache(5000);
  for (int i = 0; i < 100; ++i) cache.Put("k" + std::to_string(i), SessionOf(i), 10'000);
  cache.Clear();
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(cache.Find("k" + std::to_string(i), 10'000).has_value());
}

TEST(SessionCacheTest, ZeroTtlDisablesIt) {
  SessionCache cache(0);
  cache.Put("a", SessionOf(7), 10'000);
  EXPECT_FALSE(cache.Find("a", 10'000).has_value());
}

TEST(SessionCacheTest, CapacityIsBounded) {
  SessionCache cache(5000, 64);
  for (int i = 0; i < 10'000; ++i) cache.Put("k" + std::to_string(i), SessionOf(i), 10'000);
  int kept = 0;
  for (int i = 0; i < 10'000; ++i) kept += cache.Find("k" + std::to_string(i), 10'000).has_value();
  EXPECT_GT(kept, 0);
  EXPECT_LE(kept, 64);
  EXPECT_TRUE(cache.Find("k9999", 10'000).has_value()) << "the newest entry is kept";
}

}  // namespace
}  // namespace tianshan::auth
