#include "http/worker_pool.h"

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <strings.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "http/dispatch.h"
#include "http/http_app.h"
#include "http/http_server.h"
#include "testing/log_capture.h"

namespace tianshan::http {
namespace {

using namespace std::chrono_literals;

// A gate the slow handlers wait at until the test opens it.
class Gate {
 public:
  void Wait() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return open_; });
  }
  void Open() {
    {
      std::lock_guard lock(mutex_);
      open_ = true;
    }
    cv_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = false;
};

bool WaitFor(const std::function<bool()>& condition) {
  for (int i = 0; i < 1000; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return condition();
}

// The queue and run times in /metrics: with one thread, a job queued behind one held for at
// least 30 ms waited at least that long, and both ran; an idle pool has counted nothing.
TEST(WorkerPoolTest, CountsTheTimeJobsWaitedAndRan) {
  WorkerPool pool(1, 4);
  EXPECT_EQ(pool.started(), 0u);
  EXPECT_EQ(pool.waited_micros(), 0u);
  Gate gate;
  std::atomic<bool> holding{false};
  ASSERT_TRUE(pool.Submit([&] {
    holding = true;
    gate.Wait();
  }));
  ASSERT_TRUE(WaitFor([&] { return holding.load(); }));
  ASSERT_TRUE(pool.Submit([] {}));
  std::this_thread::sleep_for(30ms);
  gate.Open();
  pool.Stop();
  EXPECT_EQ(pool.started(), 2u);
  EXPECT_GE(pool.waited_micros(), 30'000u);  // the second job, behind the first
  EXPECT_GE(pool.ran_micros(), 30'000u);     // the first job, held at the gate
}

TEST(WorkerPoolTest, RefusesBeyondItsThreadsAndQueueThenRecovers) {
  WorkerPool pool(2, 1);
  Gate gate;
  std::atomic<int> ran{0};
  auto slow = [&] {
    gate.Wait();
    ran.fetch_add(1);
  };
  ASSERT_TRUE(pool.Submit(slow));
  ASSERT_TRUE(pool.Submit(slow));
  ASSERT_TRUE(WaitFor([&] { return pool.in_flight() == 2; }));
  ASSERT_TRUE(pool.Submit(slow)) << "one may wait";
  EXPECT_FALSE(pool.Submit(slow)) << "the queue is full";
  EXPECT_EQ(pool.rejected(), 1u);
  gate.Open();
  ASSERT_TRUE(WaitFor([&] { return ran.load() == 3; }));
  ASSERT_TRUE(WaitFor([&] { return pool.in_flight() == 0; }));
  EXPECT_TRUE(pool.Submit([&] { ran.fetch_add(1); }));
  ASSERT_TRUE(WaitFor([&] { return ran.load() == 4; }));
}

TEST(WorkerPoolTest, StopRunsWhatWasQueuedAndRefusesTheRest) {
  std::atomic<int> ran{0};
  WorkerPool pool(1, 8);
  Gate gate;
  ASSERT_TRUE(pool.Submit([&] { gate.Wait(); }));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(pool.Submit([&] { ran.fetch_add(1); }));
  std::thread opener([&] {
    std::this_thread::sleep_for(20ms);
    gate.Open();
  });
  pool.Stop();
  opener.join();
  EXPECT_EQ(ran.load(), 5);
  EXPECT_FALSE(pool.Submit([] {}));
}

// Submitters racing Stop(), and two Stop()s at once (a race for ThreadSanitizer too,
// `make test-tsan`): every job the pool accepted runs exactly once, everything after the stop
// is refused, and each thread is joined once.
TEST(WorkerPoolTest, SubmittersRacingStopRunEveryAcceptedJobOnce) {
  constexpr int kSubmitters = 4;
  WorkerPool pool(3, 8);
  std::atomic<int> accepted{0}, refused{0}, ran{0};
  std::atomic<bool> stopped{false};
  std::vector<std::thread> submitters;
  for (int t = 0; t < kSubmitters; ++t) {
    submitters.emplace_back([&] {
      // Until a refusal after the stop: the last submissions race Stop() itself.
      for (bool after_stop = false; !after_stop;) {
        after_stop = stopped.load();
        if (pool.Submit([&] { ran.fetch_add(1); })) {
          accepted.fetch_add(1);
        } else {
          refused.fetch_add(1);
        }
      }
    });
  }
  ASSERT_TRUE(WaitFor([&] { return accepted.load() >= 200; }));
  std::thread second_stop([&] { pool.Stop(); });  // Stop() twice at once: one joins the threads
  pool.Stop();
  second_stop.join();
  stopped = true;
  for (auto& t : submitters) t.join();
  EXPECT_EQ(ran.load(), accepted.load()) << "accepted jobs all ran, once each";
  EXPECT_FALSE(pool.Submit([&] { ran.fetch_add(1); }));
  EXPECT_EQ(pool.rejected(), static_cast<uint64_t>(refused.load()) + 1);
  EXPECT_EQ(pool.in_flight(), 0u);
}

struct Answer {
  long status = 0;
  std::string body;
  std::string retry_after;
  std::string content_type;
};

size_t Append(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

size_t HeaderLine(char* data, size_t size, size_t n, void* out) {
  std::string line(data, size * n);
  auto* answer = static_cast<Answer*>(out);
  auto take = [&](const std::string& name, std::string& into) {
    if (line.size() > name.size() && strncasecmp(line.c_str(), name.c_str(), name.size()) == 0) {
      into = line.substr(name.size());
      while (!into.empty() && (into.back() == '\r' || into.back() == '\n')) into.pop_back();
    }
  };
  take("retry-after: ", answer->retry_after);
  take("content-type: ", answer->content_type);
  return size * n;
}

// A plain GET, or a POST without a body, on its own connection (the routes here are not in the
// OpenAPI document, so the API tests' checking client does not fit).
Answer Send(uint16_t port, std::string_view method, const std::string& path) {
  Answer answer;
  CURL* curl = curl_easy_init();
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  if (method == "POST") curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, HeaderLine);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &answer);
  if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
  curl_easy_cleanup(curl);
  return answer;
}

Answer Get(uint16_t port, const std::string& path) { return Send(port, "GET", path); }
Answer Post(uint16_t port, const std::string& path) { return Send(port, "POST", path); }

// The pipeline on a real server: slow handlers fill the workers and the queue, the next
// request is refused with 503 at once, answers from memory still come from the I/O threads,
// and everything recovers when the slow handlers finish.
class BackPressureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/v1/slow", Access::kPublic, [this](HttpRequest&) {
      entered_.fetch_add(1);
      gate_.Wait();
      return HttpResponse::Json(R"({"slow":true})");
    });
    Route& cached = router_.Add("GET", "/api/v1/cached", Access::kPublic, [this](HttpRequest&) {
      gate_.Wait();
      return HttpResponse::Json(R"({"from":"worker"})");
    });
    AnswerFromCache(
        cached, [](HttpRequest&) -> std::optional<HttpResponse> { return HttpResponse::Json(R"({"from":"cache"})"); });
    RunInline(router_.Add("GET", "/api/v1/inline", Access::kPublic,
                          [](HttpRequest&) { return HttpResponse::Json(R"({"inline":true})"); }));
    HttpAppOptions options;
    options.workers = 2;
    options.worker_queue = 1;
    options.retry_after_seconds = 2;
    app_ = std::make_unique<HttpApp>(router_, metrics_, static_files_, nullptr, options);
    server_ = std::make_unique<HttpServer>(*app_);
    ASSERT_TRUE(server_->Start({"127.0.0.1", 0, 2}).ok());
  }
  void TearDown() override {
    gate_.Open();
    server_->Stop();
    app_->StopWorkers();
  }

  Router router_;
  Metrics metrics_;
  StaticFiles static_files_;
  std::unique_ptr<HttpApp> app_;
  std::unique_ptr<HttpServer> server_;
  Gate gate_;
  std::atomic<int> entered_{0};
};

