#pragma once
// The OpenAPI 3.1 document served at /api/v1/openapi.json: app/openapi.json (info, shared
// components) merged with the openapi.json fragment of every module folder, so each module
// describes its own routes beside its code. A test checks it against the router.

#include <string>

namespace tianshan {

// Built once from the embedded files; thread-safe.
const std::string& OpenApiDocument();

}  // namespace tianshan
