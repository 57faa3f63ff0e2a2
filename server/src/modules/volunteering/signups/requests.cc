#include "modules/volunteering/signups/requests.h"

#include "modules/volunteering/requests.h"

namespace tianshan::volunteering {
namespace {

constexpr size_t kMaxIdempotencyKey = 100;

std::optional<GuardianConsent> ReadConsent(ObjectReader& r) {
  const auto* raw = r.Raw("guardian_consent");
  if (raw == nullptr || raw->IsNull()) return std::nullopt;
  if (!raw->IsObject()) {
    r.AddError("guardian_consent", "field.must_be_object");
    return std::nullopt;
  }
  ObjectReader c(*raw, "guardian_consent.");
  GuardianConsent g;
  g.guardian_name = c.String("guardian_name", true, 50, 1).value_or("");
  g.relation = c.String("relation", true, 20, 1).value_or("");
  auto agreed = c.Bool("agreed", true);
  if (agreed && !*agreed) c.AddError("agreed", "volunteer.needs_consent");
  Status s = c.Finish();
  for (const auto& e : s.field_errors()) r.AddError(e.field, e.message, e.param);
  if (!s.ok()) return std::nullopt;
  return g;
}

}  // namespace

Result<SignUpInput> ParseSignUp(const http::HttpRequest& req) {
  SignUpInput in;
  std::string_view key = req.Header("idempotency-key");
  if (!key.empty()) {
    bool ok = key.size() <= kMaxIdempotencyKey;
    for (char c : key) ok = ok && c > 32 && c < 127;
    if (!ok) return Status::Invalid("idempotency_key", "field.too_long", std::to_string(kMaxIdempotencyKey));
    in.idempotency_key = std::string(key);
  }
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req, /*empty_is_object=*/true));
  ObjectReader r(doc);
  in.consent = ReadConsent(r);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<std::string> ParseToken(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  auto token = r.String("token", true, 300, 1);
  TS_RETURN_IF_ERROR(r.Finish());
  return *token;
}

Direction ReadDirection(http::QueryReader& query) {
  return query.OneOf("direction", {"in", "out"}, "in") == "in" ? Direction::kIn : Direction::kOut;
}

Result<AttendanceFix> ParseAttendanceFix(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  AttendanceFix f;
  f.checked_in_at = ReadTime(r, "checked_in_at", false);
  f.checked_out_at = ReadTime(r, "checked_out_at", false);
  f.reason = r.String("reason", true, kMaxShort, 1).value_or("");
  if (!r.Has("checked_in_at") && !r.Has("checked_out_at")) r.AddError("checked_in_at", "field.required");
  TS_RETURN_IF_ERROR(r.Finish());
  return f;
}

}  // namespace tianshan::volunteering