TEST_F(BackPressureTest, AFullQueueIs503WithRetryAfterAndCachedAnswersStillFlow) {
  const uint16_t port = server_->port();
  std::vector<std::future<Answer>> slow;
  for (int i = 0; i < 3; ++i)
    slow.push_back(std::async(std::launch::async, [port] { return Get(port, "/api/v1/slow"); }));
  // Two run (both workers), one waits in the queue.
  ASSERT_TRUE(WaitFor([&] { return entered_.load() == 2 && app_->workers().in_flight() == 3; }));

  tianshan::testing::LogCapture log;
  Answer refused = Get(port, "/api/v1/slow");
  EXPECT_NE(log.text().find("error 503 unavailable at /api/v1/slow: error.overloaded (worker queue full (3 requests "
                            "in flight))"),
            std::string::npos)
      << "the cause of the 503 is logged: " << log.text();
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.retry_after, "2");
  EXPECT_EQ(refused.content_type.rfind("application/problem+json", 0), 0u) << refused.content_type;
  EXPECT_NE(refused.body.find("\"status\":503"), std::string::npos) << refused.body;
  EXPECT_EQ(app_->workers().rejected(), 1u);

  Answer cached = Get(port, "/api/v1/cached");
  EXPECT_EQ(cached.status, 200);
  EXPECT_EQ(cached.body, R"({"from":"cache"})") << "answered on the I/O thread while the workers are busy";
  Answer inline_answer = Get(port, "/api/v1/inline");
  EXPECT_EQ(inline_answer.status, 200);

  gate_.Open();
  for (auto& f : slow) {
    Answer a = f.get();
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.body, R"({"slow":true})");
  }
  EXPECT_EQ(Get(port, "/api/v1/slow").status, 200) << "recovered";
  EXPECT_EQ(app_->workers().rejected(), 1u);
}

