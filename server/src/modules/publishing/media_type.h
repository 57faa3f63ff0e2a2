#pragma once
// What an uploaded file really is, read from its first bytes (never from the client's name or
// Content-Type). Only the listed types are accepted: images shown in articles (PNG, JPEG, GIF,
// WebP) and attachments offered for download (PDF, Office documents, ZIP, plain text). SVG and
// HTML are refused: a browser runs scripts in them.

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tianshan::publishing {

struct SniffedType {
  std::string media_type;  // "image/png"
  std::string kind;        // image | attachment
  std::string extension;   // "png"
};

// nullopt when the content is none of the accepted types.
std::optional<SniffedType> SniffMediaType(std::string_view content);

// Stored files (uploads and public/files.h) keep their bytes as standard base64.
Result<std::string> DecodeStoredBase64(const std::string& text);
// `Content-Disposition` naming `file_name` (RFC 5987), inline or as an attachment.
std::string ContentDispositionOf(std::string_view file_name, bool inline_shown);

}  // namespace tianshan::publishing
