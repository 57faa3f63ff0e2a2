#pragma once
// The OpenAPI document as a contract that API tests enforce: every response an API test
// receives is checked against the operation the document describes for its method and path.
//
//   auto& contract = OpenApiContract::Served();
//   if (auto failure = contract.Check("GET", "/api/v1/organizations/7?x=1", 200,
//                                     "application/json", body)) ADD_FAILURE() << *failure;
//
// What Check() enforces, for a path that matches a documented path template (the template with
// the most literal segments wins, as in the router):
//   - the method has an operation (otherwise the answer must be the router's 405 problem);
//   - the status is documented (exact code, then "4XX"-style ranges, then `default`);
//   - a non-empty body has a documented media type, and a documented response content is not
//     answered with an empty body (204 and HEAD excepted);
//   - a JSON body (application/json, application/problem+json, *+json) has a schema and is
//     valid against it (valijson, JSON Schema draft 7 semantics plus 3.1's `type` arrays;
//     `$ref`s resolve inside the document). Other media types (xlsx, pdf, svg, html) are
//     checked for their type only.
// A path that matches no template may only answer a problem (validated against
// #/components/schemas/Problem) or something that is not JSON (the web app's static files).
//
// Every check that reached an operation is recorded for the coverage report (which operations
// the suite exercised, and with which statuses); see RecordedCoverage() and testing/openapi_coverage.h.
//
// Thread safety: all methods may be called from any thread (one mutex).
// Failure behaviour: a document that cannot be parsed aborts the process (it is a build error).

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace valijson {
class Schema;
}

namespace tianshan::testing {

class OpenApiContract {
 public:
  // The document the server serves at /api/v1/openapi.json (app/openapi_document.h).
  static OpenApiContract& Served();

  explicit OpenApiContract(const std::string& document_text);
  ~OpenApiContract();
  OpenApiContract(const OpenApiContract&) = delete;
  OpenApiContract& operator=(const OpenApiContract&) = delete;

  // Nullopt when the response agrees with the document; otherwise a message naming the method,
  // path, status and, for schema failures, the JSON pointer of each offending value and the rule
  // it breaks. `content_type` is the response header as sent (parameters are ignored).
  std::optional<std::string> Check(std::string_view method, std::string_view path_and_query, long status,
                                   std::string_view content_type, std::string_view body);

  // "GET /api/v1/organizations/{id}" for every operation of the document, sorted.
  std::vector<std::string> Operations() const;
  // The operation a request would be checked against ("" when the path matches no template).
  std::string OperationFor(std::string_view method, std::string_view path_and_query) const;

  // Operation → statuses whose responses were checked (and agreed) in this process.
  std::map<std::string, std::set<long>> RecordedCoverage() const;

 private:
  struct Template {
    std::string path;
    std::vector<std::string> segments;
    int literals = 0;
  };
  const Template* MatchTemplate(std::string_view path) const;
  std::optional<std::string> CheckLocked(const std::string& method, const std::string& path, long status,
                                         const std::string& media, std::string_view body, std::string* operation);
  // Validates `value` against the schema at `pointer` ("#/components/..."); the failure lists
  // each offending value's JSON pointer and the rule.
  std::optional<std::string> ValidateLocked(const std::string& pointer, const nlohmann::json& value);

  mutable std::mutex mu_;
  nlohmann::json document_;
  nlohmann::json schema_root_;  // the document with `format` applied to strings only
  std::vector<Template> templates_;
  std::map<std::string, std::unique_ptr<valijson::Schema>> schemas_;  // by pointer
  std::map<std::string, std::set<long>> coverage_;
};

}  // namespace tianshan::testing
