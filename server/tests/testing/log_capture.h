#pragma once
// Captures what the application log (core/log.h AppLog) writes while it lives, for tests that
// check a log line appears (and what it leaves out). Header only.
//
// Thread safety: create and destroy it while nothing else logs (in a test's body, before and after
// the server runs); text() may be called at any time.

#include <spdlog/sinks/ostream_sink.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>

#include "core/log.h"

namespace tianshan::testing {

class LogCapture {
 public:
  LogCapture() : sink_(std::make_shared<spdlog::sinks::ostream_sink_mt>(out_, true)) {
    sink_->set_pattern("%l %v");
    AppLog().sinks().push_back(sink_);
  }
  ~LogCapture() {
    auto& sinks = AppLog().sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), sink_), sinks.end());
  }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  std::string text() {
    AppLog().flush();
    return out_.str();
  }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink_;
};

}  // namespace tianshan::testing
