#pragma once
// Files embedded in the binary at build time (migrations, the OpenAPI document).

#include <string_view>
#include <vector>

namespace tianshan {

struct EmbeddedFile {
  std::string_view path;  // relative to server/src, e.g. "modules/audit/migrations/0001_entries.sql"
  std::string_view content;
};

const std::vector<EmbeddedFile>& EmbeddedFiles();
// Empty view when absent.
std::string_view FindEmbeddedFile(std::string_view path);

}  // namespace tianshan
