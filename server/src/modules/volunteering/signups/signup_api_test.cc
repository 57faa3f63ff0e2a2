// Sign-up through the HTTP API on SQLite and PostgreSQL: seats and the waitlist, idempotency,
// cancellation with promotion, and every refusal answered as problem+json with nothing changed.

#include "modules/volunteering/api_test_fixture.h"
#include "modules/volunteering/verify_counters.h"

namespace tianshan::volunteering::testing {
namespace {

class VolunteerSignUpApiTest : public VolunteeringApiTest {};

TEST_P(VolunteerSignUpApiTest, SeatsThenWaitlistThenPromotionOnCancel) {
  auto admin = Admin();
  int64_t project = MakeProject(*admin);
  int64_t shift = MakeShift(*admin, project, 2, 48 * kHourMs);
  auto people = MakePeople(4);
  std::vector<std::unique_ptr<HttpClient>> v;
  for (int64_t p : people) v.push_back(VolunteerClient(p));

  std::vector<int64_t> signups;
  for (int i = 0; i < 4; ++i) {
    auto r = v[i]->Post(ShiftPath(shift, "/sign-ups"), std::string());
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["status"], i < 2 ? "confirmed" : "waitlisted");
    if (i >= 2) {
      EXPECT_EQ(r.json()["waitlist_position"], i - 1);
    }
    signups.push_back(r.json()["id"]);
  }
  auto project_view = Client()->Get("/api/v1/volunteering/projects/" + std::to_string(project));
  ASSERT_EQ(project_view.status, 200) << project_view.body;
  EXPECT_EQ(project_view.json()["shifts"][0]["confirmed"], 2);
  EXPECT_EQ(project_view.json()["shifts"][0]["waitlisted"], 2);
  EXPECT_EQ(project_view.json()["shifts"][0]["seats_left"], 0);

  // A confirmed volunteer cancels: the first on the waitlist gets the seat.
  auto cancel = v[0]->Post("/api/v1/volunteering/sign-ups/" + std::to_string(signups[0]) + "/cancel", std::string());
  ASSERT_EQ(cancel.status, 200) << cancel.body;
  EXPECT_TRUE(cancel.json()["promoted"].get<bool>());
  auto mine = v[2]->Get("/api/v1/volunteering/my/sign-ups");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json()["items"][0]["sign_up"]["status"], "confirmed");
  auto fourth = v[3]->Get("/api/v1/volunteering/my/sign-ups");
  EXPECT_EQ(fourth.json()["items"][0]["sign_up"]["waitlist_position"], 1);

  auto roster = admin->Get(ShiftPath(shift, "/roster"));
  ASSERT_EQ(roster.status, 200) << roster.body;
  ASSERT_EQ(roster.json()["items"].size(), 3u);
  EXPECT_EQ(roster.json()["items"][0]["sign_up"]["person_id"], people[1]);
  EXPECT_EQ(roster.json()["items"][1]["sign_up"]["person_id"], people[2]);
  EXPECT_EQ(roster.json()["items"][2]["sign_up"]["status"], "waitlisted");
  // Volunteers cannot read the roster.
  EXPECT_EQ(v[1]->Get(ShiftPath(shift, "/roster")).status, 403);

  // Cancelled volunteers may sign up again (to the end of the waitlist).
  auto again = v[0]->Post(ShiftPath(shift, "/sign-ups"), std::string());
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.json()["status"], "waitlisted");
  EXPECT_EQ(again.json()["waitlist_position"], 2);

  auto diffs = VerifyCounters(ctx());
  ASSERT_TRUE(diffs.ok());
  EXPECT_TRUE(diffs->empty()) << diffs->front();
}

TEST_P(VolunteerSignUpApiTest, IdempotencyKeyReplaysTheSameSignUp) {
  auto admin = Admin();
  int64_t project = MakeProject(*admin);
  int64_t shift = MakeShift(*admin, project, 5, 48 * kHourMs);
  int64_t other = MakeShift(*admin, project, 5, 96 * kHourMs);
  auto v = VolunteerClient(MakePeople(1)[0]);
  auto first = v->Post(ShiftPath(shift, "/sign-ups"), std::string(), {{"Idempotency-Key", "tap-1"}});
  ASSERT_EQ(first.status, 201) << first.body;
  auto second = v->Post(ShiftPath(shift, "/sign-ups"), std::string(), {{"Idempotency-Key", "tap-1"}});
  EXPECT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.header("idempotent-replayed"), "true");
  EXPECT_EQ(second.json()["id"], first.json()["id"]);
  // Without the key, a second sign-up is a conflict; the same key for another shift is refused.
  EXPECT_TRUE(Says(v->Post(ShiftPath(shift, "/sign-ups"), std::string()), "volunteer.already_signed_up"));
  auto reused = v->Post(ShiftPath(other, "/sign-ups"), std::string(), {{"Idempotency-Key", "tap-1"}});
  EXPECT_EQ(reused.status, 422);
  EXPECT_TRUE(Says(reused, "volunteer.idempotency_key_reused"));
  auto roster = admin->Get(ShiftPath(shift, "/roster")).json();
  EXPECT_EQ(roster["items"].size(), 1u);
  EXPECT_EQ(roster["shift"]["confirmed"], 1);
}

