#include <sodium.h>

#include "core/crypto.h"
#include "core/json.h"
#include "modules/organizations/public/lookup.h"
#include "modules/publishing/article_repository.h"
#include "modules/publishing/link_policy.h"
#include "modules/publishing/media_type.h"
#include "modules/publishing/permissions.h"
#include "modules/publishing/public/files.h"
#include "modules/publishing/use_cases.h"

namespace tianshan::publishing {
Result<Upload> UploadFile(const AppContext& ctx, const Caller& caller, int64_t organization_id,
                          const std::string& file_name, const std::string& content) {
  std::vector<FieldError> errors;
  const std::string name = CleanFileName(file_name);
  if (name.empty() || !IsValidUtf8(name) || Utf8Length(name) > 100)
    errors.push_back({"name", "publishing.bad_file_name", ""});
  if (auto bad = FindDeniedText(name)) errors.push_back({"name", "publishing.denied_text", *bad});
  if (content.empty()) errors.push_back({"body", "field.empty", ""});
  if (content.size() > kMaxUploadBytes) {
    errors.push_back({"body", "publishing.upload_too_large", std::to_string(kMaxUploadBytes / 1024 / 1024)});
  }
  auto sniffed = SniffMediaType(content);
  if (!content.empty() && !sniffed) errors.push_back({"body", "publishing.file_type", ""});
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Upload> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, caller.actor, organization_id));
    if (!CanRead(caller.actor, org.path)) return Status::NotFound("organization.not_found");
    // Editors of any column of the organization upload; CanWrite without membership is the admin's.
    TS_ASSIGN_OR_RETURN(auto editor_row,
                        tx.QueryOne("SELECT 1 FROM publishing_column_members m JOIN publishing_columns "
                                    "c ON c.id = m.column_id WHERE c.organization_id = ? AND "
                                    "m.account_id = ? AND m.role = 'editor'",
                                    {org.id, caller.actor.account_id}));
    if (!CanWrite(caller.actor, org.path, Membership{editor_row.has_value(), false})) return Status::Forbidden();
    Upload u;
    u.key = RandomToken(18);
    u.organization_id = org.id;
    u.org_path = org.path;
    u.kind = sniffed->kind;
    u.media_type = sniffed->media_type;
    u.file_name = name;
    u.size = static_cast<int64_t>(content.size());
    u.digest = DigestHex(content);
    u.created_by = caller.actor.account_id;
    u.created_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(u.id, InsertUpload(tx, u, Base64(content)));
    JsonOut after;
    after.StartObject()
        .Field("key", u.key)
        .Field("kind", u.kind)
        .Field("media_type", u.media_type)
        .Field("size", u.size)
        .EndObject();
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller, {"upload.create", "upload", u.id, u.org_path, "", after.Take()}));
    return u;
  });
}

}  // namespace tianshan::publishing
