// Abuse limits through the real server (README "Abuse limits"): rate limits per client address
// and per account on state-changing requests (429 + Retry-After, counted in /metrics), the
// client address behind a trusted proxy, and — over raw sockets, which an HTTP client cannot
// express — the per-address connection limit, URL and header size limits, and the read timeout
// that cuts off a slowloris client.
//
// Each test starts a second instance on the fixture's database with small limits.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <thread>

#include "testing/demo_api_test.h"

namespace tianshan::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;

// A raw TCP connection to 127.0.0.1:port.
class RawSocket {
 public:
  explicit RawSocket(uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawSocket() {
    if (fd_ >= 0) close(fd_);
  }
  bool connected() const { return connected_; }
  bool Send(std::string_view data) {
    return send(fd_, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size());
  }
  // Reads until the peer closes, `stop(received)` holds or `wait` passes. Returns what arrived;
  // `closed` tells whether the peer closed (or reset) the connection.
  std::string Read(std::chrono::milliseconds wait, bool* closed,
                   const std::function<bool(const std::string&)>& stop = nullptr) {
    std::string got;
    *closed = false;
    const auto until = SteadyClock::now() + wait;
    while (SteadyClock::now() < until) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      char buf[4096];
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        *closed = true;
        break;
      }
      got.append(buf, static_cast<size_t>(n));
      if (stop && stop(got)) break;
    }
    return got;
  }
  // A complete response to one request on a kept-alive connection.
  std::string Exchange(std::string_view request) {
    bool closed = false;
    if (!Send(request)) return {};
    return Read(std::chrono::seconds(10), &closed, [](const std::string& got) {
      auto end = got.find("\r\n\r\n");
      if (end == std::string::npos) return false;
      auto cl = got.find("Content-Length: ");
      if (cl == std::string::npos || cl > end) cl = got.find("content-length: ");
      if (cl == std::string::npos || cl > end) return true;
      return got.size() >= end + 4 + std::stoul(got.substr(cl + 16));
    });
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

constexpr const char* kHealth = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

class AbuseLimitsTest : public DemoApiTest {
 protected:
  void TearDown() override {
    if (b_) b_->StopServer();
    b_.reset();
    ApiTest::TearDown();
  }
  // Starts the second instance with `configure` applied to the fixture's configuration.
  void StartLimited(const std::function<void(AppConfig&)>& configure) {
    AppConfig config = server().app().config();
    config.port = 0;
    configure(config);
    auto b = App::Create(config, server().OpenAnotherDatabase(), &server().clock());
    ASSERT_TRUE(b.ok()) << b.status().detail();
    b_ = std::move(b).value();
    Status started = b_->StartServer();
    ASSERT_TRUE(started.ok()) << started.detail();
  }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(b_->port()); }
  std::unique_ptr<HttpClient> LoggedInB(const std::string& login) {
    auto c = std::make_unique<HttpClient>(Url());
    EXPECT_EQ(c->Login(login, "tianshan-demo").status, 200);
    return c;
  }
  std::string Metrics() { return HttpClient(Url()).Get("/metrics").body; }

  std::unique_ptr<App> b_;
};

// A state-changing request of a signed-in account that changes nothing: ending a session that
// does not exist (404).
HttpResult EndNoSession(HttpClient& c) { return c.Delete("/api/v1/session/list/0000000000000000"); }

