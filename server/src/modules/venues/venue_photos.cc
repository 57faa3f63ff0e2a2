// A venue's photos: images only (sniffed from the bytes), up to kMaxPhotos of kMaxPhotoBytes
// each, added and removed by the venue's managers, shown to everyone on the public venue page.
// The bytes are kept by publishing's file store (modules/publishing/public/files.h) and served
// by this module's own public route.
#include "modules/publishing/public/files.h"
#include "modules/venues/permissions.h"
#include "modules/venues/use_cases.h"
#include "modules/venues/venue_repository.h"

namespace tianshan::venues {
namespace {

Result<Venue> ManagedVenue(storage::Transaction& tx, const auth::Actor& actor, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto v, FindVenue(tx, id));
  if (!v) return Status::NotFound("venues.not_found");
  if (!CanManage(actor, v->org_path)) return Status::Forbidden();
  return std::move(*v);
}

std::string PhotoAudit(const publishing::StoredFile& f) {
  JsonOut out;
  out.StartObject().Field("key", f.key).Field("media_type", f.media_type).Field("size", f.size).EndObject();
  return out.Take();
}

}  // namespace

Result<publishing::StoredFile> AddVenuePhoto(const AppContext& ctx, const auth::Caller& caller, int64_t venue_id,
                                             const std::string& file_name, const std::string& content) {
  std::vector<FieldError> errors;
  publishing::CheckFile(content, {publishing::ImageFileTypes(), kMaxPhotoBytes}, "body", errors);
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<publishing::StoredFile> {
    TS_ASSIGN_OR_RETURN(auto v, ManagedVenue(tx, caller.actor, venue_id));
    TS_ASSIGN_OR_RETURN(auto photos, publishing::FilesOf(tx, kPhotoOwner, v.id));
    if (photos.size() >= kMaxPhotos)
      return Status::Conflict("venues.too_many_photos").WithParam(std::to_string(kMaxPhotos));
    publishing::StoredFile f;
    f.owner = kPhotoOwner;
    f.owner_id = v.id;
    f.file_name = file_name;
    f.created_by = caller.actor.account_id;
    f.created_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(f, publishing::StoreFile(tx, std::move(f), content));
    TS_RETURN_IF_ERROR(
        ctx.audit.Record(tx, caller, {"venue_photo.create", "venue", v.id, v.org_path, "", PhotoAudit(f)}));
    return f;
  });
}

Status RemoveVenuePhoto(const AppContext& ctx, const auth::Caller& caller, int64_t venue_id, const std::string& key) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto v, ManagedVenue(tx, caller.actor, venue_id));
    TS_ASSIGN_OR_RETURN(auto f, publishing::FindFile(tx, key));
    if (!f || f->owner != kPhotoOwner || f->owner_id != v.id) return Status::NotFound("venues.photo_not_found");
    TS_RETURN_IF_ERROR(publishing::DeleteFile(tx, key));
    return ctx.audit.Record(tx, caller, {"venue_photo.delete", "venue", v.id, v.org_path, PhotoAudit(*f), ""});
  });
}

Result<std::pair<publishing::StoredFile, std::string>> VenuePhoto(const AppContext& ctx, int64_t venue_id,
                                                                  const std::string& key) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::pair<publishing::StoredFile, std::string>> {
    TS_ASSIGN_OR_RETURN(auto f, publishing::FindFile(tx, key));
    if (!f || f->owner != kPhotoOwner || f->owner_id != venue_id) return Status::NotFound("venues.photo_not_found");
    TS_ASSIGN_OR_RETURN(auto content, publishing::FileContent(tx, key));
    return std::pair{std::move(*f), std::move(content)};
  });
}

}  // namespace tianshan::venues
