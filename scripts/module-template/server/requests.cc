#include "modules/__MODULE__/requests.h"

namespace tianshan::__MODULE__ {

Result<Create__Entity__Input> ParseCreate__Entity__(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  Create__Entity__Input in;
  in.name = r.String("name", true, kMaxName).value_or("");
  in.note = r.Text("note", kMaxNote);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

}  // namespace tianshan::__MODULE__
