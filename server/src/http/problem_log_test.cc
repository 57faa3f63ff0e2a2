// Every 503 problem is logged once with its cause (http_types.cc LogUnavailable): the problem
// type, the path, the message key and the first line of the underlying error, never the lines
// after it (PostgreSQL's DETAIL may quote row values). Other problems are not logged there.

#include <gtest/gtest.h>

#include "http/http_types.h"
#include "testing/log_capture.h"

namespace tianshan::http {
namespace {

using testing::LogCapture;

TEST(ProblemLogTest, A503LogsItsCauseInOneLineWithoutLaterLines) {
  LogCapture log;
  Status down = Status::Unavailable("error.unavailable")
                    .WithDetail(
                        "could not connect to server: Connection refused\nDETAIL:  Key (id_number)=("
                        "650102200001011234) already exists.");
  HttpResponse r = ProblemResponse(down, Lang::kEn, "/api/v1/people/7");
  EXPECT_EQ(r.status, 503);
  const std::string text = log.text();
  EXPECT_EQ(text,
            "error 503 unavailable at /api/v1/people/7: error.unavailable (could not connect to server: Connection "
            "refused)\n");
  EXPECT_EQ(text.find("650102200001011234"), std::string::npos);
  EXPECT_EQ(r.body.find("could not connect"), std::string::npos) << "the cause stays out of the answer";
}

TEST(ProblemLogTest, RetriesExhaustedAndBareUnavailableAreLoggedToo) {
  LogCapture log;
  (void)ProblemResponse(Status::Retry("serialization failure after 5 attempts"), Lang::kZh, "/api/v1/shifts/3/signups");
  (void)ProblemResponse(Status::Unavailable("error.unavailable"), Lang::kZh, "/api/v1/health");
  const std::string text = log.text();
  EXPECT_NE(text.find("error 503 unavailable at /api/v1/shifts/3/signups: serialization failure after 5 attempts"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("error 503 unavailable at /api/v1/health: error.unavailable (no further cause)"),
            std::string::npos)
      << text;
}

TEST(ProblemLogTest, OtherProblemsAreNotLoggedHere) {
  LogCapture log;
  (void)ProblemResponse(Status::Conflict("error.conflict").WithDetail("UNIQUE constraint failed"), Lang::kEn, "/x");
  (void)ProblemResponse(Status::Invalid("name", "field.required"), Lang::kEn, "/x");
  (void)ProblemResponse(Status(StatusCode::kTooManyRequests, "error.too_many_requests"), Lang::kEn, "/x");
  EXPECT_EQ(log.text(), "");
}

}  // namespace
}  // namespace tianshan::http
