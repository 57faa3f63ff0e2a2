// libFuzzer target for JSON request bodies: core/json.h ParseJsonObject and ObjectReader, as
// http/edge.h JsonBody and NoBody use them. Contract: the body is accepted only as valid UTF-8,
// an object, nested at most kMaxJsonDepth deep; a refusal is kBadRequest with one field error
// on "body"; an accepted body written back out parses to an equal document; every getter of
// ObjectReader answers on any member without throwing, and Finish() refuses repeated keys.
#include <rapidjson/writer.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/json.h"
#include "fuzz/fuzz_check.h"
#include "http/edge.h"

using namespace tianshan;

namespace {
constexpr const char* kTarget = "json_body_fuzz";

std::string Write(const rapidjson::Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string body(reinterpret_cast<const char*>(data), size);
  http::HttpRequest req;
  req.body = body;
  (void)http::NoBody(req);
  auto doc = http::JsonBody(req, size % 2 == 0);
  if (!doc.ok()) {
    FUZZ_CHECK(kTarget, doc.status().code() == StatusCode::kBadRequest, doc.status().message());
    FUZZ_CHECK(kTarget, doc.status().field_errors().size() == 1 && doc.status().field_errors()[0].field == "body",
               body);
    return 0;
  }
  FUZZ_CHECK(kTarget, doc->IsObject(), body);
  FUZZ_CHECK(kTarget, IsValidUtf8(body) || body.find_first_not_of(" \t\r\n") == std::string::npos, body);

  // Written back out and parsed again: the same document, written the same (member order and
  // repeated keys kept; RapidJSON's == would compare a repeated key's first value only).
  std::string text = Write(*doc);
  auto again = ParseJsonObject(text);
  FUZZ_CHECK(kTarget, again.ok(), text);
  FUZZ_CHECK(kTarget, Write(*again) == text, text);

  // Every getter on every member (the member's own name), then Finish.
  ObjectReader in(*doc);
  std::set<std::string> names;
  bool repeated = false;
  for (const auto& member : doc->GetObject()) {
    std::string name(member.name.GetString(), member.name.GetStringLength());
    if (!names.insert(name).second) repeated = true;
    const char* n = name.c_str();
    switch (names.size() % 9) {
      case 0:
        (void)in.String(n, true, 20, 1);
        break;
      case 1: {
        auto v = in.Int(n, false, 1, 1000);
        FUZZ_CHECK(kTarget, !v || (*v >= 1 && *v <= 1000), name);
        break;
      }
      case 2:
        (void)in.Bool(n, true);
        break;
      case 3:
        (void)in.OneOf(n, false, {"a", "b"});
        break;
      case 4:
        (void)in.NullableText(n, 5);
        break;
      case 5:
        (void)in.NullableId(n);
        break;
      case 6:
        (void)in.Date(n, false);
        break;
      case 7: {
        auto ids = in.IdArray(n, false, 4);
        if (ids) {
          FUZZ_CHECK(kTarget, ids->size() <= 4, name);
          for (int64_t id : *ids) FUZZ_CHECK(kTarget, id >= 1, name);
        }
        break;
      }
      default: {
        auto t = in.Text(n, 8);
        FUZZ_CHECK(kTarget, !t || (!t->empty() && Utf8Length(*t) <= 8 && IsValidUtf8(*t)), name);
      }
    }
  }
  Status finished = in.Finish();
  if (repeated) FUZZ_CHECK(kTarget, !finished.ok(), body);
  if (!finished.ok()) FUZZ_CHECK(kTarget, finished.code() == StatusCode::kInvalid, body);
  return 0;
}