// Reads on a pool of their own (HttpAppOptions::readers): one slow GET holds the only reader
// and the next GET is refused (no queue), while a POST still runs on the workers at once; a
// slow POST holding the only worker does not stop a GET either.
TEST(ReadersTest, SafeRequestsRunOnTheirOwnPoolAndEachPoolRefusesOnItsOwn) {
  Router router;
  Gate read_gate, write_gate;
  std::atomic<int> reading{0}, writing{0};
  router.Add("GET", "/api/v1/slow-read", Access::kPublic, [&](HttpRequest&) {
    reading.fetch_add(1);
    read_gate.Wait();
    return HttpResponse::Json(R"({"read":true})");
  });
  router.Add("GET", "/api/v1/read", Access::kPublic, [](HttpRequest&) { return HttpResponse::Json("{}"); });
  router.Add(
      "POST", "/api/v1/write", Access::kPublic, [](HttpRequest&) { return HttpResponse::Json(R"({"wrote":true})"); },
      true);
  router.Add(
      "POST", "/api/v1/slow-write", Access::kPublic,
      [&](HttpRequest&) {
        writing.fetch_add(1);
        write_gate.Wait();
        return HttpResponse::Json("{}");
      },
      true);
  Metrics metrics;
  StaticFiles static_files;
  HttpAppOptions options;
  options.workers = 1;
  options.readers = 1;
  options.worker_queue = 0;
  HttpApp app(router, metrics, static_files, nullptr, options);
  HttpServer server(app);
  ASSERT_TRUE(server.Start({"127.0.0.1", 0, 2}).ok());
  const uint16_t port = server.port();
  ASSERT_NE(app.readers(), nullptr);

  auto slow_read = std::async(std::launch::async, [port] { return Get(port, "/api/v1/slow-read"); });
  ASSERT_TRUE(WaitFor([&] { return reading.load() == 1; }));
  EXPECT_EQ(app.readers()->in_flight(), 1u);
  EXPECT_EQ(app.workers().in_flight(), 0u) << "the GET is not on the workers";
  Answer refused = Get(port, "/api/v1/read");
  EXPECT_EQ(refused.status, 503) << "the only reader is busy and reads may not queue";
  EXPECT_EQ(app.readers()->rejected(), 1u);
  Answer wrote = Post(port, "/api/v1/write");
  EXPECT_EQ(wrote.status, 200) << "a write does not wait behind the reads";
  EXPECT_EQ(wrote.body, R"({"wrote":true})");
  read_gate.Open();
  EXPECT_EQ(slow_read.get().status, 200);

  auto slow_write = std::async(std::launch::async, [port] { return Post(port, "/api/v1/slow-write"); });
  ASSERT_TRUE(WaitFor([&] { return writing.load() == 1; }));
  EXPECT_EQ(Post(port, "/api/v1/write").status, 503) << "the only worker is busy";
  EXPECT_EQ(Get(port, "/api/v1/read").status, 200) << "a read does not wait behind the writes";
  write_gate.Open();
  EXPECT_EQ(slow_write.get().status, 200);
  EXPECT_EQ(app.workers().rejected(), 1u);
  EXPECT_EQ(app.readers()->rejected(), 1u);
  // A job is counted once it has returned, which may be just after its answer arrived.
  EXPECT_TRUE(WaitFor([&] { return app.readers()->started() == 2u; })) << app.readers()->started();
  EXPECT_TRUE(WaitFor([&] { return app.workers().started() == 2u; })) << app.workers().started();
  server.Stop();
  app.StopWorkers();
}

}  // namespace
}  // namespace tianshan::http
