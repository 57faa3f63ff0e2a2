#pragma once
// The built web app, loaded into memory at start-up (it is a few MiB) so that serving it never
// touches the file system and no request path can reach outside the folder.
// Files under assets/ have content hashes in their names and are cached for a year; index.html
// is the fallback for app routes (paths without a file extension) and is never cached.
// Precompressed copies written by the web build (FILE.br, FILE.gz) are served in place of FILE
// to clients whose Accept-Encoding takes them (brotli first), with Content-Encoding, Vary and an
// ETag of their own; they are never served under their own names.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/http_types.h"

namespace tianshan::http {

// True when an Accept-Encoding header value takes `coding` (lower case): listed, or "*", with a
// q-value above 0.
bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding);

class StaticFiles {
 public:
  // Loads every file under `root`. Missing folder: an empty set (API-only server).
  static StaticFiles Load(const std::string& root);

  // The response for GET `path`, or nullopt when neither a file nor the fallback applies.
  std::optional<HttpResponse> Serve(std::string_view path, std::string_view if_none_match,
                                    std::string_view accept_encoding = {}) const;
  size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string etag;
    bool immutable = false;
    std::string brotli;  // FILE.br, when the build wrote one
    std::string gzip;    // FILE.gz
  };
  HttpResponse Respond(const File& f, std::string_view if_none_match, std::string_view accept_encoding) const;
  std::unordered_map<std::string, File> files_;
};

}  // namespace tianshan::http
