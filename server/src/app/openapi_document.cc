#include "app/openapi_document.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

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
