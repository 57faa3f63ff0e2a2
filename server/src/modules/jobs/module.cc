#include "modules/jobs/module.h"

#include <chrono>
#include <cstdlib>
#include <thread>

#include "http/edge.h"
#include "http/gate.h"
#include "modules/jobs/job_repository.h"
#include "modules/jobs/job_runner.h"
#include "modules/jobs/public/jobs.h"

namespace tianshan::jobs {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

std::vector<MessageText> Messages() {
  return {
      {"jobs.unknown_kind", "没有模块声明这种任务", "No module declares this kind of job"},
      {"jobs.lease_expired", "任务多次中断，已停止重试", "The job was interrupted too often and is no longer retried"},
      {"jobs.not_failed", "只有失败的任务可以重试", "Only a failed job can be retried"},
      {"jobs.not_found", "未找到该任务", "No such job"},
      {"jobs.admins_only", "只有全区（根组织）管理员可以查看任务", "Only administrators of a whole tree see jobs"},
  };
}

const std::vector<std::string>& Statuses() {
  static const std::vector<std::string> s = {"pending", "running", "done", "failed"};
  return s;
}

Status RequireAdmin(const HttpRequest& req) {
  return req.actor->AdministersARoot() ? Status::Ok() : Status::Forbidden("jobs.admins_only");
}

void WriteJob(JsonOut& out, const JobRow& j) {
  auto time = [&](const char* key, const std::optional<int64_t>& t) {
    out.Key(key);
    t ? out.String(FormatUtc(*t)) : out.Null();
  };
  out.StartObject()
      .Field("id", j.id)
      .Field("kind", j.kind)
      .Field("status", j.status)
      .Field("attempts", static_cast<int64_t>(j.attempts))
      .Field("max_attempts", static_cast<int64_t>(j.max_attempts))
      .Field("due_at", FormatUtc(j.due_at))
      .Field("run_at", FormatUtc(j.run_at))
      .Field("last_error", j.last_error);
  time("finished_at", j.finished_at);
  out.Key("payload");
  rapidjson::Document d;
  if (d.Parse(j.payload.c_str()).HasParseError()) {
    out.String(j.payload);
  } else {
    d.Accept(out.w());
  }
  out.EndObject();
}

void RegisterRoutes(http::Router& r, const AppContext& ctx) {
  http::Gated(r, "jobs.view").Get("/api/v1/jobs", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_RETURN_IF_ERROR(RequireAdmin(req));
    http::QueryReader query(req);
    std::string status = query.OneOf("status", Statuses()).value_or("");
    int limit = query.Limit(50, 200);
    auto before = query.IdCursor();
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto rows,
                        ctx.db.Read([&](storage::Transaction& tx) { return ListJobs(tx, status, before, limit); }));
    std::optional<int64_t> next;
    if (static_cast<int>(rows.size()) > limit) {
      rows.resize(static_cast<size_t>(limit));
      next = rows.back().id;
    }
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& j : rows) WriteJob(out, j);
    out.EndArray().Field("next_cursor", http::IdCursorText(next)).EndObject();
    return http::Json(out);
  });
  http::Gated(r, "jobs.view").Get("/api/v1/jobs/kinds", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_RETURN_IF_ERROR(RequireAdmin(req));
    TS_ASSIGN_OR_RETURN(auto summary, ctx.db.Read([](storage::Transaction& tx) { return SummarizeJobs(tx); }));
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& [kind, def] : ctx.jobs) {
      KindSummary counts;
      for (const auto& k : summary) {
        if (k.kind == kind) counts = k;
      }
      out.StartObject()
          .Field("kind", kind)
          .Field("description", def.description)
          .Field("schedule", ScheduleText(def.schedule))
          .Field("pending", counts.pending)
          .Field("running", counts.running)
          .Field("done", counts.done)
          .Field("failed", counts.failed);
      out.Key("next_run_at");
      counts.next_run_at ? out.String(FormatUtc(*counts.next_run_at)) : out.Null();
      out.EndObject();
    }
    out.EndArray().EndObject();
    return http::Json(out);
  });
  http::Gated(r, "jobs.view").Post("/api/v1/jobs/{id}/retry", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_RETURN_IF_ERROR(http::NoBody(req));
    TS_RETURN_IF_ERROR(RequireAdmin(req));
    TS_ASSIGN_OR_RETURN(JobRow job, ctx.db.Write([&](storage::Transaction& tx) -> Result<JobRow> {
      TS_ASSIGN_OR_RETURN(auto found, FindJob(tx, id));
      if (!found) return Status::NotFound("jobs.not_found");
      TS_ASSIGN_OR_RETURN(bool retried, RetryJob(tx, id, ctx.clock.NowMillis()));
      if (!retried) return Status::Conflict("jobs.not_failed");
      TS_ASSIGN_OR_RETURN(found, FindJob(tx, id));
      return std::move(*found);
    }));
    JsonOut out;
    WriteJob(out, job);
    return http::Json(out);
  });
}

}  // namespace

Result<bool> EnqueueJob(storage::Transaction& tx, const AppContext& ctx, const std::string& kind, int64_t run_at,
                        std::string payload, std::optional<std::string> unique_key) {
  auto def = ctx.jobs.find(kind);
  if (def == ctx.jobs.end()) return Status::Invalid("kind", "jobs.unknown_kind").WithDetail(kind);
  NewJob job{kind,   std::move(unique_key),    std::move(payload),
             run_at, def->second.max_attempts, def->second.lease_seconds * 1000};
  return InsertJob(tx, job, ctx.clock.NowMillis());
}

ModuleDefinition JobsModule() {
  ModuleDefinition m;
  m.name = "jobs";
  m.migrations = storage::EmbeddedMigrations("jobs", "modules/jobs/migrations/");
  m.messages = Messages();
  m.register_routes = [](http::Router& r, AppContext& ctx) { RegisterRoutes(r, ctx); };
  // For the crash test only (server/tests/api/jobs_crash_test.cc): a kind whose first attempt
  // hangs, so that the process can be killed while it runs.
  if (const char* test = std::getenv("TIANSHAN_TEST_JOBS"); test != nullptr && std::string(test) == "1") {
    m.jobs.push_back({"jobs.test_hang_once", "first attempt hangs (crash test only)", JobSchedule{}, 5, 2,
                      [](const AppContext&, const JobRun& run) {
                        if (run.attempt == 1) std::this_thread::sleep_for(std::chrono::minutes(10));
                        return Status::Ok();
                      }});
  }
  m.permissions = {{"jobs.view", "platform", "committee_admin of a whole tree (a root or every organization)",
                    [](const auth::Actor& a, std::string_view) { return a.AdministersARoot(); }}};
  return m;
}

}  // namespace tianshan::jobs
