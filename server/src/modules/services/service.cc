#include "modules/services/service.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdlib>

#include "core/calendar.h"
#include "modules/publishing/public/files.h"

namespace tianshan::services {
namespace {

bool IsKey(std::string_view k) {
  if (k.empty() || k.size() > 30) return false;
  return std::all_of(k.begin(), k.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool IsNumber(const std::string& s) {
  if (s.empty() || s.size() > 30) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

}  // namespace

std::optional<std::string> NextStatus(std::string_view from, ApplicationAction action) {
  switch (action) {
    case ApplicationAction::kAccept:
      if (from == "submitted") return "accepted";
      break;
    case ApplicationAction::kReject:
      if (from == "submitted" || from == "accepted") return "rejected";
      break;
    case ApplicationAction::kStart:
      if (from == "accepted") return "in_service";
      break;
    case ApplicationAction::kComplete:
      if (from == "in_service") return "completed";
      break;
    case ApplicationAction::kWithdraw:
      if (from == "submitted" || from == "accepted") return "withdrawn";
      break;
  }
  return std::nullopt;
}

int FileLimitKb(const Question& q) { return q.max_kb > 0 ? q.max_kb : kDefaultFileKb; }

void CollectServiceErrors(const ServiceFields& f, std::vector<FieldError>& errors) {
  if (f.min_age && f.max_age && *f.max_age < *f.min_age) errors.push_back({"max_age", "services.age_range", ""});
  if (f.kind == "enrollment" && !f.questions.empty())
    errors.push_back({"questions", "services.questions_for_applications", ""});
  for (size_t i = 0; i < f.questions.size(); ++i) {
    const auto& q = f.questions[i];
    const std::string at = "questions[" + std::to_string(i) + "]";
    if (!IsKey(q.key)) errors.push_back({at + ".key", "services.bad_key", ""});
    for (size_t j = 0; j < i; ++j) {
      if (f.questions[j].key == q.key) errors.push_back({at + ".key", "services.key_repeated", q.key});
    }
    if (q.type == "choice" && q.options.empty()) errors.push_back({at + ".options", "services.options_needed", ""});
    if (q.type != "choice" && !q.options.empty())
      errors.push_back({at + ".options", "services.options_only_for_choice", ""});
    if (q.type == "file") {
      if (q.accept.empty()) errors.push_back({at + ".accept", "field.required", ""});
      for (const auto& t : q.accept) {
        const auto& all = publishing::FileTypes();
        if (std::find(all.begin(), all.end(), t) == all.end())
          errors.push_back({at + ".accept", "field.not_one_of", t});
      }
    } else if (!q.accept.empty() || q.max_kb != 0) {
      errors.push_back({at + ".accept", "services.accept_only_for_file", ""});
    }
  }
}

void CollectAnswerErrors(const std::vector<Question>& questions, const std::map<std::string, std::string>& answers,
                         std::vector<FieldError>& errors) {
  for (const auto& q : questions) {
    const std::string field = "answers." + q.key;
    auto it = answers.find(q.key);
    if (it == answers.end() || it->second.empty()) {
      if (q.required) errors.push_back({field, "field.required", ""});
      continue;
    }
    const std::string& a = it->second;
    if (Utf8Length(a) > kMaxAnswer) {
      errors.push_back({field, "field.too_long", std::to_string(kMaxAnswer)});
    } else if (q.type == "choice" && std::find(q.options.begin(), q.options.end(), a) == q.options.end()) {
      errors.push_back({field, "field.not_one_of", ""});
    } else if (q.type == "date" && !IsValidDate(a)) {
      errors.push_back({field, "field.bad_date", ""});
    } else if (q.type == "number" && !IsNumber(a)) {
      errors.push_back({field, "services.must_be_number", ""});
    }
  }
  for (const auto& [key, value] : answers) {
    const bool known = std::any_of(questions.begin(), questions.end(), [&](const Question& q) { return q.key == key; });
    if (!known) errors.push_back({"answers." + key, "field.unknown", ""});
  }
}

void WriteQuestions(JsonOut& out, const std::vector<Question>& questions) {
  out.StartArray();
  for (const auto& q : questions) {
    out.StartObject().Field("key", q.key).Field("label", q.label).Field("type", q.type).Field("required", q.required);
    out.Key("options").StartArray();
    for (const auto& o : q.options) out.String(o);
    out.EndArray();
    if (q.type == "file") {
      out.Key("accept").StartArray();
      for (const auto& t : q.accept) out.String(t);
      out.EndArray().Field("max_kb", static_cast<int64_t>(FileLimitKb(q)));
    }
    out.EndObject();
  }
  out.EndArray();
}

std::vector<Question> ReadQuestions(std::string_view json) {
  std::vector<Question> out;
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (!doc.IsArray()) return out;
  for (const auto& v : doc.GetArray()) {
    if (!v.IsObject() || !v.HasMember("key") || !v["key"].IsString()) continue;
    Question q;
    q.key = v["key"].GetString();
    if (v.HasMember("label") && v["label"].IsString()) q.label = v["label"].GetString();
    if (v.HasMember("type") && v["type"].IsString()) q.type = v["type"].GetString();
    q.required = v.HasMember("required") && v["required"].IsBool() && v["required"].GetBool();
    for (auto [name, list] : {std::pair{"options", &q.options}, std::pair{"accept", &q.accept}}) {
      if (!v.HasMember(name) || !v[name].IsArray()) continue;
      for (const auto& o : v[name].GetArray()) {
        if (o.IsString()) list->emplace_back(o.GetString());
      }
    }
    if (v.HasMember("max_kb") && v["max_kb"].IsInt()) q.max_kb = v["max_kb"].GetInt();
    out.push_back(std::move(q));
  }
  return out;
}

void WriteAnswers(JsonOut& out, const std::map<std::string, std::string>& answers) {
  out.StartObject();
  for (const auto& [k, v] : answers) out.Field(k, v);
  out.EndObject();
}

std::map<std::string, std::string> ReadAnswers(std::string_view json) {
  std::map<std::string, std::string> out;
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (!doc.IsObject()) return out;
  for (const auto& m : doc.GetObject()) {
    if (m.value.IsString()) out[m.name.GetString()] = m.value.GetString();
  }
  return out;
}

int64_t Satisfaction::Count() const {
  int64_t n = 0;
  for (int64_t v : distribution) n += v;
  return n;
}

std::optional<double> Satisfaction::Average() const {
  int64_t sum = 0;
  for (int k = 0; k < 5; ++k) sum += (k + 1) * distribution[k];
  const int64_t n = Count();
  if (n == 0) return std::nullopt;
  return static_cast<double>(sum) / static_cast<double>(n);
}

std::string RatingCounter(int score) { return "services.rating_" + std::to_string(score); }

}  // namespace tianshan::services
