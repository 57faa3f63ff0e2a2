#pragma once
// Shared by the fuzz targets: a broken contract aborts, so that libFuzzer keeps the input as a
// crash (build-fuzz/crash-*) and fuzz/run.sh fails.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace tianshan::fuzz {

[[noreturn]] inline void Fail(const char* target, const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "%s: contract broken: %s: %.*s\n", target, what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// Splits the input at the first '\n' (a header before, the rest after), for targets that take
// two values from one input.
inline std::pair<std::string_view, std::string_view> SplitOnce(std::string_view in, char sep = '\n') {
  size_t at = in.find(sep);
  if (at == std::string_view::npos) return {in, {}};
  return {in.substr(0, at), in.substr(at + 1)};
}

}  // namespace tianshan::fuzz

#define FUZZ_CHECK(target, cond, detail)                        \
  do {                                                          \
    if (!(cond)) ::tianshan::fuzz::Fail(target, #cond, detail); \
  } while (0)
