// PasswordHasher: hashing happens off the caller's thread, the bounded queue refuses overflow,
// and destruction runs every accepted callback.
#include "auth/password_hasher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace tianshan::auth {
namespace {

TEST(PasswordHasherTest, VerifiesOffTheCallingThread) {
  PasswordHasher hasher(1, 8, HashCost::kFast);
  auto hash = hasher.HashNow("correct horse");
  ASSERT_TRUE(hash.ok());
  std::promise<std::pair<bool, std::thread::id>> right, wrong;
  ASSERT_TRUE(hasher.SubmitVerify("correct horse", *hash, [&](bool ok) { right.set_value({ok, std::this_thread::get_id()}); }));
  ASSERT_TRUE(hasher.SubmitVerify("wrong horse", *hash, [&](bool ok) { wrong.set_value({ok, std::this_thread::get_id()}); }));
  auto r = right.get_future().get();
  EXPECT_TRUE(r.first);
  EXPECT_NE(r.second, std::this_thread::get_id());
  EXPECT_FALSE(wrong.get_future().get().first);
}

TEST(PasswordHasherTest, HashesAsynchronously) {
  PasswordHasher hasher(1, 8, HashCost::kFast);
  std::promise<Result<std::string>> done;
  ASSERT_TRUE(hasher.SubmitHash("secret words", [&](Result<std::string> h) { done.set_value(std::move(h)); }));
  auto h = done.get_future().get();
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(hasher.VerifyNow("secret words", *h));
}

TEST(PasswordHasherTest, RefusesWorkBeyondTheQueueAndFinishesWhatItAccepted) {
  std::atomic<int> called{0};
  int accepted = 0, refused = 0;
  {
    PasswordHasher hasher(1, 4, HashCost::kFast);
    auto hash = hasher.HashNow("pw");
    ASSERT_TRUE(hash.ok());
    for (int i = 0; i < 200; ++i) {
      if (hasher.SubmitVerify("pw", *hash, [&](bool) { ++called; })) {
        ++accepted;
      } else {
        ++refused;
      }
    }
  }  // the destructor drains the queue
  EXPECT_GT(refused, 0) << "a queue of 4 cannot take 200 jobs at once";
  EXPECT_EQ(called.load(), accepted);
}

}  // namespace
}  // namespace tianshan::auth
