// libFuzzer target for the publishing module's boundary: the HTML sanitizer and the link policy.
// Every input is sanitized; the output must be valid UTF-8 and re-parse to allow-listed markup
// only (inert_check.h), and so must the output of sanitizing it again (a parser may restructure
// misnested output, e.g. a table inside a paragraph, so the second pass need not be
// byte-identical, but it must stay inert); the link policy must answer on any bytes (the input
// as a title, and the output's text and links). A violation aborts, so libFuzzer keeps the input
// as a crash. Built by fuzz/build.sh (clang-14, -fsanitize=fuzzer,address,undefined).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/json.h"
#include "modules/publishing/html_sanitizer.h"
#include "modules/publishing/inert_check.h"
#include "modules/publishing/link_policy.h"

using namespace tianshan::publishing;

namespace {

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "sanitizer_fuzz: %s: %s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)FindDeniedText(input);
  auto clean = SanitizeHtml(input, SanitizeLimits{64 * 1024, 48});
  if (!clean.ok()) return 0;  // too large or too deep: refused, never stored
  if (!tianshan::IsValidUtf8(clean->html)) Fail("output is not UTF-8", clean->html);
  if (auto bad = FindNonInert(clean->html); !bad.empty()) Fail("not inert", bad + " in " + clean->html);
  auto again = SanitizeHtml(clean->html, SanitizeLimits{1 << 20, 64});
  if (!again.ok()) Fail("sanitized output refused", again.status().message());
  if (auto bad = FindNonInert(again->html); !bad.empty()) Fail("second pass not inert", bad + " in " + again->html);
  std::vector<CheckedField> fields{{"title", input}, {"body", clean->text}};
  for (const auto& link : clean->links) fields.push_back({"link", link});
  (void)CheckFields(fields);
  return 0;
}
