#include "modules/volunteering/handler_support.h"

#include <charconv>

#include "core/json.h"
#include "modules/volunteering/public/hours_rule.h"

namespace tianshan::volunteering {
namespace {

// Empty bodies read as {} so optional-only requests may send nothing.
Result<rapidjson::Document> Body(std::string_view body) {
  return ParseJsonObject(body.empty() ? std::string_view("{}") : body);
}

std::optional<std::string> OptText(ObjectReader& r, const char* name, size_t max) {
  auto s = r.String(name, false, max);
  if (s && s->empty()) return std::nullopt;
  return s;
}

std::optional<std::optional<std::string>> Nullable(ObjectReader& r, const char* name, size_t max) {
  const auto* raw = r.Raw(name);
  if (raw == nullptr) return std::nullopt;
  if (raw->IsNull()) return std::optional<std::string>();
  auto s = r.String(name, false, max);
  if (!s) return std::nullopt;
  return std::optional<std::string>(s->empty() ? std::nullopt : s);
}

std::optional<int64_t> Time(ObjectReader& r, const char* name, bool required) {
  auto s = r.String(name, required, 40);
  if (!s) return std::nullopt;
  auto t = ParseTime(*s);
  if (!t) r.AddError(name, "volunteer.bad_time");
  return t;
}

std::optional<std::string> Date(ObjectReader& r, const char* name, bool required) {
  auto s = r.String(name, required, 10);
  if (s && !IsValidDate(*s)) {
    r.AddError(name, "volunteer.bad_date");
    return std::nullopt;
  }
  return s;
}

Status BadQuery(const char* field, const char* message) { return Status::Invalid(field, message); }

}  // namespace

Result<IdPage> ParseIdPage(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto page, http::ParsePageRequest(req, 20, 200));
  TS_ASSIGN_OR_RETURN(auto cursor, http::ParseIdCursor(page.cursor));
  return IdPage{page.limit, cursor.value_or(0)};
}

Result<std::optional<int64_t>> OptionalQueryId(const http::HttpRequest& req, const char* name) {
  if (!req.Query(name)) return std::optional<int64_t>();
  TS_ASSIGN_OR_RETURN(int64_t id, http::RequireQueryId(req, name));
  return std::optional<int64_t>(id);
}

Result<Period> ParsePeriod(const http::HttpRequest& req, int64_t now_millis) {
  std::string year = ChinaDate(now_millis).substr(0, 4);
  Period p{req.Query("from").value_or(year + "-01"), req.Query("to").value_or(year + "-12")};
  if (!IsValidMonth(p.from)) return BadQuery("from", "volunteer.bad_month");
  if (!IsValidMonth(p.to)) return BadQuery("to", "volunteer.bad_month");
  if (p.from > p.to) return BadQuery("from", "volunteer.bad_period");
  return p;
}