TEST_P(AbuseLimitsTest, AnAccountOverItsBucketIsAnswered429WithRetryAfter) {
  StartLimited([](AppConfig& c) {
    c.rate_account_per_second = 0.001;  // about one token in 17 minutes: none refills here
    c.rate_account_burst = 3;
  });
  auto member = LoggedInB("member");
  for (int i = 0; i < 3; ++i) ASSERT_EQ(EndNoSession(*member).status, 404) << i;
  auto limited = EndNoSession(*member);
  ASSERT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("content-type"), "application/problem+json");
  EXPECT_GE(std::stoi(limited.header("retry-after")), 900);
  EXPECT_EQ(limited.json()["status"], 429);
  // Reads are not limited; another account has its own bucket.
  EXPECT_EQ(member->Get("/api/v1/session").status, 200);
  auto youth = LoggedInB("youth");
  EXPECT_EQ(EndNoSession(*youth).status, 404);
  // A limited request changes nothing: the password stays.
  auto change = member->Post("/api/v1/session/password", nlohmann::json{{"current_password", "tianshan-demo"},
                                                                        {"new_password", "Another-pass-42"}});
  EXPECT_EQ(change.status, 429);
  EXPECT_EQ(HttpClient(Url()).Login("member", "tianshan-demo").status, 200);
  EXPECT_NE(Metrics().find("tianshan_rate_limited_total{by=\"account\"} 2"), std::string::npos) << Metrics();
}

TEST_P(AbuseLimitsTest, AnAddressOverItsBucketIsAnswered429EvenForTheRightPassword) {
  StartLimited([](AppConfig& c) {
    c.rate_ip_per_second = 0.001;
    c.rate_ip_burst = 3;
  });
  HttpClient c(Url());
  for (int i = 0; i < 3; ++i) ASSERT_EQ(c.Login("member", "wrong-password").status, 401) << i;
  auto limited = c.Login("member", "tianshan-demo");
  ASSERT_EQ(limited.status, 429);
  EXPECT_GE(std::stoi(limited.header("retry-after")), 900);
  EXPECT_EQ(c.Get("/api/v1/health").status, 200) << "reads go on";
  EXPECT_NE(Metrics().find("tianshan_rate_limited_total{by=\"address\"} 1"), std::string::npos) << Metrics();
}

TEST_P(AbuseLimitsTest, BehindATrustedProxyTheForwardedClientHasTheBucket) {
  StartLimited([](AppConfig& c) {
    c.rate_ip_per_second = 0.001;
    c.rate_ip_burst = 2;
    c.trusted_proxies = "::1, 127.0.0.1";
  });
  HttpClient c(Url());
  auto login_from = [&](const std::string& forwarded) {
    return c
        .Send("POST", "/api/v1/session", R"({"login":"member","password":"wrong"})",
              {{"Content-Type", "application/json"}, {"X-Forwarded-For", forwarded}}, true)
        .status;
  };
  EXPECT_EQ(login_from("203.0.113.5"), 401);
  EXPECT_EQ(login_from("198.51.100.1, 203.0.113.5"), 401) << "the rightmost untrusted hop is the client";
  EXPECT_EQ(login_from("203.0.113.5"), 429);
  EXPECT_EQ(login_from("203.0.113.6"), 401) << "another client behind the same proxy";
  EXPECT_EQ(login_from("203.0.113.6, 127.0.0.1"), 401) << "a trusted hop is skipped";
  EXPECT_EQ(login_from("203.0.113.6"), 429);
}

TEST_P(AbuseLimitsTest, WithoutATrustedProxyXForwardedForIsIgnored) {
  StartLimited([](AppConfig& c) {
    c.rate_ip_per_second = 0.001;
    c.rate_ip_burst = 2;
  });
  HttpClient c(Url());
  std::vector<long> statuses;
  for (const char* forwarded : {"203.0.113.1", "203.0.113.2", "203.0.113.3"}) {
    statuses.push_back(c.Send("POST", "/api/v1/session", R"({"login":"member","password":"wrong"})",
                              {{"Content-Type", "application/json"}, {"X-Forwarded-For", forwarded}}, true)
                           .status);
  }
  EXPECT_EQ(statuses, (std::vector<long>{401, 401, 429})) << "a spoofed header does not buy a fresh bucket";
}

