#pragma once
// Logging on spdlog. The access log is asynchronous so that I/O threads never wait on the
// terminal. Nothing personal is ever logged: no bodies, passwords, phones or identity numbers.

#include <spdlog/spdlog.h>

#include <memory>

namespace tianshan {

// Idempotent. `quiet` drops the access log (tests).
void InitLogging(bool quiet = false);
spdlog::logger& AppLog();
spdlog::logger& AccessLog();

}  // namespace tianshan
