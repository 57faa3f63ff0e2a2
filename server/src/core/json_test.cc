// ParseJsonObject's limits, each found by the JSON body fuzz target (fuzz/json_body_fuzz.cc).
#include "core/json.h"

#include <gtest/gtest.h>

#include <string>

namespace tianshan {
namespace {

constexpr int kMaxJsonDepth = 64;  // core/json.cc

std::string BodyError(const Result<rapidjson::Document>& r) {
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), StatusCode::kBadRequest);
  EXPECT_EQ(r.status().field_errors().size(), 1u);
  EXPECT_EQ(r.status().field_errors()[0].field, "body");
  return r.status().field_errors()[0].message;
}

std::string Nested(int depth) { return "{\"a\":" + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}"; }

TEST(JsonBodyTest, AMillionOpeningBracketsAreRefusedBeforeParsing) {
  // RapidJSON parses recursively: this used to overflow the stack of the request's thread.
  EXPECT_EQ(BodyError(ParseJsonObject("{\"a\":" + std::string(1 << 20, '['))), "json.too_deep");
  EXPECT_EQ(BodyError(ParseJsonObject(std::string(1 << 20, '{'))), "json.too_deep");
}

TEST(JsonBodyTest, NestingUpToTheLimitIsAccepted) {
  EXPECT_TRUE(ParseJsonObject(Nested(kMaxJsonDepth)).ok());
  EXPECT_EQ(BodyError(ParseJsonObject(Nested(kMaxJsonDepth + 1))), "json.too_deep");
  auto deep = ParseJsonObject(Nested(kMaxJsonDepth + 1));
  EXPECT_EQ(deep.status().field_errors()[0].param, std::to_string(kMaxJsonDepth));
}

TEST(JsonBodyTest, BracketsInsideStringsDoNotCount) {
  std::string text = "{\"note\":\"" + std::string(500, '[') + "\\\"{{{\"}";
  auto doc = ParseJsonObject(text);
  ASSERT_TRUE(doc.ok()) << doc.status().detail();
  EXPECT_EQ((*doc)["note"].GetStringLength(), 504u);
}

TEST(JsonBodyTest, ALoneSurrogateEscapeIsNotUtf8) {
  // RapidJSON decodes "\udfff" alone into the bytes ED BF BF, which are not UTF-8 (PostgreSQL
  // refuses them); a key is checked as much as a value, and a proper pair is fine.
  EXPECT_EQ(BodyError(ParseJsonObject(R"({"name":"a\udfffb"})")), "json.invalid_utf8");
  EXPECT_EQ(BodyError(ParseJsonObject(R"({"\udc00":1})")), "json.invalid_utf8");
  EXPECT_EQ(BodyError(ParseJsonObject(R"({"a":[{"b":["\udc00"]}]})")), "json.invalid_utf8");
  auto pair = ParseJsonObject(R"({"name":"\ud83d\ude00"})");
  ASSERT_TRUE(pair.ok());
  EXPECT_STREQ((*pair)["name"].GetString(), "\xF0\x9F\x98\x80");
}

TEST(JsonBodyTest, ADecimalWrittenBackReadsTheSame) {
  auto doc = ParseJsonObject(R"({"x":-99223372073709720000.0})");
  ASSERT_TRUE(doc.ok());
  JsonOut out;
  (*doc)["x"].Accept(out.w());
  auto again = ParseJsonObject("{\"x\":" + out.Take() + "}");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)["x"].GetDouble(), (*doc)["x"].GetDouble());
}

}  // namespace
}  // namespace tianshan
