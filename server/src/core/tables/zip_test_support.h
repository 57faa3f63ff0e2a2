#pragma once
// Shared by the xlsx tests and the xlsx fuzz target (header only): a zip of exactly the given
// entries, stored or deflated, built in memory, as a hand-made or hostile workbook would be.

#include <zip.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace tianshan::tables::testing {

inline std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& entries, bool deflate = false) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  if (zip == nullptr) std::abort();
  zip_source_keep(src);
  for (const auto& [name, body] : entries) {
    zip_int64_t i =
        zip_file_add(zip, name.c_str(), zip_source_buffer(zip, body.data(), body.size(), 0), ZIP_FL_OVERWRITE);
    if (i < 0) std::abort();
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(i), deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 1);
  }
  if (zip_close(zip) != 0 || zip_source_open(src) != 0) std::abort();
  std::string out;
  char buf[4096];
  for (zip_int64_t n; (n = zip_source_read(src, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  zip_source_close(src);
  zip_source_free(src);
  return out;
}

}  // namespace tianshan::tables::testing