Result<CreateTeamInput> ParseCreateTeam(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  CreateTeamInput in;
  in.organization_id = r.Int("organization_id", true, 1).value_or(0);
  in.name = r.String("name", true, kMaxTitle, 1).value_or("");
  in.description = OptText(r, "description", kMaxText);
  in.partner_name = OptText(r, "partner_name", kMaxTitle);
  if (const auto* leaders = r.Raw("leader_person_ids")) {
    if (!leaders->IsArray()) {
      r.AddError("leader_person_ids", "field.must_be_array");
    } else {
      for (rapidjson::SizeType i = 0; i < leaders->Size(); ++i) {
        const auto& v = (*leaders)[i];
        if (!v.IsInt64() || v.GetInt64() < 1) {
          r.AddError("leader_person_ids[" + std::to_string(i) + "]", "field.must_be_integer");
        } else {
          in.leader_person_ids.push_back(v.GetInt64());
        }
      }
    }
  }
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<std::optional<std::string>> ParseApplication(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  auto message = OptText(r, "message", kMaxShort);
  TS_RETURN_IF_ERROR(r.Finish());
  return message;
}

Result<Decision> ParseDecision(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  Decision d;
  d.approve = r.OneOf("decision", true, {"approve", "reject"}).value_or("") == "approve";
  d.reason = OptText(r, "reason", kMaxShort);
  TS_RETURN_IF_ERROR(r.Finish());
  return d;
}

Result<int64_t> ParsePersonId(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  auto id = r.Int("person_id", true, 1);
  TS_RETURN_IF_ERROR(r.Finish());
  return *id;
}

namespace {
void ReadProjectFields(ObjectReader& r, ProjectFields& f, bool create) {
  f.title = r.String("title", create, kMaxTitle, 1).value_or("");
  f.description = OptText(r, "description", kMaxText);
  f.category = r.OneOf("category", false, Categories()).value_or("community");
  f.brand = OptText(r, "brand", kMaxTitle);
  f.location = OptText(r, "location", kMaxShort);
  f.venue_id = r.Int("venue_id", false, 1);
  f.contact = OptText(r, "contact", kMaxShort);
  f.visibility = r.OneOf("visibility", false, Visibilities()).value_or("public");
}
}  // namespace

Result<CreateProjectInput> ParseCreateProject(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  CreateProjectInput in;
  in.organization_id = r.Int("organization_id", false, 1);
  in.team_id = r.Int("team_id", false, 1);
  if (!r.Has("organization_id") && !r.Has("team_id")) r.AddError("organization_id", "field.required");
  ReadProjectFields(r, in.fields, true);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<ProjectPatch> ParseProjectPatch(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  ProjectPatch p;
  p.title = r.String("title", false, kMaxTitle, 1);
  p.description = Nullable(r, "description", kMaxText);
  p.brand = Nullable(r, "brand", kMaxTitle);
  p.location = Nullable(r, "location", kMaxShort);
  p.contact = Nullable(r, "contact", kMaxShort);
  p.category = r.OneOf("category", false, Categories());
  p.visibility = r.OneOf("visibility", false, Visibilities());
  if (const auto* raw = r.Raw("venue_id")) {
    if (raw->IsNull()) {
      p.venue_id = std::optional<int64_t>();
    } else if (auto v = r.Int("venue_id", false, 1)) {
      p.venue_id = std::optional<int64_t>(*v);
    }
  }
  TS_RETURN_IF_ERROR(r.Finish());
  return p;
}

Result<std::string> ParseStatus(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  auto s = r.OneOf("status", true, ProjectStatuses());
  TS_RETURN_IF_ERROR(r.Finish());
  return *s;
}

Result<CreateShiftInput> ParseCreateShift(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  CreateShiftInput in;
  in.starts_at = Time(r, "starts_at", true).value_or(0);
  in.ends_at = Time(r, "ends_at", true).value_or(0);
  in.capacity = static_cast<int>(r.Int("capacity", true, 1, kMaxCapacity).value_or(0));
  in.role = OptText(r, "role", kMaxTitle);
  in.requirements = OptText(r, "requirements", kMaxShort);
  if (auto age = r.Int("min_age", false, 0, 100)) in.min_age = static_cast<int>(*age);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<SignUpInput> ParseSignUp(const http::HttpRequest& req) {
  SignUpInput in;
  std::string_view key = req.Header("idempotency-key");
  if (!key.empty()) {
    bool ok = key.size() <= 100;
    for (char c : key) ok = ok && c > 32 && c < 127;
    if (!ok) return Status::Invalid("idempotency_key", "field.too_long", "100");
    in.idempotency_key = std::string(key);
  }
  TS_ASSIGN_OR_RETURN(auto doc, Body(req.body));
  ObjectReader r(doc);
  if (const auto* consent = r.Raw("guardian_consent"); consent && !consent->IsNull()) {
    if (!consent->IsObject()) {
      r.AddError("guardian_consent", "field.must_be_object");
    } else {
      ObjectReader c(*consent, "guardian_consent.");
      GuardianConsent g;
      g.guardian_name = c.String("guardian_name", true, 50, 1).value_or("");
      g.relation = c.String("relation", true, 20, 1).value_or("");
      auto agreed = c.Bool("agreed", true);
      if (agreed && !*agreed) c.AddError("agreed", "volunteer.needs_consent");
      Status s = c.Finish();
      for (const auto& e : s.field_errors()) r.AddError(e.field, e.message, e.param);
      if (s.ok()) in.consent = g;
    }
  }
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<std::string> ParseToken(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  auto token = r.String("token", true, 300, 1);
  TS_RETURN_IF_ERROR(r.Finish());
  return *token;
}

Result<AttendanceFix> ParseAttendanceFix(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  AttendanceFix f;
  f.checked_in_at = Time(r, "checked_in_at", false);
  f.checked_out_at = Time(r, "checked_out_at", false);
  f.reason = r.String("reason", true, kMaxShort, 1).value_or("");
  if (!r.Has("checked_in_at") && !r.Has("checked_out_at")) r.AddError("checked_in_at", "field.required");
  TS_RETURN_IF_ERROR(r.Finish());
  return f;
}

Result<std::vector<int64_t>> ParseConfirm(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  std::vector<int64_t> ids;
  if (const auto* raw = r.Raw("sign_up_ids")) {
    if (!raw->IsArray()) {
      r.AddError("sign_up_ids", "field.must_be_array");
    } else {
      for (rapidjson::SizeType i = 0; i < raw->Size(); ++i) {
        if (!(*raw)[i].IsInt64()) {
          r.AddError("sign_up_ids[" + std::to_string(i) + "]", "field.must_be_integer");
        } else {
          ids.push_back((*raw)[i].GetInt64());
        }
      }
    }
  }
  TS_RETURN_IF_ERROR(r.Finish());
  return ids;
}

Result<HourReportInput> ParseHourReport(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  HourReportInput in;
  in.team_id = r.Int("team_id", true, 1).value_or(0);
  in.project_id = r.Int("project_id", false, 1);
  in.worked_on = Date(r, "worked_on", true).value_or("");
  in.minutes = r.Int("minutes", true, 1, 24 * 60).value_or(0);
  in.description = r.String("description", true, kMaxText, 1).value_or("");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<AdjustmentInput> ParseAdjustment(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  AdjustmentInput in;
  in.person_id = r.Int("person_id", true, 1).value_or(0);
  in.project_id = r.Int("project_id", true, 1).value_or(0);
  auto minutes = r.Int("minutes", true, -100000, 100000);
  if (minutes && *minutes == 0) r.AddError("minutes", "volunteer.minutes_nonzero");
  in.minutes = minutes.value_or(0);
  in.worked_on = Date(r, "worked_on", true).value_or("");
  in.reason = r.String("reason", true, kMaxShort, 1).value_or("");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<CorrectionInput> ParseCorrection(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  CorrectionInput in;
  in.minutes = r.Int("minutes", false, 0, 100000);
  in.reason = r.String("reason", true, kMaxShort, 1).value_or("");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<std::string> ParseHoursRule(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, Body(body));
  ObjectReader r(doc);
  auto rule = r.OneOf("hours_rule", true, HoursRules());
  TS_RETURN_IF_ERROR(r.Finish());
  return *rule;
}

}  // namespace tianshan::volunteering