TEST_P(AbuseLimitsTest, AnAddressAtItsConnectionLimitHasNewConnectionsClosed) {
  StartLimited([](AppConfig& c) { c.max_connections_per_ip = 3; });
  std::vector<std::unique_ptr<RawSocket>> open;
  for (int i = 0; i < 3; ++i) {
    open.push_back(std::make_unique<RawSocket>(b_->port()));
    ASSERT_TRUE(open.back()->connected());
    ASSERT_NE(open.back()->Exchange(kHealth).find("HTTP/1.1 200"), std::string::npos) << "connection " << i;
  }
  RawSocket fourth(b_->port());
  bool closed = false;
  fourth.Send(kHealth);
  std::string got = fourth.Read(std::chrono::seconds(5), &closed);
  EXPECT_TRUE(closed);
  EXPECT_EQ(got, "") << "closed without an answer";
  // /metrics over a connection already open (a new one would be refused too).
  std::string metrics = open[0]->Exchange("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(metrics.find("tianshan_connections_refused_total 1"), std::string::npos) << metrics;
  // Once one of the three closes, a new connection is served again.
  open.pop_back();
  std::string answer;
  for (int attempt = 0; attempt < 50 && answer.find("HTTP/1.1 200") == std::string::npos; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    RawSocket again(b_->port());
    answer = again.Exchange(kHealth);
  }
  EXPECT_NE(answer.find("HTTP/1.1 200"), std::string::npos);
}

TEST_P(AbuseLimitsTest, AnOversizedUrlOrHeaderClosesTheConnectionWithoutAnAnswer) {
  StartLimited([](AppConfig&) {});
  auto send = [&](const std::string& request, bool* closed) {
    RawSocket s(b_->port());
    s.Send(request);
    return s.Read(std::chrono::seconds(5), closed,
                  [](const std::string& got) { return got.find("\r\n\r\n") != std::string::npos; });
  };
  bool closed = false;
  // Just under the limits: answered (404: no such route).
  std::string ok = send(
      "GET /api/v1/" + std::string(8000, 'a') + " HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(8000, 'b') + "\r\n\r\n",
      &closed);
  EXPECT_NE(ok.find("HTTP/1.1 404"), std::string::npos) << ok.substr(0, 100);
  EXPECT_EQ(send("GET /api/v1/" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", &closed), "");
  EXPECT_TRUE(closed) << "URL over 8192 bytes";
  EXPECT_EQ(send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'b') + "\r\n\r\n", &closed),
            "");
  EXPECT_TRUE(closed) << "header value over 8192 bytes";
  std::string many = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 120; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(send(many + "\r\n", &closed), "");
  EXPECT_TRUE(closed) << "over 100 header fields";
}

TEST_P(AbuseLimitsTest, ASlowlorisClientIsCutOffAndHoldsNoWorker) {
  StartLimited([](AppConfig& c) {
    c.read_timeout_millis = 1000;
    c.workers = 1;  // one worker: if the trickling request held it, nothing else would be answered
  });
  RawSocket slow(b_->port());
  ASSERT_TRUE(slow.Send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\n"));
  // Trickle a header byte every 100 ms, for up to 20 s; meanwhile other requests are answered.
  const std::string trickle = "X-Slow: " + std::string(400, 'z');
  bool closed = false;
  size_t sent = 0;
  int answered = 0;
  const auto started = SteadyClock::now();
  while (!closed && sent < trickle.size()) {
    if (!slow.Send(trickle.substr(sent++, 1))) {
      closed = true;
      break;
    }
    slow.Read(std::chrono::milliseconds(100), &closed);
    if (sent % 5 == 0 && HttpClient(Url()).Login("member", "tianshan-demo").status == 200) ++answered;
  }
  const double seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
  EXPECT_TRUE(closed) << "the server kept the trickling connection for " << seconds << " s";
  EXPECT_LT(sent, trickle.size()) << "cut off before the trickle ended (" << sent << " bytes sent)";
  EXPECT_GT(answered, 0) << "logins (which need the single worker) were answered meanwhile";
  std::cout << "[ abuse ] slowloris connection closed after " << seconds << " s (read timeout 1 s), " << sent
            << " bytes trickled, " << answered << " logins answered meanwhile\n";
}

TS_INSTANTIATE_FOR_DATABASES(AbuseLimitsTest);

}  // namespace
}  // namespace tianshan::testing
