#include "modules/spreadsheets/handlers.h"

#include "core/json.h"
#include "http/edge.h"
#include "http/gate.h"
#include "http/url.h"
#include "modules/spreadsheets/commit_import.h"
#include "modules/spreadsheets/download_errors.h"
#include "modules/spreadsheets/download_template.h"
#include "modules/spreadsheets/export_list.h"
#include "modules/spreadsheets/get_import.h"
#include "modules/spreadsheets/start_import.h"

namespace tianshan::spreadsheets {
namespace {

// An export reads the request exactly as its list route does (kit/sheet.h), so it has the same
// gate; "" (the permission matrix names the route) when the list route is registered later.
std::string ListRouteGate(const http::Router& router, const std::string& export_route) {
  const std::string list = export_route.substr(0, export_route.rfind("/export"));
  for (const auto& route : router.routes()) {
    if (route->method == "GET" && route->pattern == list) return http::GateOf(*route);
  }
  return "";
}

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

// A job's report holds at most this many errors; error_rows still counts them all.
constexpr size_t kMaxReportedErrors = 10000;

void WriteError(JsonOut& out, const RowError& e, Lang lang) {
  out.StartObject().Field("line", static_cast<int64_t>(e.line));
  out.Field("column", e.column.empty() ? std::optional<std::string>() : std::optional<std::string>(e.column));
  out.Field("header", e.header.empty() ? std::optional<std::string>() : std::optional<std::string>(e.header));
  out.Field("field", e.field.empty() ? std::optional<std::string>() : std::optional<std::string>(e.field));
  out.Field("message", Translate(lang, e.message, e.param)).EndObject();
}

HttpResponse JobJson(const JobSnapshot& s, Lang lang, int status) {
  JsonOut out;
  out.StartObject()
      .Field("id", s.id)
      .Field("kind", s.kind)
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
  return http::Json(out, status);
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

std::vector<std::string> SheetNames(const AppContext& ctx) {
  std::vector<std::string> names;
  for (const auto& [name, sheet] : ctx.sheets) names.push_back(name);
  return names;
}

// ?kind= (a sheet's name, required) and ?organization_id= (required) of an upload.
Result<StartImportInput> ParseStart(const AppContext& ctx, HttpRequest& req) {
  http::QueryReader query(req);
  StartImportInput in;
  auto kind = query.OneOf("kind", SheetNames(ctx));
  if (!req.Query("kind")) query.AddError("kind", "field.required");
  in.organization_id = query.Id("organization_id", /*required=*/true).value_or(0);
  TS_RETURN_IF_ERROR(query.Finish());
  in.sheet = &ctx.sheets.at(*kind);
  in.bytes = std::move(req.body);
  return in;
}

Result<CommitMode> ParseCommit(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  auto mode = r.OneOf("mode", true, {"all", "valid_only"});
  TS_RETURN_IF_ERROR(r.Finish());
  return *mode == "all" ? CommitMode::kAll : CommitMode::kValidOnly;
}

}  // namespace

void RegisterImportRoutes(http::Router& router, const AppContext& ctx, std::shared_ptr<ImportJobs> jobs) {
  http::Gated(router, http::kGateSignedIn)
      .Get("/api/v1/imports/templates/{kind}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        auto sheet = ctx.sheets.find(std::string(req.PathParam("kind")));
        if (sheet == ctx.sheets.end()) return Status::NotFound();
        TS_ASSIGN_OR_RETURN(auto file, DownloadTemplate(sheet->second));
        return FileResponse(file);
      });
  http::Gated(router, "spreadsheets.import")
      .Post("/api/v1/imports",
            [&ctx, jobs](HttpRequest& req) -> Result<HttpResponse> {
              TS_ASSIGN_OR_RETURN(auto input, ParseStart(ctx, req));
              TS_ASSIGN_OR_RETURN(auto job, StartImport(ctx, *jobs, *req.actor, std::move(input)));
              return JobJson(job, req.lang, 202).Header("Location", "/api/v1/imports/" + job.id);
            })
      .upload_limit = kMaxUploadBytes;
  http::Gated(router, http::kGateSelf).Get("/api/v1/imports/{id}", [jobs](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(auto job, GetImport(*jobs, *req.actor, std::string(req.PathParam("id"))));
    return JobJson(job, req.lang, 200);
  });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/imports/{id}/errors", [jobs](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto file,
                            DownloadImportErrors(*jobs, *req.actor, std::string(req.PathParam("id")), req.lang));
        return FileResponse(file);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/imports/{id}/commit", [&ctx, jobs](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto mode, ParseCommit(req));
        TS_ASSIGN_OR_RETURN(
            auto job, CommitImport(ctx, *jobs, *req.actor, req.request_id, std::string(req.PathParam("id")), mode));
        return JobJson(job, req.lang, 202);
      });
}

void RegisterExportRoutes(http::Router& router, const AppContext& ctx) {
  for (const auto& [name, sheet] : ctx.sheets) {
    if (!sheet.list_export) continue;
    http::Gated(router, ListRouteGate(router, sheet.list_export->route))
        .Get(sheet.list_export->route, [&ctx, &sheet = sheet](HttpRequest& req) -> Result<HttpResponse> {
          TS_ASSIGN_OR_RETURN(auto file, ExportList(ctx, sheet, req));
          return FileResponse(file);
        });
  }
}

}  // namespace tianshan::spreadsheets
