#include "core/json.h"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>

#include "core/calendar.h"

namespace tianshan {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    unsigned char c = p[i];
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else
      return false;
    if (i + n >= s.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size() || (p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

size_t Utf8Length(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {

// Arrays and objects nested deeper than this are refused before parsing (400 "json.too_deep").
constexpr int kMaxJsonDepth = 64;

// The deepest nesting of arrays and objects in `body` (strings skipped), or kMaxJsonDepth + 1
// as soon as it goes deeper: checked before RapidJSON's recursive parser sees the text, so that
// a body of a million "[" is a 400 and not a stack overflow.
int JsonDepth(std::string_view body) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (depth > kMaxJsonDepth) return depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// True when every key and string of `v` is valid UTF-8: RapidJSON decodes a lone low surrogate
// escape ("\udc00") into bytes that are not UTF-8, which PostgreSQL would refuse to store.
bool StringsAreUtf8(const rapidjson::Value& v) {
  if (v.IsString()) return IsValidUtf8(std::string_view(v.GetString(), v.GetStringLength()));
  if (v.IsArray()) {
    for (const auto& item : v.GetArray()) {
      if (!StringsAreUtf8(item)) return false;
    }
  }
  if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      if (!StringsAreUtf8(m.name) || !StringsAreUtf8(m.value)) return false;
    }
  }
  return true;
}

// The SAX handler ParseJsonObject reads with: every event goes to the document, except that
// numbers arrive as their text (kParseNumbersAsStringsFlag) and are converted here, by
// std::from_chars (correctly rounded). RapidJSON 1.1.0's own conversion reads outside its tables
// of powers of ten on some texts a client can send (a fraction with hundreds of leading zeros, an
// exponent past ±348 or past 2^31), which crashed the server (fuzz/json_body_fuzz.cc). Integers
// keep the types RapidJSON gives them (Int, Uint, Int64, Uint64, else a double); a number a
// double cannot hold sets out_of_range and stops the parse.
class NumberReadingHandler {
 public:
  explicit NumberReadingHandler(rapidjson::Document& doc) : doc_(doc) {}
  bool out_of_range() const { return out_of_range_; }

  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(int64_t i) { return doc_.Int64(i); }
  bool Uint64(uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return doc_.String(s, n, copy); }
  bool StartObject() { return doc_.StartObject(); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return doc_.Key(s, n, copy); }
  bool EndObject(rapidjson::SizeType members) { return doc_.EndObject(members); }
  bool StartArray() { return doc_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) { return doc_.EndArray(elements); }

  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    const char* end = s + n;
    if (std::string_view(s, n).find_first_of(".eE") == std::string_view::npos) {
      if (*s == '-') {
        int64_t v = 0;
        auto r = std::from_chars(s, end, v);
        if (r.ec == std::errc() && r.ptr == end) {
          return v >= std::numeric_limits<int32_t>::min() ? doc_.Int(static_cast<int>(v)) : doc_.Int64(v);
        }
      } else {
        uint64_t v = 0;
        auto r = std::from_chars(s, end, v);
        if (r.ec == std::errc() && r.ptr == end) {
          return v <= std::numeric_limits<uint32_t>::max() ? doc_.Uint(static_cast<unsigned>(v)) : doc_.Uint64(v);
        }
      }
    }
    double d = 0;
    auto r = std::from_chars(s, end, d);
    if (r.ec != std::errc() || r.ptr != end) {
      out_of_range_ = true;
      return false;
    }
    return doc_.Double(d);
  }

 private:
  rapidjson::Document& doc_;
  bool out_of_range_ = false;
};
}  // namespace

Result<rapidjson::Document> ParseJsonObject(std::string_view body) {
  if (!IsValidUtf8(body)) {
    return Status(StatusCode::kBadRequest, "error.bad_request").WithField("body", "json.invalid_utf8");
  }
  if (JsonDepth(body) > kMaxJsonDepth) {
    return Status(StatusCode::kBadRequest, "error.bad_request")
        .WithField("body", "json.too_deep", std::to_string(kMaxJsonDepth));
  }
  // A decimal reads as the nearest double (NumberReadingHandler), so what is written back reads
  // the same.
  rapidjson::Document doc;
  rapidjson::ParseResult parsed;
  bool out_of_range = false;
  auto read = [&](rapidjson::Document& target) {
    NumberReadingHandler handler(target);
    rapidjson::Reader reader;
    rapidjson::MemoryStream memory(body.data(), body.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> input(memory);
    parsed =
        reader.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag>(input, handler);
    out_of_range = handler.out_of_range();
    return !parsed.IsError();
  };
  doc.Populate(read);
  if (out_of_range) {
    return Status(StatusCode::kBadRequest, "error.bad_request").WithField("body", "json.number_out_of_range");
  }
  if (parsed.IsError()) {
    std::string what =
        std::string(rapidjson::GetParseError_En(parsed.Code())) + " (offset " + std::to_string(parsed.Offset()) + ")";
    return Status(StatusCode::kBadRequest, "error.bad_request").WithField("body", "json.malformed", what);
  }
  if (!doc.IsObject()) {
    return Status(StatusCode::kBadRequest, "error.bad_request").WithField("body", "json.not_object");
  }
  if (!StringsAreUtf8(doc)) {
    return Status(StatusCode::kBadRequest, "error.bad_request").WithField("body", "json.invalid_utf8");
  }
  return doc;
}

ObjectReader::ObjectReader(const rapidjson::Value& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {}

bool ObjectReader::Has(const char* name) const {
  auto it = object_.FindMember(name);
  return it != object_.MemberEnd() && !it->value.IsNull();
}

const rapidjson::Value* ObjectReader::Raw(const char* name) {
  known_.insert(name);
  auto it = object_.FindMember(name);
  if (it == object_.MemberEnd()) return nullptr;
  return &it->value;
}

void ObjectReader::AddError(std::string field, std::string message, std::string param) {
  errors_.push_back({prefix_ + field, std::move(message), std::move(param)});
}

std::optional<std::string> ObjectReader::String(const char* name, bool required, size_t max_chars, size_t min_chars) {
  const auto* v = Raw(name);
  if (v == nullptr || v->IsNull()) {
    if (required) AddError(name, "field.required");
    return std::nullopt;
  }
  if (!v->IsString()) {
    AddError(name, "field.must_be_string");
    return std::nullopt;
  }
  std::string s(v->GetString(), v->GetStringLength());
  if (s.find('\0') != std::string::npos) {
    AddError(name, "json.invalid_utf8");
    return std::nullopt;
  }
  size_t len = Utf8Length(s);
  if (len > max_chars) {
    AddError(name, "field.too_long", std::to_string(max_chars));
    return std::nullopt;
  }
  if (required && len == 0) {
    AddError(name, "field.empty");
    return std::nullopt;
  }
  if (len < min_chars) {
    AddError(name, "field.too_short", std::to_string(min_chars));
    return std::nullopt;
  }
  return s;
}

std::optional<int64_t> ObjectReader::Int(const char* name, bool required, int64_t min, int64_t max) {
  const auto* v = Raw(name);
  if (v == nullptr || v->IsNull()) {
    if (required) AddError(name, "field.required");
    return std::nullopt;
  }
  if (!v->IsInt64()) {
    AddError(name, "field.must_be_integer");
    return std::nullopt;
  }
  int64_t x = v->GetInt64();
  if (x < min || x > max) {
    AddError(name, "field.out_of_range");
    return std::nullopt;
  }
  return x;
}

std::optional<bool> ObjectReader::Bool(const char* name, bool required) {
  const auto* v = Raw(name);
  if (v == nullptr || v->IsNull()) {
    if (required) AddError(name, "field.required");
    return std::nullopt;
  }
  if (!v->IsBool()) {
    AddError(name, "field.must_be_boolean");
    return std::nullopt;
  }
  return v->GetBool();
}

std::optional<std::string> ObjectReader::OneOf(const char* name, bool required,
                                               const std::vector<std::string>& allowed) {
  auto s = String(name, required);
  if (!s) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    AddError(name, "field.not_one_of", list);
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> ObjectReader::Text(const char* name, size_t max_chars) {
  auto s = String(name, false, max_chars);
  if (s && s->empty()) return std::nullopt;
  return s;
}

std::optional<std::optional<std::string>> ObjectReader::NullableText(const char* name, size_t max_chars) {
  const auto* raw = Raw(name);
  if (raw == nullptr) return std::nullopt;
  if (raw->IsNull()) return std::optional<std::string>();
  auto s = String(name, false, max_chars);
  if (!s) return std::nullopt;  // the error is recorded
  return std::optional<std::string>(s->empty() ? std::nullopt : s);
}

std::optional<std::optional<int64_t>> ObjectReader::NullableId(const char* name) {
  const auto* raw = Raw(name);
  if (raw == nullptr) return std::nullopt;
  if (raw->IsNull()) return std::optional<int64_t>();
  auto v = Int(name, false, 1);
  if (!v) return std::nullopt;
  return std::optional<int64_t>(*v);
}

std::optional<std::string> ObjectReader::Date(const char* name, bool required) {
  auto s = String(name, required, 10);
  if (s && !IsValidDate(*s)) {
    AddError(name, "field.bad_date");
    return std::nullopt;
  }
  return s;
}

std::optional<std::vector<int64_t>> ObjectReader::IdArray(const char* name, bool required, size_t max_items) {
  const auto* raw = Raw(name);
  if (raw == nullptr || raw->IsNull()) {
    if (required) AddError(name, "field.required");
    return std::nullopt;
  }
  if (!raw->IsArray()) {
    AddError(name, "field.must_be_array");
    return std::nullopt;
  }
  if (raw->Size() > max_items) {
    AddError(name, "field.too_many", std::to_string(max_items));
    return std::nullopt;
  }
  std::vector<int64_t> ids;
  bool ok = true;
  for (rapidjson::SizeType i = 0; i < raw->Size(); ++i) {
    const auto& v = (*raw)[i];
    if (!v.IsInt64() || v.GetInt64() < 1) {
      AddError(std::string(name) + "[" + std::to_string(i) + "]", "field.must_be_integer");
      ok = false;
    } else {
      ids.push_back(v.GetInt64());
    }
  }
  if (!ok) return std::nullopt;
  return ids;
}

Status ObjectReader::Finish() {
  std::set<std::string_view> seen;
  for (auto it = object_.MemberBegin(); it != object_.MemberEnd(); ++it) {
    std::string_view key(it->name.GetString(), it->name.GetStringLength());
    if (!seen.insert(key).second) {
      errors_.push_back({prefix_ + std::string(key), "field.duplicate", {}});
      continue;
    }
    if (known_.find(key) == known_.end()) errors_.push_back({prefix_ + std::string(key), "field.unknown", {}});
  }
  if (errors_.empty()) return Status::Ok();
  return Status::Invalid(errors_);
}

}  // namespace tianshan
