#pragma once
// What the services routes read from a request (http/edge.h: every field error at once).

#include "http/edge.h"
#include "modules/services/attendance.h"
#include "modules/services/use_cases.h"

namespace tianshan::services {

Result<ServiceFields> ParseService(const http::HttpRequest& req);
// {"questions": [...]}: a service's whole list of questions (the form builder).
Result<std::vector<Question>> ParseQuestions(const http::HttpRequest& req);
Result<SessionInput> ParseSession(const http::HttpRequest& req);
Result<EnrollInput> ParseEnroll(const http::HttpRequest& req);
// {"answers": {"key": "text" | number}}: every answer as text.
Result<std::map<std::string, std::string>> ParseAnswers(const http::HttpRequest& req);
// {"reason": "..."} or no body.
Result<std::optional<std::string>> ParseNote(const http::HttpRequest& req);

struct AttendanceInput {
  std::string day;
  std::vector<AttendanceMark> marks;
};
// {"day": "YYYY-MM-DD", "marks": [{"enrollment_id": id, "present": bool}, ...]} (≤ kMaxMarks).
Result<AttendanceInput> ParseAttendance(const http::HttpRequest& req);

// {"body": "..."}: a message's text (1–2000 characters).
Result<std::string> ParseMessage(const http::HttpRequest& req);
struct RatingInput {
  int score = 0;
  std::optional<std::string> comment;
};
// {"score": 1–5, "comment": "..."}.
Result<RatingInput> ParseRating(const http::HttpRequest& req);

}  // namespace tianshan::services
