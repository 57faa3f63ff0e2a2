#include "modules/volunteering/requests.h"

#include "modules/volunteering/volunteering.h"

namespace tianshan::volunteering {

IdPage ReadIdPage(http::QueryReader& query) {
  IdPage page;
  page.limit = query.Limit(kDefaultLimit, kMaxLimit);
  page.after = query.IdCursor().value_or(0);
  return page;
}

std::optional<int64_t> ReadTime(ObjectReader& body, const char* name, bool required) {
  auto text = body.String(name, required, 40);
  if (!text) return std::nullopt;
  auto t = ParseTime(*text);
  if (!t) body.AddError(name, "volunteer.bad_time");
  return t;
}

Result<Decision> ParseDecision(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  Decision d;
  d.approve = r.OneOf("decision", true, {"approve", "reject"}).value_or("") == "approve";
  d.reason = r.Text("reason", kMaxShort);
  TS_RETURN_IF_ERROR(r.Finish());
  return d;
}

}  // namespace tianshan::volunteering
