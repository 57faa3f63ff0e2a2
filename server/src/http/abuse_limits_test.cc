#include "http/abuse_limits.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "http/http_types.h"

namespace tianshan::http {
namespace {

TEST(TokenBucketsTest, ABurstThenTheSustainedRate) {
  TokenBuckets b(/*per_second=*/2, /*burst=*/3);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(b.Take("k", 1000), 0) << i;
  EXPECT_EQ(b.Take("k", 1000), 500) << "the next token in half a second";
  EXPECT_EQ(b.Take("other", 1000), 0) << "keys have their own buckets";
  EXPECT_EQ(b.Take("k", 1250), 250);
  EXPECT_EQ(b.Take("k", 1500), 0);
  EXPECT_GT(b.Take("k", 1500), 0);
  // A long pause refills up to the burst, no further.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(b.Take("k", 100'000), 0) << i;
  EXPECT_GT(b.Take("k", 100'000), 0);
}

TEST(TokenBucketsTest, RefilledBucketsAreForgotten) {
  TokenBuckets b(10, 5);
  for (int i = 0; i < 100; ++i) b.Take("old" + std::to_string(i), 0);
  EXPECT_EQ(b.size(), 100u);
  // Two minutes later every old bucket is full again: the first take in each shard drops them.
  for (int i = 0; i < 200; ++i) b.Take("new" + std::to_string(i), 120'000);
  EXPECT_EQ(b.size(), 200u);
}

TEST(TokenBucketsTest, ARateOfZeroIsNoLimit) {
  TokenBuckets b(0, 1);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(b.Take("k", 0), 0);
}

TEST(TokenBucketsTest, RacingTakersGetExactlyTheBurst) {
  TokenBuckets b(0.0001, 1000);
  std::atomic<int> granted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (b.Take("shared", 0) == 0) granted.fetch_add(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(granted.load(), 1000);
}

TEST(TrustedProxiesTest, ParsesAddressesAndRefusesOthers) {
  auto ok = TrustedProxies::Parse(" 127.0.0.1, ::1 ,");
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->Contains(*ParseIp("127.0.0.1")));
  EXPECT_TRUE(ok->Contains(*ParseIp("::1")));
  EXPECT_FALSE(ok->Contains(*ParseIp("127.0.0.2")));
  auto bad = TrustedProxies::Parse("127.0.0.1,10.0.0.0/8");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().detail().find("10.0.0.0/8"), std::string::npos);
  EXPECT_TRUE(TrustedProxies::Parse("")->empty());
}

HttpRequest FromPeer(const char* peer, const char* forwarded) {
  HttpRequest req;
  auto a = ParseIp(peer);
  req.remote_address = a->bytes;
  req.remote_v6 = a->v6;
  if (forwarded != nullptr) req.headers.emplace_back("x-forwarded-for", forwarded);
  return req;
}

TEST(TrustedProxiesTest, TheClientIsTheRightmostUntrustedHop) {
  auto proxies = *TrustedProxies::Parse("127.0.0.1,10.0.0.9");
  auto client_of = [&](const char* peer, const char* forwarded) {
    HttpRequest req = FromPeer(peer, forwarded);
    proxies.ResolveClient(req);
    return req.RemoteIp();
  };
  EXPECT_EQ(client_of("127.0.0.1", "203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(client_of("127.0.0.1", "1.1.1.1, 203.0.113.7"), "203.0.113.7") << "the left part is the client's say";
  EXPECT_EQ(client_of("127.0.0.1", "203.0.113.7, 10.0.0.9"), "203.0.113.7") << "trusted hops are skipped";
  EXPECT_EQ(client_of("127.0.0.1", "2001:db8::1"), "2001:db8::1");
  EXPECT_EQ(client_of("127.0.0.1", nullptr), "127.0.0.1");
  EXPECT_EQ(client_of("127.0.0.1", "not-an-address"), "127.0.0.1") << "garbage: the proxy is the client";
  EXPECT_EQ(client_of("127.0.0.1", "203.0.113.7, junk"), "127.0.0.1");
  EXPECT_EQ(client_of("192.0.2.1", "203.0.113.7"), "192.0.2.1") << "an untrusted peer's header is ignored";
}

}  // namespace
}  // namespace tianshan::http
