#include "modules/publishing/public/files.h"

#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstdio>

#include "core/crypto.h"
#include "http/edge.h"
#include "modules/publishing/media_type.h"

namespace tianshan::publishing {
namespace {

constexpr const char* kFileColumns =
    "id, file_key, owner, owner_id, media_type, extension, file_name, size_bytes, created_by, created_at";

StoredFile FileOf(const storage::Row& r) {
  return StoredFile{r.Int("id"),          r.Text("file_key"),  r.Text("owner"),     r.Int("owner_id"),
                    r.Text("media_type"), r.Text("extension"), r.Text("file_name"), r.Int("size_bytes"),
                    r.Int("created_by"),  r.Int("created_at")};
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

const std::vector<std::string>& FileTypes() {
  static const std::vector<std::string> t = {"png",  "jpg",  "gif", "webp", "pdf", "docx",
                                             "xlsx", "pptx", "doc", "zip",  "txt"};
  return t;
}

const std::vector<std::string>& ImageFileTypes() {
  static const std::vector<std::string> t = {"png", "jpg", "gif", "webp"};
  return t;
}

void CheckFile(std::string_view content, const FileRule& rule, const std::string& field,
               std::vector<FieldError>& errors) {
  if (content.empty()) {
    errors.push_back({field, "field.empty", ""});
    return;
  }
  const size_t limit = std::min(rule.max_bytes, kMaxFileBytes);
  if (content.size() > limit) {
    errors.push_back({field, "publishing.file_too_large", std::to_string((limit + 1023) / 1024)});
    return;
  }
  auto sniffed = SniffMediaType(content);
  if (!sniffed || std::find(rule.types.begin(), rule.types.end(), sniffed->extension) == rule.types.end()) {
    errors.push_back({field, "publishing.file_not_accepted", Joined(rule.types)});
  }
}

std::string CleanFileName(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '"') out += c;
  }
  return out;
}

Result<StoredFile> StoreFile(storage::Transaction& tx, StoredFile f, std::string_view content) {
  auto sniffed = SniffMediaType(content);
  if (!sniffed) return Status::Internal("error.internal").WithDetail("StoreFile without CheckFile");
  f.key = RandomToken(18);
  f.media_type = sniffed->media_type;
  f.extension = sniffed->extension;
  f.file_name = CleanFileName(f.file_name);
  if (f.file_name.empty()) f.file_name = "file." + f.extension;
  f.size = static_cast<int64_t>(content.size());
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query("INSERT INTO publishing_files (file_key, owner, owner_id, media_type, extension, "
                               "file_name, size_bytes, digest, content_base64, created_by, created_at) VALUES (?, ?, "
                               "?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               {f.key, f.owner, f.owner_id, f.media_type, f.extension, f.file_name, f.size,
                                DigestHex(content), Base64(content), f.created_by, f.created_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  f.id = rows[0].Int(0);
  return f;
}

Result<std::optional<StoredFile>> FindFile(storage::Transaction& tx, std::string_view key) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne(std::string("SELECT ") + kFileColumns + " FROM publishing_files WHERE file_key = ?",
                                  {std::string(key)}));
  if (!row) return std::optional<StoredFile>();
  return std::optional<StoredFile>(FileOf(*row));
}

Result<std::vector<StoredFile>> FilesOf(storage::Transaction& tx, std::string_view owner, int64_t owner_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kFileColumns +
                                              " FROM publishing_files WHERE owner = ? AND owner_id = ? ORDER BY id",
                                          {std::string(owner), owner_id}));
  std::vector<StoredFile> out;
  for (const auto& r : rows) out.push_back(FileOf(r));
  return out;
}

Result<std::map<int64_t, std::vector<StoredFile>>> FilesOfOwners(storage::Transaction& tx, std::string_view owner,
                                                                 const std::vector<int64_t>& owner_ids) {
  assert(owner_ids.size() <= 500);
  std::map<int64_t, std::vector<StoredFile>> out;
  if (owner_ids.empty()) return out;
  const std::string owner_text(owner);  // parameters view their strings: keep it alive
  std::vector<storage::Param> params = {owner_text};
  std::string in;
  for (int64_t id : owner_ids) {
    in += in.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(std::string("SELECT ") + kFileColumns +
                                   " FROM publishing_files WHERE owner = ? AND owner_id IN (" + in + ") ORDER BY id",
                               params));
  for (const auto& r : rows) {
    StoredFile f = FileOf(r);
    out[f.owner_id].push_back(std::move(f));
  }
  return out;
}

Result<bool> MoveFile(storage::Transaction& tx, std::string_view key, FileOwner from, FileOwner to) {
  TS_ASSIGN_OR_RETURN(int64_t changed,
                      tx.Execute("UPDATE publishing_files SET owner = ?, owner_id = ? WHERE file_key = ? AND owner = ? "
                                 "AND owner_id = ?",
                                 {std::string(to.owner), to.id, std::string(key), std::string(from.owner), from.id}));
  return changed == 1;
}

Status DeleteFile(storage::Transaction& tx, std::string_view key) {
  return tx.Execute("DELETE FROM publishing_files WHERE file_key = ?", {std::string(key)}).status();
}

Result<int64_t> DeleteFilesStoredBefore(storage::Transaction& tx, std::string_view owner, int64_t before) {
  return tx.Execute("DELETE FROM publishing_files WHERE owner = ? AND created_at < ?", {std::string(owner), before});
}

Result<std::string> FileContent(storage::Transaction& tx, std::string_view key) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne("SELECT content_base64 FROM publishing_files WHERE file_key = ?", {std::string(key)}));
  if (!row) return Status::NotFound("publishing.upload_not_found");
  return DecodeStoredBase64(row->Text("content_base64"));
}

Result<std::string> DecodeStoredBase64(const std::string& text) {
  std::string out(text.size() * 3 / 4 + 3, '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return Status::Internal("error.internal").WithDetail("stored upload is not base64");
  }
  out.resize(len);
  return out;
}

std::string ContentDispositionOf(std::string_view file_name, bool inline_shown) {
  std::string enc;
  for (unsigned char c : file_name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      enc += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      enc += buf;
    }
  }
  return std::string(inline_shown ? "inline" : "attachment") + "; filename*=UTF-8''" + enc;
}

Result<std::string> RequiredQueryText(const http::HttpRequest& req, const char* name, size_t max_chars) {
  http::QueryReader query(req);
  auto value = query.Text(name, max_chars);
  if (!value) query.AddError(name, "field.required");
  TS_RETURN_IF_ERROR(query.Finish());
  return *value;
}

http::HttpResponse FileDownload(const StoredFile& f, std::string content, std::string_view cache_control) {
  http::HttpResponse r;
  r.content_type = f.media_type;
  r.body = std::move(content);
  const bool image = std::find(ImageFileTypes().begin(), ImageFileTypes().end(), f.extension) != ImageFileTypes().end();
  r.Header("Content-Disposition", ContentDispositionOf(f.file_name, image));
  r.Header("X-Content-Type-Options", "nosniff");
  r.Header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
  r.Header("Cache-Control", std::string(cache_control));
  return r;
}

}  // namespace tianshan::publishing
