#pragma once
// The OpenAPI 3.1 document served at /api/v1/openapi.json: app/openapi.json (info, shared
// components) merged with the openapi.json fragment of every module folder, so each module
// describes its own routes beside its code. A test checks it against the router, and every API
// test checks each answer it receives against it (server/tests/testing/openapi_contract.h).
// Answers of the request pipeline that every JSON-body route shares (413, 415) are added to each
// such operation here rather than written in every fragment.

#include <string>

namespace tianshan {

// Built once from the embedded files; thread-safe.
const std::string& OpenApiDocument();

}  // namespace tianshan
