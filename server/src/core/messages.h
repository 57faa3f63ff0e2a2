#pragma once
// User-facing message catalogue (zh-CN default, English complete).
//
// Failures carry message keys ("error.not_found"); the HTTP layer translates them into the
// request's language. Modules add their keys with RegisterMessages() from their Register()
// function, before the server starts; lookups afterwards are read-only and thread-safe.
// A key that is not in the catalogue is returned as is, so literal text also works.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tianshan {

enum class Lang { kZh, kEn };

struct MessageText {
  std::string key;
  std::string zh;
  std::string en;
};

void RegisterMessages(const std::vector<MessageText>& messages);

// Picks zh or en from an Accept-Language header; zh-CN is the default.
Lang ParseAcceptLanguage(std::string_view header);
std::string_view LangTag(Lang lang);

// Translates `key`; "{}" in the text is replaced by `param`.
std::string Translate(Lang lang, std::string_view key, std::string_view param = {});
// Translates `key`; each "{name}" in the text is replaced by the value of `name` in `params`
// (names not given stay as written, so a missing parameter is visible, not silently empty).
std::string TranslateNamed(Lang lang, std::string_view key,
                           const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace tianshan
