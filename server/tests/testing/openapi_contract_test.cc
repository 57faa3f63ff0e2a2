// The response checker itself, on a small document: which answers it accepts, which it
// refuses and what its messages say; and that valijson 1.0 handles the schema features the
// Tianshan document uses (type arrays, enum with null, oneOf, additionalProperties, nested $ref,
// format on nullable strings).

#include "testing/openapi_contract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tianshan::testing {
namespace {

using ::testing::HasSubstr;

const char* kDocument = R"({
  "openapi": "3.1.0",
  "components": {
    "schemas": {
      "Problem": {"type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}},
      "Leaf": {"type": "object", "required": ["n"], "additionalProperties": false,
               "properties": {"n": {"type": "integer", "minimum": 1}}},
      "Thing": {
        "type": "object",
        "required": ["id", "name", "note", "stage", "when", "child", "kind"],
        "additionalProperties": false,
        "properties": {
          "id": {"type": "integer"},
          "name": {"type": "string", "maxLength": 5},
          "note": {"type": ["string", "null"]},
          "stage": {"enum": ["open", "closed", null]},
          "when": {"type": ["string", "null"], "format": "date-time"},
          "child": {"oneOf": [{"$ref": "#/components/schemas/Leaf"}, {"type": "null"}]},
          "kind": {"const": "thing"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Leaf"}}
        }
      }
    },
    "responses": {
      "Problem": {"description": "e", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
    }
  },
  "paths": {
    "/api/v1/things/{id}": {
      "get": {"responses": {
        "200": {"description": "t", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
        "404": {"$ref": "#/components/responses/Problem"},
        "4XX": {"$ref": "#/components/responses/Problem"}
      }},
      "delete": {"responses": {"204": {"description": "gone"}, "default": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/things/search": {
      "get": {"responses": {"200": {"description": "s", "content": {"application/json": {"schema": {"type": "array"}}}}}}
    },
    "/api/v1/things/{id}/sheet": {
      "get": {"responses": {"200": {"description": "x", "content": {"application/vnd.ms-excel": {}}}}}
    },
    "/api/v1/loose": {"get": {"responses": {"200": {"description": "no schema"}}}},
    "/api/v1/untyped": {"get": {"responses": {"200": {"description": "u", "content": {"application/json": {}}}}}}
  }
})";

const char* kThing = R"({"id": 1, "name": "abc", "note": null, "stage": null, "when": null,
                         "child": {"n": 2}, "kind": "thing", "items": [{"n": 1}]})";

class OpenApiContractTest : public ::testing::Test {
 protected:
  std::optional<std::string> Get(const std::string& path, long status, const std::string& body,
                                 const std::string& type = "application/json") {
    return contract_.Check("GET", path, status, type, body);
  }
  std::string Thing(const std::string& key, const std::string& value) {
    auto j = nlohmann::json::parse(kThing);
    j[key] = nlohmann::json::parse(value);
    return j.dump();
  }
  OpenApiContract contract_{kDocument};
};

TEST_F(OpenApiContractTest, AcceptsAValidBodyWithNullsEnumsOneOfAndNestedRefs) {
  EXPECT_EQ(Get("/api/v1/things/7?x=1", 200, kThing), std::nullopt);
  EXPECT_EQ(Get("/api/v1/things/7", 200, Thing("note", R"("text")")), std::nullopt);
  EXPECT_EQ(Get("/api/v1/things/7", 200, Thing("stage", R"("open")")), std::nullopt);
  EXPECT_EQ(Get("/api/v1/things/7", 200, Thing("when", R"("2026-11-30T03:05:49Z")")), std::nullopt);
  EXPECT_EQ(Get("/api/v1/things/7", 200, Thing("child", "null")), std::nullopt);
  EXPECT_EQ(Get("/api/v1/things/7", 200, kThing, "application/json; charset=utf-8"), std::nullopt);
}

TEST_F(OpenApiContractTest, NamesTheOffendingValueAndTheRule) {
  auto f = Get("/api/v1/things/7", 200, Thing("note", "5"));
  ASSERT_TRUE(f.has_value());
  EXPECT_THAT(*f, HasSubstr("GET /api/v1/things/7 answered 200"));
  EXPECT_THAT(*f, HasSubstr("operation GET /api/v1/things/{id}"));
  EXPECT_THAT(*f, HasSubstr("at /note:"));
  EXPECT_THAT(*f, HasSubstr("type"));
}

TEST_F(OpenApiContractTest, RefusesWhatEachKeywordForbids) {
  EXPECT_TRUE(Get("/api/v1/things/7", 200, Thing("stage", R"("maybe")")).has_value()) << "closed enum";
  EXPECT_TRUE(Get("/api/v1/things/7", 200, Thing("name", R"("toolong")")).has_value()) << "maxLength";
  EXPECT_TRUE(Get("/api/v1/things/7", 200, Thing("when", R"("yesterday")")).has_value()) << "format";
  EXPECT_TRUE(Get("/api/v1/things/7", 200, Thing("child", R"({"n": 0})")).has_value()) << "minimum via $ref";
  EXPECT_TRUE(Get("/api/v1/things/7", 200, Thing("child", R"({"n": 1, "m": 2})")).has_value())
      << "additionalProperties in a oneOf branch";
  EXPECT_TRUE(Get("/api/v1/things/7", 200, Thing("kind", R"("other")")).has_value()) << "const";
  EXPECT_TRUE(Get("/api/v1/things/7", 200, Thing("extra", "1")).has_value()) << "additionalProperties";
  EXPECT_TRUE(Get("/api/v1/things/7", 200, Thing("items", R"([{"n": 1}, {}])")).has_value()) << "required in items";
  auto missing = nlohmann::json::parse(kThing);
  missing.erase("note");
  EXPECT_TRUE(Get("/api/v1/things/7", 200, missing.dump()).has_value()) << "required";
  auto f = Get("/api/v1/things/7", 200, Thing("items", R"([{"n": 1}, {"n": "x"}])"));
  ASSERT_TRUE(f.has_value());
  EXPECT_THAT(*f, HasSubstr("at /items/1/n:"));
}

TEST_F(OpenApiContractTest, StatusesMustBeDocumentedWithRangesAndDefaultAsFallbacks) {
  EXPECT_EQ(Get("/api/v1/things/7", 404, R"({"status": 404})", "application/problem+json"), std::nullopt);
  EXPECT_EQ(Get("/api/v1/things/7", 422, R"({"status": 422})", "application/problem+json"), std::nullopt) << "4XX";
  auto f = Get("/api/v1/things/7", 500, R"({"status": 500})", "application/problem+json");
  ASSERT_TRUE(f.has_value());
  EXPECT_THAT(*f, HasSubstr("status 500 is not documented"));
  EXPECT_EQ(contract_.Check("DELETE", "/api/v1/things/7", 409, "application/problem+json", R"({"status": 409})"),
            std::nullopt)
      << "default";
  EXPECT_EQ(contract_.Check("DELETE", "/api/v1/things/7", 204, "", ""), std::nullopt);
  EXPECT_TRUE(contract_.Check("DELETE", "/api/v1/things/7", 204, "application/json", "{}").has_value());
}

TEST_F(OpenApiContractTest, MediaTypesMustBeDocumented) {
  EXPECT_TRUE(Get("/api/v1/things/7", 404, R"({"status": 404})", "application/json").has_value());
  EXPECT_EQ(Get("/api/v1/things/7/sheet", 200, "PK\x03\x04", "application/vnd.ms-excel"), std::nullopt)
      << "binary bodies are checked for their type only";
  EXPECT_TRUE(Get("/api/v1/things/7/sheet", 200, "<html>", "text/html").has_value());
  EXPECT_TRUE(Get("/api/v1/things/7", 200, "", "application/json").has_value()) << "documented content, empty body";
  EXPECT_TRUE(Get("/api/v1/loose", 200, "{}").has_value()) << "a body the document does not describe";
  EXPECT_TRUE(Get("/api/v1/untyped", 200, "{}").has_value()) << "JSON without a schema checks nothing";
  EXPECT_TRUE(Get("/api/v1/things/7", 200, "{not json").has_value());
}

TEST_F(OpenApiContractTest, LiteralSegmentsWinAndUnknownPathsMayOnlyAnswerProblems) {
  EXPECT_EQ(contract_.OperationFor("GET", "/api/v1/things/search?q=a"), "GET /api/v1/things/search");
  EXPECT_EQ(contract_.OperationFor("HEAD", "/api/v1/things/3"), "GET /api/v1/things/{id}");
  EXPECT_EQ(contract_.OperationFor("GET", "/api/v1/nothing"), "");
  EXPECT_EQ(Get("/api/v1/things/search", 200, "[]"), std::nullopt);
  EXPECT_EQ(Get("/api/v1/nothing", 404, R"({"status": 404})", "application/problem+json"), std::nullopt);
  EXPECT_TRUE(Get("/api/v1/nothing", 404, R"({"status": "404"})", "application/problem+json").has_value());
  EXPECT_TRUE(Get("/api/v1/nothing", 200, "{}", "application/json").has_value());
  EXPECT_EQ(Get("/app/organizations", 200, "<html>", "text/html"), std::nullopt) << "the web app";
  EXPECT_EQ(contract_.Check("PUT", "/api/v1/things/7", 405, "application/problem+json", R"({"status": 405})"),
            std::nullopt);
  EXPECT_TRUE(contract_.Check("PUT", "/api/v1/things/7", 200, "application/json", "{}").has_value());
}

TEST_F(OpenApiContractTest, RecordsTheOperationsAndStatusesItChecked) {
  EXPECT_EQ(contract_.Operations().size(), 6u);
  ASSERT_EQ(Get("/api/v1/things/7", 200, kThing), std::nullopt);
  ASSERT_EQ(Get("/api/v1/things/8", 404, R"({"status": 404})", "application/problem+json"), std::nullopt);
  ASSERT_TRUE(Get("/api/v1/loose", 200, "{}").has_value());
  auto coverage = contract_.RecordedCoverage();
  EXPECT_EQ(coverage.size(), 1u) << "failed checks are not coverage";
  EXPECT_EQ(coverage["GET /api/v1/things/{id}"], (std::set<long>{200, 404}));
}

}  // namespace
}  // namespace tianshan::testing
