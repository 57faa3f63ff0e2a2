// File answers: a file is uploaded for a question of a service (a draft owned by the service
// and the uploader), named by its key in the application's answers, and attached to the
// application when it is submitted. Only the applicant and readers of the handling
// organization download it.
#include "modules/publishing/public/files.h"
#include "modules/services/permissions.h"
#include "modules/services/service_repository.h"
#include "modules/services/use_cases.h"

namespace tianshan::services {
namespace {

const Question* FileQuestion(const Service& s, std::string_view key) {
  for (const auto& q : s.f.questions) {
    if (q.key == key && q.type == "file") return &q;
  }
  return nullptr;
}

publishing::FileRule RuleOf(const Question& q) { return {q.accept, static_cast<size_t>(FileLimitKb(q)) * 1024}; }

}  // namespace

Result<publishing::StoredFile> UploadAnswerFile(const AppContext& ctx, const auth::Caller& caller, int64_t service_id,
                                                const std::string& question, const std::string& file_name,
                                                const std::string& content) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<publishing::StoredFile> {
    TS_ASSIGN_OR_RETURN(auto s, FindService(tx, service_id));
    if (!s) return Status::NotFound("services.not_found");
    if (s->f.kind != "applications") return Status::Conflict("services.not_applications");
    const Question* q = FileQuestion(*s, question);
    if (q == nullptr) return Status::Invalid("question", "services.not_a_file_question", question);
    std::vector<FieldError> errors;
    publishing::CheckFile(content, RuleOf(*q), "answers." + q->key, errors);
    if (!errors.empty()) return Status::Invalid(std::move(errors));
    publishing::StoredFile f;
    f.owner = kDraftFileOwner;
    f.owner_id = s->id;
    f.file_name = file_name;
    f.created_by = caller.actor.account_id;
    f.created_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(f, publishing::StoreFile(tx, std::move(f), content));
    JsonOut after;
    after.StartObject()
        .Field("service_id", s->id)
        .Field("question", q->key)
        .Field("media_type", f.media_type)
        .Field("size", f.size)
        .EndObject();
    TS_RETURN_IF_ERROR(
        ctx.audit.Record(tx, caller, {"service_answer_file.upload", "service", s->id, s->org_path, "", after.Take()}));
    return f;
  });
}

Status AttachAnswerFiles(storage::Transaction& tx, const auth::Actor& actor, const Service& s, const Application& a) {
  std::vector<FieldError> errors;
  for (const auto& q : s.f.questions) {
    auto it = a.answers.find(q.key);
    if (q.type != "file" || it == a.answers.end() || it->second.empty()) continue;
    const std::string field = "answers." + q.key;
    TS_ASSIGN_OR_RETURN(auto f, publishing::FindFile(tx, it->second));
    const auto rule = RuleOf(q);
    const bool usable = f && f->owner == kDraftFileOwner && f->owner_id == s.id && f->created_by == actor.account_id &&
                        std::find(rule.types.begin(), rule.types.end(), f->extension) != rule.types.end() &&
                        static_cast<size_t>(f->size) <= rule.max_bytes;
    if (!usable) {
      errors.push_back({field, "services.unknown_file", ""});
      continue;
    }
    TS_ASSIGN_OR_RETURN(bool moved,
                        publishing::MoveFile(tx, f->key, {kDraftFileOwner, s.id}, {kAnswerFileOwner, a.id}));
    if (!moved) errors.push_back({field, "services.unknown_file", ""});
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return Status::Ok();
}

Result<std::pair<publishing::StoredFile, std::string>> DownloadAnswerFile(const AppContext& ctx,
                                                                          const auth::Actor& actor,
                                                                          int64_t application_id,
                                                                          const std::string& key) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::pair<publishing::StoredFile, std::string>> {
    TS_ASSIGN_OR_RETURN(auto a, FindApplication(tx, application_id));
    if (!a || !CanSeeApplication(actor, *a)) {
      return Status::NotFound("services.application_not_found");
    }
    TS_ASSIGN_OR_RETURN(auto f, publishing::FindFile(tx, key));
    if (!f || f->owner != kAnswerFileOwner || f->owner_id != a->id)
      return Status::NotFound("publishing.upload_not_found");
    TS_ASSIGN_OR_RETURN(auto content, publishing::FileContent(tx, key));
    return std::pair{std::move(*f), std::move(content)};
  });
}

Status CleanUpDraftFiles(const AppContext& ctx, int64_t now) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    return publishing::DeleteFilesStoredBefore(tx, kDraftFileOwner, now - kDraftFileMillis).status();
  });
}

}  // namespace tianshan::services
