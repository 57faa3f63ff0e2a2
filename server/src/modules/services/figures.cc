#include "modules/services/figures.h"

#include <algorithm>

#include "modules/organizations/public/lookup.h"
#include "modules/services/permissions.h"
#include "modules/services/service_repository.h"
#include "storage/sql_filter.h"

namespace tianshan::services {
namespace {

bool Closes(std::string_view status) { return status == "completed" || status == "rejected" || status == "withdrawn"; }

Status AddToService(storage::Transaction& tx, int64_t service_id, const char* column) {
  return tx
      .Execute(std::string("UPDATE services_services SET ") + column + " = " + column + " + 1 WHERE id = ?",
               {service_id})
      .status();
}

std::optional<int64_t> Median(std::vector<int64_t>& values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

std::optional<double> ResponseFigures::CompletionRate() const {
  if (closed == 0) return std::nullopt;
  return static_cast<double>(completed) / static_cast<double>(closed);
}

Status CountSubmitted(storage::Transaction& tx, const Application& a) {
  TS_RETURN_IF_ERROR(AddToService(tx, a.service_id, "applications_count"));
  return organizations::AdjustCounter(tx, a.organization_id, kApplicationsCounter, 1);
}

Status CountStep(storage::Transaction& tx, const Application& a, std::string_view from, int64_t now) {
  if (from == "submitted" && (a.status == "accepted" || a.status == "rejected")) {
    TS_RETURN_IF_ERROR(
        tx.Execute("UPDATE services_applications SET response_ms = ? WHERE id = ? AND response_ms IS NULL",
                   {now - a.created_at, a.id})
            .status());
  }
  if (!Closes(a.status) || Closes(from)) return Status::Ok();
  TS_RETURN_IF_ERROR(AddToService(tx, a.service_id, "closed_count"));
  TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, a.organization_id, kClosedCounter, 1));
  if (a.status != "completed") return Status::Ok();
  TS_RETURN_IF_ERROR(AddToService(tx, a.service_id, "completed_count"));
  return organizations::AdjustCounter(tx, a.organization_id, kCompletedCounter, 1);
}

Result<ResponseFigures> ServiceResponseFigures(storage::Transaction& tx, int64_t service_id) {
  ResponseFigures f;
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT applications_count, completed_count, closed_count FROM "
                                            "services_services WHERE id = ?",
                                            {service_id}));
  if (!row) return Status::NotFound("services.not_found");
  f.applications = row->Int("applications_count");
  f.completed = row->Int("completed_count");
  f.closed = row->Int("closed_count");
  TS_ASSIGN_OR_RETURN(auto answered, tx.QueryOne("SELECT COUNT(*) AS n FROM services_applications WHERE service_id = ? "
                                                 "AND response_ms IS NOT NULL",
                                                 {service_id}));
  f.answered = answered ? answered->Int("n") : 0;
  if (f.answered == 0) return f;
  TS_ASSIGN_OR_RETURN(auto middle,
                      tx.Query("SELECT response_ms FROM services_applications WHERE service_id = ? AND "
                               "response_ms IS NOT NULL ORDER BY response_ms LIMIT ? OFFSET ?",
                               {service_id, f.answered % 2 == 1 ? int64_t{1} : int64_t{2}, (f.answered - 1) / 2}));
  std::vector<int64_t> values;
  for (const auto& r : middle) values.push_back(r.Int("response_ms"));
  f.median_response_ms = Median(values);
  return f;
}

Result<SubtreeResponseFigures> ReadSubtreeResponseFigures(storage::Transaction& tx, int64_t organization_id,
                                                          const std::string& path) {
  SubtreeResponseFigures out;
  TS_ASSIGN_OR_RETURN(auto counters, organizations::ReadCounters(tx, organization_id));
  auto subtree = [&](std::string_view key) {
    auto it = counters.find(key);
    return it == counters.end() ? int64_t{0} : it->second.subtree;
  };
  out.total.applications = subtree(kApplicationsCounter);
  out.total.completed = subtree(kCompletedCounter);
  out.total.closed = subtree(kClosedCounter);
  {
    storage::SqlFilter where("applications_count > 0", {});
    where.Subtree("org_path", path);
    TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id, applications_count, completed_count, closed_count FROM "
                                            "services_services WHERE " +
                                                where.sql() + " ORDER BY id LIMIT ?",
                                            where.With(int64_t{1000})));
    for (const auto& r : rows) {
      auto& f = out.by_service[r.Int("id")];
      f.applications = r.Int("applications_count");
      f.completed = r.Int("completed_count");
      f.closed = r.Int("closed_count");
    }
  }
  storage::SqlFilter where("response_ms IS NOT NULL", {});
  where.Subtree("org_path", path);
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("SELECT service_id, response_ms FROM services_applications WHERE " + where.sql() + " LIMIT ?",
                          where.With(int64_t{1000000})));
  std::vector<int64_t> all;
  std::map<int64_t, std::vector<int64_t>> per_service;
  for (const auto& r : rows) {
    all.push_back(r.Int("response_ms"));
    per_service[r.Int("service_id")].push_back(all.back());
  }
  out.total.answered = static_cast<int64_t>(all.size());
  out.total.median_response_ms = Median(all);
  for (auto& [id, values] : per_service) {
    auto& f = out.by_service[id];
    f.answered = static_cast<int64_t>(values.size());
    f.median_response_ms = Median(values);
  }
  return out;
}

Result<ResponseFigures> GetServiceResponses(const AppContext& ctx, const auth::Actor& actor, int64_t service_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ResponseFigures> {
    TS_ASSIGN_OR_RETURN(auto s, FindService(tx, service_id));
    if (!s || !CanRead(actor, s->org_path)) return Status::NotFound("services.not_found");
    return ServiceResponseFigures(tx, service_id);
  });
}

Result<SubtreeResponseFigures> GetSubtreeResponses(const AppContext& ctx, const auth::Actor& actor,
                                                   int64_t organization_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<SubtreeResponseFigures> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
    if (!CanRead(actor, org.path)) return Status::NotFound("organization.not_found");
    return ReadSubtreeResponseFigures(tx, org.id, org.path);
  });
}

Status AddResponseSelfCounts(storage::Transaction& tx, organizations::SelfCounts& counts,
                             std::vector<std::string>& keys) {
  const std::pair<std::string_view, const char*> recounts[] = {
      {kApplicationsCounter, ""},
      {kCompletedCounter, " WHERE status = 'completed'"},
      {kClosedCounter, " WHERE status IN ('completed', 'rejected', 'withdrawn')"},
  };
  for (const auto& [key, where] : recounts) {
    keys.emplace_back(key);
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(
        tx, key,
        std::string("SELECT organization_id, COUNT(*) AS value FROM services_applications") + where +
            " GROUP BY organization_id",
        counts));
  }
  return Status::Ok();
}

}  // namespace tianshan::services
