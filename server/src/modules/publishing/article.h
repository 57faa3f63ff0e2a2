#pragma once
// Columns and articles of the publishing module, their limits and the review workflow's states.
// No I/O.
//
//   draft ──submit──▶ submitted ──approve──▶ approved ──publish (now, or at publish_at by the
//     ▲                  │                      │        job runner)──▶ published ──withdraw──▶ withdrawn
//     └────reject────────┘◀────────reject───────┘                                              │
//     └──────────────── edit (a withdrawn article goes back to draft) ◀─────────────────────────┘

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tianshan::publishing {

inline constexpr size_t kMaxColumnName = 30;
inline constexpr size_t kMaxTitle = 120;
inline constexpr size_t kMaxSubtitle = 120;
inline constexpr size_t kMaxSource = 60;
inline constexpr size_t kMaxUrl = 2048;
inline constexpr size_t kMaxPerson = 40;  // author, responsible editor
inline constexpr size_t kMaxSummary = 300;
inline constexpr size_t kMaxTag = 20;
inline constexpr size_t kMaxTags = 10;
inline constexpr size_t kMaxAttachments = 20;
inline constexpr size_t kMaxReason = 300;
inline constexpr size_t kMaxBodyBytes = 512 * 1024;
inline constexpr size_t kMaxUploadBytes = 10 * 1024 * 1024;

namespace status {
inline constexpr std::string_view kDraft = "draft";
inline constexpr std::string_view kSubmitted = "submitted";
inline constexpr std::string_view kApproved = "approved";
inline constexpr std::string_view kPublished = "published";
inline constexpr std::string_view kWithdrawn = "withdrawn";
}  // namespace status

inline const std::vector<std::string>& ArticleStatuses() {
  static const std::vector<std::string> s = {"draft", "submitted", "approved", "published", "withdrawn"};
  return s;
}

struct Column {
  int64_t id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  int64_t parent_id = 0;
  std::string name;
  int position = 0;
  bool is_public = true;
  bool show_on_parents = false;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// What an editor writes (create, update, import).
struct ArticleFields {
  std::string title;
  std::optional<std::string> subtitle;
  std::optional<std::string> source;
  std::optional<std::string> source_url;
  std::optional<std::string> author;
  std::optional<std::string> editor;
  std::string origin = "original";  // original | reprint
  std::optional<std::string> cover_key;
  std::optional<std::string> summary;
  std::vector<std::string> tags;
  std::string body_html;  // sanitized once validated
  std::string body_text;
  std::vector<std::string> attachments;  // upload keys
};

struct Article {
  int64_t id = 0;
  int64_t column_id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  bool show_on_parents = false;
  ArticleFields fields;
  std::string status{status::kDraft};
  int revision = 1;
  int64_t created_by = 0;
  std::optional<int64_t> submitted_by;
  std::optional<int64_t> approved_by;
  std::optional<std::string> review_note;
  std::optional<int64_t> publish_at;
  std::optional<int64_t> published_at;
  std::optional<int64_t> withdrawn_at;
  std::optional<std::string> withdrawn_reason;
  int64_t view_count = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct Upload {
  int64_t id = 0;
  std::string key;
  int64_t organization_id = 0;
  std::string org_path;
  std::string kind;  // image | attachment
  std::string media_type;
  std::string file_name;
  int64_t size = 0;
  std::string digest;
  int64_t created_by = 0;
  int64_t created_at = 0;
};

struct Revision {
  int64_t id = 0;
  int64_t article_id = 0;
  int revision = 0;
  std::string title;
  std::string fields_json;
  std::string body_html;
  std::string body_text;
  int64_t saved_by = 0;
  std::string saved_by_name;
  int64_t saved_at = 0;
};

std::string JoinList(const std::vector<std::string>& items);
std::vector<std::string> SplitList(std::string_view text);

}  // namespace tianshan::publishing
