#include "modules/publishing/media_type.h"

#include "core/json.h"

namespace tianshan::publishing {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Plain text: valid UTF-8 without NUL or other control characters than tab and line breaks,
// and nothing a browser could take for markup at the start.
bool IsPlainText(std::string_view s) {
  if (s.empty() || !IsValidUtf8(s)) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  }
  size_t first = s.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos || s[first] != '<';
}

}  // namespace

std::optional<SniffedType> SniffMediaType(std::string_view c) {
  if (StartsWith(c, "\x89PNG\r\n\x1a\n")) return SniffedType{"image/png", "image", "png"};
  if (StartsWith(c, "\xFF\xD8\xFF")) return SniffedType{"image/jpeg", "image", "jpg"};
  if (StartsWith(c, "GIF87a") || StartsWith(c, "GIF89a")) return SniffedType{"image/gif", "image", "gif"};
  if (c.size() >= 12 && StartsWith(c, "RIFF") && c.substr(8, 4) == "WEBP") {
    return SniffedType{"image/webp", "image", "webp"};
  }
  if (StartsWith(c, "%PDF-")) return SniffedType{"application/pdf", "attachment", "pdf"};
  if (StartsWith(c, "PK\x03\x04")) {
    // Office Open XML files are ZIP archives; their parts name them.
    if (c.find("word/") != std::string_view::npos) {
      return SniffedType{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment",
                         "docx"};
    }
    if (c.find("xl/") != std::string_view::npos) {
      return SniffedType{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment", "xlsx"};
    }
    if (c.find("ppt/") != std::string_view::npos) {
      return SniffedType{"application/vnd.openxmlformats-officedocument.presentationml.presentation", "attachment",
                         "pptx"};
    }
    return SniffedType{"application/zip", "attachment", "zip"};
  }
  if (StartsWith(c, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return SniffedType{"application/x-ole-storage", "attachment", "doc"};
  }
  if (IsPlainText(c)) return SniffedType{"text/plain; charset=utf-8", "attachment", "txt"};
  return std::nullopt;
}

}  // namespace tianshan::publishing
