#include "app/openapi_document.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string_view>

#include "storage/embedded_files.h"

namespace tianshan {
namespace {

void MergeObject(rapidjson::Value& into, rapidjson::Value& from, rapidjson::Document::AllocatorType& alloc) {
  for (auto it = from.MemberBegin(); it != from.MemberEnd(); ++it) {
    auto existing = into.FindMember(it->name);
    if (existing != into.MemberEnd() && existing->value.IsObject() && it->value.IsObject()) {
      MergeObject(existing->value, it->value, alloc);
    } else if (existing == into.MemberEnd()) {
      into.AddMember(rapidjson::Value(it->name, alloc), rapidjson::Value(it->value, alloc), alloc);
    }
  }
}

// The request pipeline (http/http_app.cc) answers a JSON body over the size limit with 413 and
// a body that is not application/json with 415 on every route, before any handler runs; the
// document says so on every operation that takes a JSON body instead of each fragment repeating it.
// It also answers 429 to any state-changing request over a rate limit (http/abuse_limits.h).
// And every operation not marked "x-answers-from-memory" can answer 503 (the worker queue full,
// the database unreachable, the disk full; http_types.cc logs each cause).
void AddResponse(rapidjson::Value& responses, const char* status, rapidjson::Document::AllocatorType& alloc,
                 const char* component = "#/components/responses/Problem") {
  if (responses.HasMember(status)) return;
  rapidjson::Value ref(rapidjson::kObjectType);
  ref.AddMember("$ref", rapidjson::StringRef(component), alloc);
  responses.AddMember(rapidjson::Value(status, alloc), ref, alloc);
}

void AddPipelineResponses(rapidjson::Document& doc) {
  auto& alloc = doc.GetAllocator();
  auto paths = doc.FindMember("paths");
  if (paths == doc.MemberEnd() || !paths->value.IsObject()) return;
  for (auto item = paths->value.MemberBegin(); item != paths->value.MemberEnd(); ++item) {
    if (!item->value.IsObject()) continue;
    for (auto op = item->value.MemberBegin(); op != item->value.MemberEnd(); ++op) {
      if (!op->value.IsObject()) continue;
      auto body = op->value.FindMember("requestBody");
      auto responses = op->value.FindMember("responses");
      if (responses == op->value.MemberEnd() || !responses->value.IsObject()) continue;
      const std::string_view method = op->name.GetString();
      auto from_memory = op->value.FindMember("x-answers-from-memory");
      if (from_memory == op->value.MemberEnd() || !from_memory->value.IsTrue()) {
        AddResponse(responses->value, "503", alloc, "#/components/responses/Unavailable");
      }
      if (method == "post" || method == "put" || method == "patch" || method == "delete") {
        AddResponse(responses->value, "429", alloc);
      }
      if (body == op->value.MemberEnd() || !body->value.IsObject()) continue;
      auto content = body->value.FindMember("content");
      if (content == body->value.MemberEnd() || !content->value.HasMember("application/json")) continue;
      for (const char* status : {"413", "415"}) AddResponse(responses->value, status, alloc);
    }
  }
}

std::string Build() {
  rapidjson::Document doc;
  doc.Parse(FindEmbeddedFile("app/openapi.json").data(), FindEmbeddedFile("app/openapi.json").size());
  if (doc.HasParseError() || !doc.IsObject()) return R"({"openapi":"3.1.0","paths":{}})";
  for (const auto& f : EmbeddedFiles()) {
    if (f.path == "app/openapi.json") continue;
    if (f.path.size() < 13 || f.path.substr(f.path.size() - 13) != "/openapi.json") continue;
    rapidjson::Document fragment;
    fragment.Parse(f.content.data(), f.content.size());
    if (fragment.HasParseError() || !fragment.IsObject()) continue;
    MergeObject(doc, fragment, doc.GetAllocator());
  }
  AddPipelineResponses(doc);
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  doc.Accept(w);
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace

const std::string& OpenApiDocument() {
  static const std::string doc = Build();
  return doc;
}

}  // namespace tianshan
