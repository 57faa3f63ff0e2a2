#include "modules/services/requests.h"

namespace tianshan::services {
namespace {

// A list of up to 30 non-empty strings under `name`, if given.
void ReadStrings(ObjectReader& r, const char* name, std::vector<std::string>& out) {
  const rapidjson::Value* raw = r.Raw(name);
  if (!raw || raw->IsNull()) return;
  if (!raw->IsArray() || raw->Size() > 30) {
    r.AddError(name, "field.must_be_array");
    return;
  }
  for (const auto& o : raw->GetArray()) {
    if (o.IsString() && o.GetStringLength() > 0)
      out.emplace_back(o.GetString());
    else
      r.AddError(name, "field.must_be_string");
  }
}

// The `questions` array, if given: up to kMaxQuestions, each field named `questions[i].<name>`.
void ReadQuestionList(ObjectReader& r, std::vector<Question>& out) {
  if (const rapidjson::Value* raw = r.Raw("questions"); raw && !raw->IsNull()) {
    if (!raw->IsArray()) {
      r.AddError("questions", "field.must_be_array");
    } else if (raw->Size() > kMaxQuestions) {
      r.AddError("questions", "field.too_many", std::to_string(kMaxQuestions));
    } else {
      for (rapidjson::SizeType i = 0; i < raw->Size(); ++i) {
        const std::string at = "questions[" + std::to_string(i) + "]";
        if (!(*raw)[i].IsObject()) {
          r.AddError(at, "field.must_be_object");
          continue;
        }
        ObjectReader q((*raw)[i], at + ".");
        Question question;
        question.key = q.String("key", true, 30, 1).value_or("");
        question.label = q.String("label", true, 200, 1).value_or("");
        question.type = q.OneOf("type", true, QuestionTypes()).value_or("");
        question.required = q.Bool("required", false).value_or(false);
        ReadStrings(q, "options", question.options);
        ReadStrings(q, "accept", question.accept);
        question.max_kb = static_cast<int>(q.Int("max_kb", false, 1, kMaxFileKb).value_or(0));
        Status s = q.Finish();
        for (const auto& e : s.field_errors()) r.AddError(e.field, e.message, e.param);
        out.push_back(std::move(question));
      }
    }
  }
}

}  // namespace

Result<ServiceFields> ParseService(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  ServiceFields f;
  f.name = r.String("name", true, kMaxName, 1).value_or("");
  f.category = r.OneOf("category", true, Categories()).value_or("");
  f.description = r.String("description", true, kMaxDescription, 1).value_or("");
  auto min_age = r.Int("min_age", false, 0, 120);
  auto max_age = r.Int("max_age", false, 0, 120);
  if (min_age) f.min_age = static_cast<int>(*min_age);
  if (max_age) f.max_age = static_cast<int>(*max_age);
  if (auto area = r.NullableId("area_organization_id"); area && *area) f.area_organization_id = **area;
  f.delivery = r.OneOf("delivery", true, Deliveries()).value_or("");
  f.kind = r.OneOf("kind", true, Kinds()).value_or("");
  f.response_days = static_cast<int>(r.Int("response_days", false, 1, 60).value_or(3));
  ReadQuestionList(r, f.questions);
  TS_RETURN_IF_ERROR(r.Finish());
  return f;
}

Result<SessionInput> ParseSession(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  SessionInput in;
  in.name = r.String("name", true, kMaxName, 1).value_or("");
  in.starts_on = r.Date("starts_on", true).value_or("");
  in.ends_on = r.Date("ends_on", true).value_or("");
  in.capacity = static_cast<int>(r.Int("capacity", true, 1, 100000).value_or(1));
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<EnrollInput> ParseEnroll(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  EnrollInput in;
  in.participant_name = r.String("participant_name", true, 50, 1).value_or("");
  in.participant_birth_date = r.Date("participant_birth_date", true).value_or("");
  in.guardian_consent = r.Bool("guardian_consent", false).value_or(false);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<AttendanceInput> ParseAttendance(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  AttendanceInput in;
  in.day = r.Date("day", true).value_or("");
  const rapidjson::Value* raw = r.Raw("marks");
  if (!raw || !raw->IsArray()) {
    r.AddError("marks", raw ? "field.must_be_array" : "field.required");
  } else if (raw->Size() > kMaxMarks) {
    r.AddError("marks", "field.too_many", std::to_string(kMaxMarks));
  } else {
    for (rapidjson::SizeType i = 0; i < raw->Size(); ++i) {
      const std::string at = "marks[" + std::to_string(i) + "]";
      if (!(*raw)[i].IsObject()) {
        r.AddError(at, "field.must_be_object");
        continue;
      }
      ObjectReader m((*raw)[i], at + ".");
      AttendanceMark mark;
      mark.enrollment_id = m.Int("enrollment_id", true, 1).value_or(0);
      mark.present = m.Bool("present", true).value_or(false);
      Status s = m.Finish();
      for (const auto& e : s.field_errors()) r.AddError(e.field, e.message, e.param);
      in.marks.push_back(mark);
    }
  }
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<std::map<std::string, std::string>> ParseAnswers(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req, true));
  ObjectReader r(doc);
  std::map<std::string, std::string> answers;
  if (const rapidjson::Value* raw = r.Raw("answers"); raw && !raw->IsNull()) {
    if (!raw->IsObject()) {
      r.AddError("answers", "field.must_be_object");
    } else {
      for (const auto& m : raw->GetObject()) {
        const std::string key = m.name.GetString();
        if (m.value.IsString()) {
          answers[key] = m.value.GetString();
        } else if (m.value.IsInt64()) {
          answers[key] = std::to_string(m.value.GetInt64());
        } else if (m.value.IsNumber()) {
          answers[key] = std::to_string(m.value.GetDouble());
        } else if (!m.value.IsNull()) {
          r.AddError("answers." + key, "field.must_be_string");
        }
      }
    }
  }
  TS_RETURN_IF_ERROR(r.Finish());
  return answers;
}

Result<std::optional<std::string>> ParseNote(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req, true));
  ObjectReader r(doc);
  auto reason = r.Text("reason", kMaxReason);
  TS_RETURN_IF_ERROR(r.Finish());
  return reason;
}

Result<std::string> ParseMessage(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  auto body = r.String("body", true, kMaxMessage, 1);
  TS_RETURN_IF_ERROR(r.Finish());
  return *body;
}

Result<RatingInput> ParseRating(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  RatingInput in;
  in.score = static_cast<int>(r.Int("score", true, 1, 5).value_or(0));
  in.comment = r.Text("comment", kMaxRatingComment);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<std::vector<Question>> ParseQuestions(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  std::vector<Question> questions;
  if (r.Raw("questions") == nullptr) r.AddError("questions", "field.required");
  ReadQuestionList(r, questions);
  TS_RETURN_IF_ERROR(r.Finish());
  return questions;
}

}  // namespace tianshan::services
