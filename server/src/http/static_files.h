#pragma once
// The built web app, loaded into memory at start-up (it is a few MiB) so that serving it never
// touches the file system and no request path can reach outside the folder.
// Files under assets/ have content hashes in their names and are cached for a year; index.html
// is the fallback for app routes (paths without a file extension) and is never cached.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/http_types.h"

namespace tianshan::http {

class StaticFiles {
 public:
  // Loads every file under `root`. Missing folder: an empty set (API-only server).
  static StaticFiles Load(const std::string& root);

  // The response for GET `path`, or nullopt when neither a file nor the fallback applies.
  std::optional<HttpResponse> Serve(std::string_view path, std::string_view if_none_match) const;
  size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string etag;
    bool immutable = false;
  };
  HttpResponse Respond(const File& f, std::string_view if_none_match) const;
  std::unordered_map<std::string, File> files_;
};

}  // namespace tianshan::http
