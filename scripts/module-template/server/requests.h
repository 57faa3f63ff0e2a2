#pragma once
// What the __MODULE__ routes read from a request (http/edge.h: every field error at once).

#include "http/edge.h"
#include "modules/__MODULE__/use_cases.h"

namespace tianshan::__MODULE__ {

Result<Create__Entity__Input> ParseCreate__Entity__(const http::HttpRequest& req);

}  // namespace tianshan::__MODULE__
