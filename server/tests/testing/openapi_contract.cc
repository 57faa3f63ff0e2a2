#include "testing/openapi_contract.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "app/openapi_document.h"
#include "http/route_index.h"

namespace tianshan::testing {
namespace {

constexpr const char* kMethods[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

// Keywords of the schemas in the document that the checker understands. Anything else would be
// silently ignored by the validator, so the document may not use it.
const std::set<std::string>& KnownSchemaKeywords() {
  // clang-format off
  static const std::set<std::string> k = {
      "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "items", "allOf",
      "anyOf", "oneOf", "not", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
      "minLength", "maxLength", "pattern", "format", "minItems", "maxItems", "uniqueItems",
      "title", "description", "default", "examples", "example", "deprecated", "readOnly", "writeOnly"};
  // clang-format on
  return k;
}

std::vector<std::string> SplitPath(std::string_view path) {
  auto parts = http::SplitPath(path);  // the router's own splitting
  return {parts.begin(), parts.end()};
}

bool IsParam(const std::string& s) { return http::IsParamSegment(s); }

// A JSON pointer token inside a URI fragment: "~" → "~0", "/" → "~1", "%" → "%25".
std::string Token(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else if (c == '%') {
      out += "%25";
    } else {
      out += c;
    }
  }
  return out;
}

bool IsJsonMedia(const std::string& media) {
  return media == "application/json" || media == "application/problem+json" ||
         (media.size() > 5 && media.compare(media.size() - 5, 5, "+json") == 0);
}

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

// valijson reports "<root>", "[items]", "[0]", … ; a JSON pointer reads better.
std::string PointerOf(const std::vector<std::string>& context) {
  std::string out;
  for (const auto& c : context) {
    if (c == "<root>") continue;
    std::string token = c.size() >= 2 && c.front() == '[' && c.back() == ']' ? c.substr(1, c.size() - 2) : c;
    out += "/";
    for (char ch : token) out += ch == '~' ? std::string("~0") : ch == '/' ? std::string("~1") : std::string(1, ch);
  }
  return out.empty() ? "(the body)" : out;
}

// JSON Schema applies `format` to strings only; valijson 1.0 applies it to every value (a null
// date-time fails, a formatted integer throws). Rewrites {"format": F} as
// {"allOf": [{"anyOf": [{"not": {"type": "string"}}, {"format": F}]}]} throughout.
void ApplyFormatToStringsOnly(nlohmann::json& node) {
  if (node.is_array()) {
    for (auto& v : node) ApplyFormatToStringsOnly(v);
    return;
  }
  if (!node.is_object()) return;
  for (auto& [key, value] : node.items()) ApplyFormatToStringsOnly(value);
  auto it = node.find("format");
  if (it == node.end() || !it->is_string()) return;
  nlohmann::json format = {{"format", *it}};
  node.erase("format");
  nlohmann::json guard = {{"anyOf", {{{"not", {{"type", "string"}}}}, format}}};
  if (!node.contains("allOf")) node["allOf"] = nlohmann::json::array();
  node["allOf"].push_back(guard);
}

// Aborts on keywords the checker would ignore (see KnownSchemaKeywords).
void RequireKnownKeywords(const nlohmann::json& schema, const std::string& where) {
  if (schema.is_boolean()) return;
  if (!schema.is_object()) {
    std::fprintf(stderr, "OpenAPI contract: %s is not a schema\n", where.c_str());
    std::abort();
  }
  for (const auto& [key, value] : schema.items()) {
    if (!KnownSchemaKeywords().count(key)) {
      std::fprintf(stderr, "OpenAPI contract: %s uses '%s', which the response checks do not understand\n",
                   where.c_str(), key.c_str());
      std::abort();
    }
  }
  if (auto p = schema.find("properties"); p != schema.end()) {
    for (const auto& [name, sub] : p->items()) RequireKnownKeywords(sub, where + "/properties/" + name);
  }
  for (const char* k : {"items", "additionalProperties", "not"}) {
    if (auto s = schema.find(k); s != schema.end() && !s->is_boolean()) RequireKnownKeywords(*s, where + "/" + k);
  }
  for (const char* k : {"allOf", "anyOf", "oneOf"}) {
    if (auto s = schema.find(k); s != schema.end()) {
      for (size_t i = 0; i < s->size(); ++i) RequireKnownKeywords((*s)[i], where + "/" + k + "/" + std::to_string(i));
    }
  }
}

}  // namespace

OpenApiContract& OpenApiContract::Served() {
  static OpenApiContract* contract = new OpenApiContract(OpenApiDocument());
  return *contract;
}

OpenApiContract::OpenApiContract(const std::string& document_text) {
  document_ = nlohmann::json::parse(document_text, nullptr, false);
  if (!document_.is_object() || !document_.contains("paths")) {
    std::fprintf(stderr, "OpenAPI contract: the document is not an OpenAPI object\n");
    std::abort();
  }
  for (const auto& [path, item] : document_["paths"].items()) {
    Template t{path, SplitPath(path), 0};
    for (const auto& s : t.segments) t.literals += IsParam(s) ? 0 : 1;
    templates_.push_back(std::move(t));
    for (const auto& [method, op] : item.items()) {
      if (!op.is_object() || !op.contains("responses")) continue;
      for (const auto& [status, response] : op["responses"].items()) {
        if (!response.contains("content")) continue;
        for (const auto& [media, content] : response["content"].items()) {
          if (content.contains("schema")) RequireKnownKeywords(content["schema"], method + " " + path + " " + status);
        }
      }
    }
  }
  if (document_.contains("components") && document_["components"].contains("schemas")) {
    for (const auto& [name, schema] : document_["components"]["schemas"].items()) {
      RequireKnownKeywords(schema, "#/components/schemas/" + name);
    }
  }
  schema_root_ = document_;
  ApplyFormatToStringsOnly(schema_root_);
}

OpenApiContract::~OpenApiContract() = default;

const OpenApiContract::Template* OpenApiContract::MatchTemplate(std::string_view path) const {
  auto parts = SplitPath(path);
  const Template* best = nullptr;
  for (const auto& t : templates_) {
    if (t.segments.size() != parts.size()) continue;
    bool ok = true;
    for (size_t i = 0; i < parts.size() && ok; ++i) ok = IsParam(t.segments[i]) || t.segments[i] == parts[i];
    if (ok && (best == nullptr || t.literals > best->literals)) best = &t;
  }
  return best;
}

std::vector<std::string> OpenApiContract::Operations() const {
  std::vector<std::string> out;
  for (const auto& [path, item] : document_["paths"].items()) {
    for (const char* m : kMethods) {
      if (item.contains(m)) out.push_back(Upper(m) + " " + path);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string OpenApiContract::OperationFor(std::string_view method, std::string_view path_and_query) const {
  std::string_view path = path_and_query.substr(0, path_and_query.find('?'));
  const Template* t = MatchTemplate(path);
  if (t == nullptr) return "";
  std::string m(method);
  std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return std::tolower(c); });
  if (m == "head") m = "get";
  if (!document_["paths"][t->path].contains(m)) return "";
  return Upper(m) + " " + t->path;
}

std::map<std::string, std::set<long>> OpenApiContract::RecordedCoverage() const {
  std::lock_guard lock(mu_);
  return coverage_;
}

std::optional<std::string> OpenApiContract::Check(std::string_view method, std::string_view path_and_query, long status,
                                                  std::string_view content_type, std::string_view body) {
  std::string path(path_and_query.substr(0, path_and_query.find('?')));
  std::string media(content_type.substr(0, content_type.find(';')));
  while (!media.empty() && media.back() == ' ') media.pop_back();
  std::transform(media.begin(), media.end(), media.begin(), [](unsigned char c) { return std::tolower(c); });
  std::lock_guard lock(mu_);
  std::string operation;
  auto failure = CheckLocked(std::string(method), path, status, media, body, &operation);
  if (failure) {
    return "OpenAPI contract: " + std::string(method) + " " + std::string(path_and_query) + " answered " +
           std::to_string(status) + (operation.empty() ? "" : " (operation " + operation + ")") + ": " + *failure;
  }
  if (!operation.empty()) coverage_[operation].insert(status);
  return std::nullopt;
}

std::optional<std::string> OpenApiContract::CheckLocked(const std::string& method, const std::string& path, long status,
                                                        const std::string& media, std::string_view body,
                                                        std::string* operation) {
  const std::string problem_schema = "#/components/schemas/Problem";
  auto check_problem = [&]() -> std::optional<std::string> {
    if (!IsJsonMedia(media)) return std::nullopt;  // the web app's static files
    if (media != "application/problem+json") return "expected application/problem+json, got " + media;
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded()) return std::string("the body is not JSON");
    return ValidateLocked(problem_schema, json);
  };
  const Template* t = MatchTemplate(path);
  if (t == nullptr) return check_problem();  // the router's 404
  std::string m = method;
  std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool head = m == "head";
  if (head) m = "get";
  const nlohmann::json& item = document_["paths"][t->path];
  if (!item.contains(m)) {
    if (status != 405) return "the document has no " + Upper(m) + " operation for " + t->path + ", so only 405 fits";
    return check_problem();
  }
  *operation = Upper(m) + " " + t->path;
  std::string base = "#/paths/" + Token(t->path) + "/" + m + "/responses/";
  const nlohmann::json& responses = item[m]["responses"];
  std::string code = std::to_string(status);
  std::string range = code.substr(0, 1) + "XX";
  std::string key = responses.contains(code) ? code : responses.contains(range) ? range : "default";
  if (!responses.contains(key)) return "status " + code + " is not documented for this operation";
  const nlohmann::json* response = &responses[key];
  std::string pointer = base + Token(key);
  for (int hops = 0; response->contains("$ref") && hops < 8; ++hops) {
    std::string ref = (*response)["$ref"];
    pointer = ref;
    response = &document_.at(nlohmann::json::json_pointer(ref.substr(1)));
  }
  const bool has_content = response->contains("content") && !(*response)["content"].empty();
  if (body.empty()) {
    if (has_content && status != 204 && !head) return "an empty body, but the document describes content";
    return std::nullopt;
  }
  if (!has_content) return "a body (" + media + ") for a response the document describes without content";
  const nlohmann::json& content = (*response)["content"];
  if (!content.contains(media)) {
    std::string documented;
    for (const auto& [k, v] : content.items()) documented += (documented.empty() ? "" : ", ") + k;
    return "content type '" + media + "' is not documented (documented: " + documented + ")";
  }
  if (!IsJsonMedia(media)) return std::nullopt;  // binary and text answers: the type is the contract
  if (!content[media].contains("schema")) return "a JSON body, but the document gives no schema for " + media;
  auto json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded()) return std::string("the body is not JSON");
  return ValidateLocked(pointer + "/content/" + Token(media) + "/schema", json);
}

