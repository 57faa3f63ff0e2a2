#include "modules/spreadsheets/handlers.h"

#include "core/json.h"
#include "http/edge.h"
#include "http/pagination.h"
#include "http/url.h"
#include "modules/organizations/requests.h"
#include "modules/people/public/person.h"
#include "modules/spreadsheets/commit_import.h"
#include "modules/spreadsheets/download_template.h"
#include "modules/spreadsheets/export_organizations.h"
#include "modules/spreadsheets/export_people.h"
#include "modules/spreadsheets/get_import.h"
#include "modules/spreadsheets/start_import.h"

namespace tianshan::spreadsheets {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

// A job's report holds at most this many errors; error_rows still counts them all.
constexpr size_t kMaxReportedErrors = 10000;

using http::Problem;

void WriteError(JsonOut& out, const RowError& e, Lang lang) {
  out.StartObject().Field("line", static_cast<int64_t>(e.line));
  out.Field("column", e.column.empty() ? std::optional<std::string>() : std::optional<std::string>(e.column));
  out.Field("header", e.header.empty() ? std::optional<std::string>() : std::optional<std::string>(e.header));
  out.Field("field", e.field.empty() ? std::optional<std::string>() : std::optional<std::string>(e.field));
  out.Field("message", Translate(lang, e.message, e.param)).EndObject();
}

std::string JobJson(const JobSnapshot& s, Lang lang) {
  JsonOut out;
  out.StartObject()
      .Field("id", s.id)
      .Field("kind", ImportKindName(s.kind))
      .Field("organization_id", s.organization_id)
      .Field("status", JobStatusName(s.status))
      .Field("total_rows", s.total_rows)
      .Field("processed_rows", s.processed_rows)
      .Field("valid_rows", s.valid_rows)
      .Field("error_rows", s.error_rows)
      .Field("importing_rows", s.importing_rows)
      .Field("imported_rows", s.imported_rows);
  out.Key("errors").StartArray();
  for (size_t i = 0; i < s.errors.size() && i < kMaxReportedErrors; ++i) WriteError(out, s.errors[i], lang);
  out.EndArray().Field("errors_truncated", s.errors.size() > kMaxReportedErrors);
  out.Key("failure");
  if (s.failure) {
    WriteError(out, *s.failure, lang);
  } else {
    out.Null();
  }
  out.Key("timings")
      .StartObject()
      .Field("validation_ms", s.validation_millis)
      .Field("import_ms", s.import_millis)
      .EndObject();
  out.EndObject();
  return out.Take();
}

HttpResponse FileResponse(const ExportFile& f) {
  HttpResponse r;
  r.content_type = kXlsxMediaType;
  r.body = f.bytes;
  r.Header("Content-Disposition",
           "attachment; filename=\"export.xlsx\"; filename*=UTF-8''" + http::PercentEncode(f.file_name));
  r.Header("Cache-Control", "no-store");
  return r;
}

Result<ImportKind> KindParam(std::string_view raw, const char* field) {
  auto kind = ParseImportKind(raw);
  if (!kind) return Status::Invalid(field, "field.not_one_of", "people, organizations");
  return *kind;
}

Result<StartImportInput> ParseStart(HttpRequest& req) {
  StartImportInput in;
  std::vector<FieldError> errors;
  auto kind = KindParam(req.Query("kind").value_or(""), "kind");
  if (kind.ok()) {
    in.kind = *kind;
  } else {
    Status st = kind.status();
    errors.insert(errors.end(), st.field_errors().begin(), st.field_errors().end());
  }
  auto org = http::RequireQueryId(req, "organization_id");
  if (org.ok()) {
    in.organization_id = *org;
  } else {
    Status st = org.status();
    errors.insert(errors.end(), st.field_errors().begin(), st.field_errors().end());
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  in.bytes = std::move(req.body);
  return in;
}

Result<CommitMode> ParseCommit(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader r(doc);
  auto mode = r.OneOf("mode", true, {"all", "valid_only"});
  TS_RETURN_IF_ERROR(r.Finish());
  return *mode == "all" ? CommitMode::kAll : CommitMode::kValidOnly;
}

Result<people::ListPeopleInput> ParsePeopleExport(const HttpRequest& req) {
  people::ListPeopleInput in;
  TS_ASSIGN_OR_RETURN(in.organization_id, req.PathId("id"));
  auto scope = req.Query("scope").value_or("self");
  if (scope != "self" && scope != "subtree") return Status::Invalid("scope", "field.not_one_of", "self, subtree");
  in.subtree = scope == "subtree";
  if (auto kind = req.Query("kind"); kind && !kind->empty()) {
    if (*kind != "member" && *kind != "youth" && *kind != "cadre") {
      return Status::Invalid("kind", "field.not_one_of", "member, youth, cadre");
    }
    in.kind = *kind;
  }
  if (auto q = req.Query("q"); q && !q->empty()) {
    if (Utf8Length(*q) > people::kMaxName)
      return Status::Invalid("q", "field.too_long", std::to_string(people::kMaxName));
    in.q = *q;
  }
  return in;
}

}  // namespace

void RegisterImportRoutes(http::Router& router, const AppContext& ctx, std::shared_ptr<ImportJobs> jobs) {
  router.Add("GET", "/api/v1/imports/templates/{kind}", Access::kSession, [](HttpRequest& req) {
    auto kind = KindParam(req.PathParam("kind"), "kind");
    if (!kind.ok()) return Problem(req, Status::NotFound());
    auto file = DownloadTemplate(*kind);
    return file.ok() ? FileResponse(*file) : Problem(req, file.status());
  });
  router
      .Add("POST", "/api/v1/imports", Access::kSession,
           [&ctx, jobs](HttpRequest& req) {
             auto in = ParseStart(req);
             if (!in.ok()) return Problem(req, in.status());
             auto r = StartImport(ctx, *jobs, *req.actor, std::move(in).value());
             if (!r.ok()) return Problem(req, r.status());
             return HttpResponse::Json(JobJson(*r, req.lang), 202).Header("Location", "/api/v1/imports/" + r->id);
           })
      .upload_limit = kMaxUploadBytes;
  router.Add("GET", "/api/v1/imports/{id}", Access::kSession, [jobs](HttpRequest& req) {
    auto r = GetImport(*jobs, *req.actor, std::string(req.PathParam("id")));
    return r.ok() ? HttpResponse::Json(JobJson(*r, req.lang)) : Problem(req, r.status());
  });
  router.Add("POST", "/api/v1/imports/{id}/commit", Access::kSession, [&ctx, jobs](HttpRequest& req) {
    auto mode = ParseCommit(req.body);
    if (!mode.ok()) return Problem(req, mode.status());
    auto r = CommitImport(ctx, *jobs, *req.actor, req.request_id, std::string(req.PathParam("id")), *mode);
    return r.ok() ? HttpResponse::Json(JobJson(*r, req.lang), 202) : Problem(req, r.status());
  });
}

void RegisterExportRoutes(http::Router& router, const AppContext& ctx) {
  router.Add("GET", "/api/v1/organizations/{id}/people/export", Access::kSession, [&ctx](HttpRequest& req) {
    auto in = ParsePeopleExport(req);
    if (!in.ok()) return Problem(req, in.status());
    auto file = ExportPeople(ctx, *req.actor, std::move(in).value());
    return file.ok() ? FileResponse(*file) : Problem(req, file.status());
  });
  router.Add("GET", "/api/v1/organizations/{id}/subtree/export", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    http::QueryReader query(req);
    Result<organizations::ListFilter> filter = organizations::ReadFilter(query);
    if (Status s = query.Finish(); !s.ok()) return Problem(req, s);
    auto file = ExportOrganizations(ctx, *req.actor, *id, *filter, req.Query("q"));
    return file.ok() ? FileResponse(*file) : Problem(req, file.status());
  });
}

}  // namespace tianshan::spreadsheets
