#include "http/static_files.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.h"

namespace tianshan::http {
namespace {

std::string ContentType(const std::filesystem::path& p) {
  static const std::unordered_map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".ico", "image/x-icon"}, {".webp", "image/webp"},
      {".woff", "font/woff"}, {".woff2", "font/woff2"}, {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}, {".map", "application/json"}};
  auto it = kTypes.find(p.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

bool IsCompressedCopy(const std::filesystem::path& p) {
  const auto ext = p.extension().string();
  return ext == ".br" || ext == ".gz";
}

}  // namespace

bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding) {
  // "gzip, deflate, br;q=0.5": a coding is taken when listed (or "*") with q above 0.
  size_t at = 0;
  bool star = false;
  while (at <= accept_encoding.size()) {
    size_t end = accept_encoding.find(',', at);
    if (end == std::string_view::npos) end = accept_encoding.size();
    std::string_view item = accept_encoding.substr(at, end - at);
    at = end + 1;
    std::string_view name = item.substr(0, item.find(';'));
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    bool refused = false;
    if (auto q = item.find("q="); q != std::string_view::npos) {
      std::string_view value = item.substr(q + 2);
      refused = value.find_first_not_of("0. ") == std::string_view::npos;
    }
    if (name.size() == coding.size() &&
        std::equal(name.begin(), name.end(), coding.begin(), [](char a, char b) { return std::tolower(a) == b; })) {
      return !refused;
    }
    if (name == "*" && !refused) star = true;
  }
  return star;
}

StaticFiles StaticFiles::Load(const std::string& root) {
  StaticFiles out;
  std::error_code ec;
  if (root.empty() || !std::filesystem::is_directory(root, ec)) return out;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file() || IsCompressedCopy(it->path())) continue;
    File f;
    f.content = ReadFile(it->path());
    if (auto br = it->path().string() + ".br"; std::filesystem::is_regular_file(br, ec)) f.brotli = ReadFile(br);
    if (auto gz = it->path().string() + ".gz"; std::filesystem::is_regular_file(gz, ec)) f.gzip = ReadFile(gz);
    f.content_type = ContentType(it->path());
    f.etag = "\"" + DigestHex(f.content).substr(0, 20) + "\"";
    std::string rel = "/" + std::filesystem::relative(it->path(), root).generic_string();
    f.immutable = rel.rfind("/assets/", 0) == 0;
    out.files_.emplace(rel, std::move(f));
  }
  return out;
}

HttpResponse StaticFiles::Respond(const File& f, std::string_view if_none_match,
                                  std::string_view accept_encoding) const {
  const std::string* body = &f.content;
  std::string etag = f.etag, encoding;
  if (!f.brotli.empty() && AcceptsEncoding(accept_encoding, "br")) {
    body = &f.brotli;
    encoding = "br";
  } else if (!f.gzip.empty() && AcceptsEncoding(accept_encoding, "gzip")) {
    body = &f.gzip;
    encoding = "gzip";
  }
  // Each representation has its own strong ETag ("abc" → "abc-br").
  if (!encoding.empty()) etag.insert(etag.size() - 1, "-" + encoding);
  HttpResponse r;
  r.headers.emplace_back("ETag", etag);
  r.headers.emplace_back("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (!f.brotli.empty() || !f.gzip.empty()) r.headers.emplace_back("Vary", "Accept-Encoding");
  if (!if_none_match.empty() && if_none_match == etag) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  if (!encoding.empty()) r.headers.emplace_back("Content-Encoding", encoding);
  r.content_type = f.content_type;
  r.body = *body;
  return r;
}

std::optional<HttpResponse> StaticFiles::Serve(std::string_view path, std::string_view if_none_match,
                                               std::string_view accept_encoding) const {
  if (path == "/" || path.empty()) path = "/index.html";
  if (auto it = files_.find(std::string(path)); it != files_.end()) {
    return Respond(it->second, if_none_match, accept_encoding);
  }
  // App routes (no extension in the last segment) fall back to index.html.
  auto last = path.substr(path.rfind('/') + 1);
  if (last.find('.') == std::string_view::npos) {
    if (auto it = files_.find("/index.html"); it != files_.end()) {
      return Respond(it->second, if_none_match, accept_encoding);
    }
  }
  return std::nullopt;
}

}  // namespace tianshan::http
