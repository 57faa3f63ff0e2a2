// libFuzzer target for the Accept-Language header: core/messages.h ParseAcceptLanguage (the
// server's only choice of language, zh-CN by default). Contract: English exactly when the first
// language tag (after leading white space) starts with "en" in any case, otherwise Chinese; the
// choice does not depend on anything after the first tag's first two letters; translating a
// message in the chosen language gives the catalogue's text.
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/messages.h"
#include "fuzz/fuzz_check.h"

using namespace tianshan;

namespace {
constexpr const char* kTarget = "accept_language_fuzz";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view header(reinterpret_cast<const char*>(data), size);
  Lang lang = ParseAcceptLanguage(header);
  size_t i = 0;
  while (i < header.size() && std::isspace(static_cast<unsigned char>(header[i]))) ++i;
  std::string_view first = header.substr(i);
  bool english = first.size() >= 2 && (first[0] == 'e' || first[0] == 'E') && (first[1] == 'n' || first[1] == 'N');
  FUZZ_CHECK(kTarget, (lang == Lang::kEn) == english, header);
  // Only the first two letters count: anything appended keeps the choice.
  if (first.size() >= 2) {
    std::string longer = std::string(header) + ",zh-CN;q=0.1";
    FUZZ_CHECK(kTarget, ParseAcceptLanguage(longer) == lang, header);
  }
  FUZZ_CHECK(kTarget, LangTag(lang) == (english ? "en" : "zh-CN"), header);
  std::string text = Translate(lang, "json.not_object");
  FUZZ_CHECK(kTarget, text == (english ? "Request body must be a JSON object" : "请求体必须是 JSON 对象"), header);
  return 0;
}
