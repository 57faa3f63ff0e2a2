#include "modules/publishing/page_text.h"

#include "modules/publishing/html_sanitizer.h"

namespace tianshan::publishing {
namespace {

// Trims ASCII space and the ideographic space (U+3000) from both ends.
std::string_view TrimText(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
      s.remove_prefix(1);
    } else if (s.substr(0, 3) == "\xE3\x80\x80" || s.substr(0, 2) == "\xC2\xA0") {
      s.remove_prefix(s[0] == '\xE3' ? 3 : 2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") {
      s.remove_suffix(3);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

// The text after `label` and a colon (":" or "：") up to the next run of two spaces or the end.
std::optional<std::string> After(std::string_view line, std::string_view label) {
  size_t at = line.find(label);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = line.substr(at + label.size());
  if (rest.substr(0, 1) == ":") {
    rest.remove_prefix(1);
  } else if (rest.substr(0, 3) == "\xEF\xBC\x9A") {
    rest.remove_prefix(3);
  }
  rest = TrimText(rest);
  size_t gap = rest.find("  ");
  if (gap != std::string_view::npos) rest = rest.substr(0, gap);
  rest = TrimText(rest);
  if (rest.empty()) return std::nullopt;
  return std::string(rest);
}

std::vector<std::string> SplitCrumbs(std::string_view s) {
  std::vector<std::string> out;
  while (true) {
    size_t gt = s.find('>');
    size_t wide = s.find("\xEF\xBC\x9E");  // ＞
    size_t cut = std::min(gt, wide);
    std::string_view part = TrimText(s.substr(0, cut));
    if (!part.empty()) out.emplace_back(part);
    if (cut == std::string_view::npos) break;
    s.remove_prefix(cut + (cut == wide ? 3 : 1));
  }
  return out;
}

}  // namespace

PageText ParsePageText(std::string_view text) {
  PageText page;
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimText(text.substr(start, nl - start));
    if (!line.empty()) lines.push_back(line);
    start = nl + 1;
  }
  size_t i = 0;
  for (; i < lines.size(); ++i) {
    if (auto crumbs = After(lines[i], "您现在的位置")) {
      // The whole rest of the line: crumbs are separated by ">", not by double spaces.
      std::string_view line = lines[i];
      std::string_view rest = line.substr(line.find("您现在的位置") + std::string_view("您现在的位置").size());
      if (rest.substr(0, 1) == ":") rest.remove_prefix(1);
      if (rest.substr(0, 3) == "\xEF\xBC\x9A") rest.remove_prefix(3);
      page.breadcrumb = SplitCrumbs(rest);
      ++i;
      break;
    }
  }
  if (page.breadcrumb.empty()) i = 0;
  if (i < lines.size()) page.title = std::string(lines[i++]);
  bool in_body = false;
  for (; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!in_body &&
        (line.find("发布时间") != std::string_view::npos || line.find("文章来源") != std::string_view::npos)) {
      if (auto when = After(line, "发布时间")) page.published_on = when->substr(0, 10);
      page.source = After(line, "文章来源");
      in_body = true;
      continue;
    }
    if (auto editor = After(line, "责任编辑")) {
      std::string e = *editor;
      while (!e.empty() && (e.back() == ']' || e.back() == ' ')) e.pop_back();
      if (e.size() >= 3 && e.substr(e.size() - 3) == "\xE3\x80\x91") e.resize(e.size() - 3);  // 】
      page.editor = e;
      break;  // the footer follows
    }
    in_body = true;
    page.paragraphs.emplace_back(line);
  }
  return page;
}

std::string ParagraphsHtml(const std::vector<std::string>& paragraphs) {
  std::string html;
  for (const auto& p : paragraphs) html += "<p>" + EscapeHtml(p) + "</p>";
  return html;
}

}  // namespace tianshan::publishing
