#include "http/static_files.h"

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

}  // namespace

StaticFiles StaticFiles::Load(const std::string& root) {
  StaticFiles out;
  std::error_code ec;
  if (root.empty() || !std::filesystem::is_directory(root, ec)) return out;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    File f;
    f.content = buf.str();
    f.content_type = ContentType(it->path());
    f.etag = "\"" + DigestHex(f.content).substr(0, 20) + "\"";
    std::string rel = "/" + std::filesystem::relative(it->path(), root).generic_string();
    f.immutable = rel.rfind("/assets/", 0) == 0;
    out.files_.emplace(rel, std::move(f));
  }
  return out;
}

HttpResponse StaticFiles::Respond(const File& f, std::string_view if_none_match) const {
  HttpResponse r;
  r.headers.emplace_back("ETag", f.etag);
  r.headers.emplace_back("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (!if_none_match.empty() && if_none_match == f.etag) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.content_type = f.content_type;
  r.body = f.content;
  return r;
}

std::optional<HttpResponse> StaticFiles::Serve(std::string_view path, std::string_view if_none_match) const {
  if (path == "/" || path.empty()) path = "/index.html";
  if (auto it = files_.find(std::string(path)); it != files_.end()) return Respond(it->second, if_none_match);
  // App routes (no extension in the last segment) fall back to index.html.
  auto last = path.substr(path.rfind('/') + 1);
  if (last.find('.') == std::string_view::npos) {
    if (auto it = files_.find("/index.html"); it != files_.end()) return Respond(it->second, if_none_match);
  }
  return std::nullopt;
}

}  // namespace tianshan::http
