#pragma once
// Reading an article from the text of a published page, as copied from a browser (the seed's
// form): a "您现在的位置:A > B > C" breadcrumb line, the title, a "发布时间:… 文章来源:…" line,
// paragraphs, "[责任编辑:…]" and a footer. Pure; no I/O. The import use case checks what this
// finds with the link policy, field by field, before anything is stored.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tianshan::publishing {

struct PageText {
  std::vector<std::string> breadcrumb;  // "365.com线路检测", "群团工作", "共青团工作"
  std::string title;
  std::optional<std::string> published_on;  // "2016-08-09"
  std::optional<std::string> source;        // 文章来源
  std::optional<std::string> editor;        // 责任编辑
  std::vector<std::string> paragraphs;      // the body, one entry per non-empty line
};

// What the text holds; a text without any line is an empty PageText.
PageText ParsePageText(std::string_view text);

// The paragraphs as HTML ("<p>…</p>" each, escaped).
std::string ParagraphsHtml(const std::vector<std::string>& paragraphs);

}  // namespace tianshan::publishing