TEST_P(VolunteerSignUpApiTest, RefusalsChangeNothing) {
  auto admin = Admin();
  int64_t project = MakeProject(*admin);
  int64_t shift = MakeShift(*admin, project, 5, 48 * kHourMs);
  int64_t overlapping = MakeShift(*admin, project, 5, 49 * kHourMs);
  int64_t adults_only = MakeShift(*admin, project, 5, 200 * kHourMs, 2 * kHourMs, 18);
  int64_t cancelled = MakeShift(*admin, project, 5, 300 * kHourMs);
  int64_t soon = MakeShift(*admin, project, 5, 1 * kHourMs);
  ASSERT_EQ(admin->Post(ShiftPath(cancelled, "/cancel"), std::string()).status, 200);

  auto adult = VolunteerClient(MakePeople(1)[0]);
  // The test clock is 2026-05-28: born 2010-01-01 is 16 at the shifts.
  int64_t minor_id = MakePeople(1, "2010-01-01", "少年")[0];
  auto minor = VolunteerClient(minor_id);

  ASSERT_EQ(adult->Post(ShiftPath(shift, "/sign-ups"), std::string()).status, 201);
  auto overlap = adult->Post(ShiftPath(overlapping, "/sign-ups"), std::string());
  EXPECT_EQ(overlap.status, 409);
  EXPECT_EQ(overlap.header("content-type"), "application/problem+json");
  EXPECT_TRUE(Says(overlap, "volunteer.overlap"));

  EXPECT_TRUE(Says(adult->Post(ShiftPath(cancelled, "/sign-ups"), std::string()), "volunteer.shift_cancelled"));

  auto no_consent = minor->Post(ShiftPath(shift, "/sign-ups"), std::string());
  EXPECT_EQ(no_consent.status, 422);
  EXPECT_EQ(no_consent.error_fields(), std::vector<std::string>{"guardian_consent"});
  EXPECT_TRUE(Says(no_consent, "volunteer.needs_consent"));
  auto too_young = minor->Post(
      ShiftPath(adults_only, "/sign-ups"),
      nlohmann::json{{"guardian_consent", {{"guardian_name", "少年家长"}, {"relation", "母亲"}, {"agreed", true}}}}
          .dump());
  EXPECT_EQ(too_young.status, 422);
  EXPECT_TRUE(Says(too_young, "volunteer.too_young"));
  auto bad_consent = minor->Post(ShiftPath(shift, "/sign-ups"),
                                 nlohmann::json{{"guardian_consent", {{"guardian_name", "少年家长"}}}}.dump());
  EXPECT_EQ(bad_consent.status, 422);

  // Time passes: the soon shift starts; sign-up and cancel are refused after the start.
  auto early = adult->Post(ShiftPath(soon, "/sign-ups"), std::string());
  ASSERT_EQ(early.status, 201) << early.body;
  server().clock().Advance(2 * kHourMs);
  auto late_person = VolunteerClient(MakePeople(1)[0]);
  auto late = late_person->Post(ShiftPath(soon, "/sign-ups"), std::string());
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(Says(late, "volunteer.shift_started"));
  auto late_cancel = adult->Post(
      "/api/v1/volunteering/sign-ups/" + std::to_string(early.json()["id"].get<int64_t>()) + "/cancel", std::string());
  EXPECT_TRUE(Says(late_cancel, "volunteer.shift_started"));

  // Nothing changed by the refusals.
  for (int64_t s : {overlapping, adults_only, cancelled}) {
    auto roster = admin->Get(ShiftPath(s, "/roster")).json();
    EXPECT_EQ(roster["items"].size(), 0u) << s;
    EXPECT_EQ(roster["shift"]["confirmed"], 0);
  }
  EXPECT_EQ(admin->Get(ShiftPath(shift, "/roster")).json()["items"].size(), 1u);
  EXPECT_EQ(admin->Get(ShiftPath(soon, "/roster")).json()["shift"]["confirmed"], 1);

  // With the guardian's consent the minor signs up.
  auto with_consent = minor->Post(
      ShiftPath(shift, "/sign-ups"),
      nlohmann::json{{"guardian_consent", {{"guardian_name", "少年家长"}, {"relation", "母亲"}, {"agreed", true}}}}
          .dump());
  EXPECT_EQ(with_consent.status, 201) << with_consent.body;
  EXPECT_TRUE(with_consent.json()["guardian_consent"].get<bool>());
}

TEST_P(VolunteerSignUpApiTest, ProjectsFollowTheirLifecycleAndVisibility) {
  auto admin = Admin();
  auto draft = admin->Post("/api/v1/volunteering/projects",
                           nlohmann::json{{"organization_id", branch_.id}, {"title", "草稿项目"}});
  ASSERT_EQ(draft.status, 201) << draft.body;
  std::string path = "/api/v1/volunteering/projects/" + std::to_string(draft.json()["id"].get<int64_t>());
  EXPECT_EQ(Client()->Get(path).status, 404);  // drafts are not public
  auto skip = admin->Post(path + "/status", nlohmann::json{{"status", "running"}});
  EXPECT_EQ(skip.status, 422);
  EXPECT_EQ(skip.error_fields(), std::vector<std::string>{"status"});
  EXPECT_EQ(admin->Post(path + "/status", nlohmann::json{{"status", "recruiting"}}).status, 200);
  EXPECT_EQ(Client()->Get(path).status, 200);
  auto list = Client()->Get("/api/v1/volunteering/projects?organization_id=" + std::to_string(root_.id));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["items"].size(), 1u);
  // An admin of another tree may not manage it; a bad field is named.
  auto outsider = LoggedIn("vol-outsider", "password-123");
  EXPECT_EQ(outsider->Patch(path, nlohmann::json{{"title", "x"}}).status, 403);
  auto bad = admin->Patch(path, nlohmann::json{{"visibility", "secret"}, {"oops", 1}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(admin->Patch(path, nlohmann::json{{"visibility", "members"}}).status, 200);
  EXPECT_EQ(Client()->Get(path).status, 404);  // members-only: not for the public
  auto member = VolunteerClient(MakePeople(1)[0]);
  EXPECT_EQ(member->Get(path).status, 404);  // no grant, no team
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerSignUpApiTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
