// ParseJsonObject's limits, each found by the JSON body fuzz target (fuzz/json_body_fuzz.cc).
#include "core/json.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

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

// RapidJSON 1.1.0 (Debian 12) converts some number texts by reading outside its tables of
// powers of ten: a fraction with hundreds of leading zeros in full-precision mode (found by the
// long run of fuzz/json_body_fuzz.cc: a SEGV, which took the whole server down), exponents past
// ±348 (upstream issue 1251), an exponent past 2^31 in either mode (osquery's report). Numbers
// are now converted by std::from_chars: each of these reads as the nearest double, or is refused
// (the fuzzer's own input, 9.55e-361, is below the smallest double: NumbersBeyondADoubleAreRefused).
TEST(JsonBodyTest, NumbersThatCrashedRapidJsonReadAsTheNearestDouble) {
  const std::string leading_zeros = "0." + std::string(300, '0') + "9551615";
  const std::string texts[] = {leading_zeros,
                               "128.74836467836484838364836483643636483648e-300",
                               "0.184467440737095516159",
                               "0." + std::string(30, '0'),
                               "0e100",
                               "8847432036854773723683723677529854735473725368547554755293372036854685477529752529",
                               "2.220446049250313e-16",
                               "-0.0",
                               "45.5791234"};
  for (const auto& text : texts) {
    auto doc = ParseJsonObject("{\"n\":" + text + "}");
    ASSERT_TRUE(doc.ok()) << text;
    ASSERT_TRUE((*doc)["n"].IsDouble()) << text;
    EXPECT_EQ((*doc)["n"].GetDouble(), std::strtod(text.c_str(), nullptr)) << text;
  }
}

TEST(JsonBodyTest, NumbersBeyondADoubleAreRefused) {
  // Too big: RapidJSON refuses these while it reads the text.
  for (const std::string& text : std::vector<std::string>{"1e400", "-1e400", "1" + std::string(400, '0')}) {
    EXPECT_EQ(BodyError(ParseJsonObject("{\"n\":" + text + "}")), "json.malformed") << text;
  }
  // Too small to tell from zero: refused rather than read as 0.
  for (const std::string& text :
       std::vector<std::string>{"1e-400", "0.0000074836628E-2147483636", "0." + std::string(360, '0') + "9551615"}) {
    EXPECT_EQ(BodyError(ParseJsonObject("{\"n\":" + text + "}")), "json.number_out_of_range") << text;
  }
}

TEST(JsonBodyTest, IntegersKeepTheirTypes) {
  auto doc = ParseJsonObject(
      R"({"a":0,"b":-0,"c":4294967295,"d":4294967296,"e":-2147483648,"f":-2147483649,"g":18446744073709551615,"h":18446744073709551616,"i":[1,-2]})");
  ASSERT_TRUE(doc.ok());
  const auto& d = *doc;
  EXPECT_TRUE(d["a"].IsInt());
  EXPECT_EQ(d["a"].GetInt(), 0);
  EXPECT_TRUE(d["b"].IsInt());
  EXPECT_EQ(d["b"].GetInt(), 0);
  EXPECT_TRUE(d["c"].IsUint());
  EXPECT_FALSE(d["c"].IsInt());
  EXPECT_EQ(d["c"].GetUint(), 4294967295u);
  EXPECT_TRUE(d["d"].IsInt64());
  EXPECT_EQ(d["d"].GetInt64(), 4294967296);
  EXPECT_TRUE(d["e"].IsInt());
  EXPECT_EQ(d["e"].GetInt(), -2147483647 - 1);
  EXPECT_TRUE(d["f"].IsInt64());
  EXPECT_FALSE(d["f"].IsInt());
  EXPECT_EQ(d["f"].GetInt64(), -2147483649);
  EXPECT_TRUE(d["g"].IsUint64());
  EXPECT_EQ(d["g"].GetUint64(), 18446744073709551615u);
  EXPECT_TRUE(d["h"].IsDouble());
  EXPECT_EQ(d["h"].GetDouble(), 18446744073709551616.0);
  EXPECT_EQ(d["i"][1].GetInt(), -2);
}

TEST(JsonBodyTest, MalformedNumbersAreStillMalformed) {
  for (const std::string text : {"01", "1.", ".5", "+1", "1e", "-", "0x10", "NaN", "Infinity"}) {
    EXPECT_EQ(BodyError(ParseJsonObject("{\"n\":" + text + "}")), "json.malformed") << text;
  }
}

}  // namespace
}  // namespace tianshan