std::optional<std::string> OpenApiContract::ValidateLocked(const std::string& pointer, const nlohmann::json& value) {
  auto it = schemas_.find(pointer);
  if (it == schemas_.end()) {
    auto schema = std::make_unique<valijson::Schema>();
    schema_root_["$ref"] = pointer;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter root(schema_root_);
    try {
      parser.populateSchema(root, *schema);
    } catch (const std::exception& e) {
      schema_root_.erase("$ref");
      return "the schema at " + pointer + " cannot be used: " + e.what();
    }
    schema_root_.erase("$ref");
    it = schemas_.emplace(pointer, std::move(schema)).first;
  }
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(value);
  if (validator.validate(*it->second, target, &results)) return std::nullopt;
  std::ostringstream out;
  out << "the body does not match " << pointer << ":";
  valijson::ValidationResults::Error error;
  int shown = 0;
  while (results.popError(error)) {
    if (++shown > 8) {
      out << "\n    …";
      break;
    }
    std::string at = PointerOf(error.context);
    out << "\n    at " << at << ": " << error.description;
    try {
      nlohmann::json::json_pointer ptr(at[0] == '/' ? at : "");
      if (value.contains(ptr)) {
        std::string v = value.at(ptr).dump();
        out << " (value " << (v.size() > 80 ? v.substr(0, 80) + "…" : v) << ")";
      }
    } catch (const std::exception&) {
    }
  }
  std::string body = value.dump();
  if (body.size() > 600) body = body.substr(0, 600) + "…";
  out << "\n    body: " << body;
  return out.str();
}

}  // namespace tianshan::testing
