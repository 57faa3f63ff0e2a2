#pragma once
// Files other modules keep (answers to a service's questions, a venue's photos): the real type
// sniffed from the bytes against the use's allow-list, a size limit, the bytes stored in the
// database (outside any web root), and a download answer. Publishing owns the table
// (`publishing_files`); the owning module names each file's owner ("services.application", 12),
// decides who may download it and serves it itself through its own gated route with
// `FileDownload`. Nothing here is reachable by URL.
//
//   std::vector<FieldError> errors;
//   publishing::CheckFile(body, {{"pdf", "png"}, 2 << 20}, "answers.cv", errors);
//   if (errors.empty()) TS_ASSIGN_OR_RETURN(auto f, publishing::StoreFile(tx, {...}, body));

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/http_types.h"
#include "storage/database.h"

namespace tianshan::publishing {

// The file types a use accepts, by the sniffed extension: png, jpg, gif, webp (images), pdf,
// docx, xlsx, pptx, doc, zip, txt.
struct FileRule {
  std::vector<std::string> types;
  size_t max_bytes = 0;
};
// Every sniffable type, and the images among them.
const std::vector<std::string>& FileTypes();
const std::vector<std::string>& ImageFileTypes();
// The most any use may accept.
inline constexpr size_t kMaxFileBytes = 10 * 1024 * 1024;

// Adds to `errors` (on `field`) what is wrong with `content` for `rule`: empty ("field.empty"),
// over the size ("publishing.file_too_large", param: the limit in KB), or of a type the rule does not accept
// or that cannot be told ("publishing.file_not_accepted", param: the accepted types).
void CheckFile(std::string_view content, const FileRule& rule, const std::string& field,
               std::vector<FieldError>& errors);

struct StoredFile {
  int64_t id = 0;
  std::string key;    // random, 24 characters: what owners keep and routes name
  std::string owner;  // "services.application", "venues.venue", or a module's draft owner
  int64_t owner_id = 0;
  std::string media_type;  // sniffed
  std::string extension;   // sniffed
  std::string file_name;   // as the uploader named it, cleaned
  int64_t size = 0;
  int64_t created_by = 0;
  int64_t created_at = 0;
};

// Stores `content` (already checked with CheckFile) and returns it with a new key. `file`
// gives owner, owner_id, file_name, created_by and created_at.
Result<StoredFile> StoreFile(storage::Transaction& tx, StoredFile file, std::string_view content);
Result<std::optional<StoredFile>> FindFile(storage::Transaction& tx, std::string_view key);
// The files of one owner, oldest first.
Result<std::vector<StoredFile>> FilesOf(storage::Transaction& tx, std::string_view owner, int64_t owner_id);
// The files of many owners of one kind in one query (a page of a list): by owner id, each oldest
// first; ids without files are absent. At most 500 ids (a page); more is a caller's bug.
Result<std::map<int64_t, std::vector<StoredFile>>> FilesOfOwners(storage::Transaction& tx, std::string_view owner,
                                                                 const std::vector<int64_t>& owner_ids);
// Gives the file a new owner (a draft becomes an application's answer) if it still has the
// owner `from` / `from_id`; false when it has not (taken meanwhile).
struct FileOwner {
  std::string_view owner;
  int64_t id = 0;
};
Result<bool> MoveFile(storage::Transaction& tx, std::string_view key, FileOwner from, FileOwner to);
Status DeleteFile(storage::Transaction& tx, std::string_view key);
// Deletes the files of `owner` (any owner id) stored before `before` (epoch ms): drafts never
// used. Returns how many went.
Result<int64_t> DeleteFilesStoredBefore(storage::Transaction& tx, std::string_view owner, int64_t before);
// The file's bytes.
Result<std::string> FileContent(storage::Transaction& tx, std::string_view key);

// The download answer: the sniffed type, nosniff, a sandboxing CSP, private caching, and
// `Content-Disposition` (inline for images, attachment otherwise) with the file's name.
http::HttpResponse FileDownload(const StoredFile& file, std::string content,
                                std::string_view cache_control = "private, max-age=3600");

// The routes around files name one in the query: `?name=` of an upload, `?key=` of a stored
// file. The value, or 422 `name` "field.required" when absent or blank.
Result<std::string> RequiredQueryText(const http::HttpRequest& req, const char* name, size_t max_chars);

// A file name as people see it: no path, no control characters or quotes.
std::string CleanFileName(std::string_view name);

}  // namespace tianshan::publishing
