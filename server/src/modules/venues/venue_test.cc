// Opening hours: weekly windows, exceptions (closed, special hours), bookings inside one window.
#include "modules/venues/venue.h"

#include <gtest/gtest.h>

#include "core/china_time.h"

namespace tianshan::venues {
namespace {

int64_t At(const char* china_time) { return *ParseTime(china_time); }

TEST(VenueTest, OpeningHoursAndExceptions) {
  VenueFields f;
  f.hours = {{1, 9 * 60, 12 * 60}, {1, 14 * 60, 21 * 60}, {6, 10 * 60, 24 * 60}};  // Monday twice, Saturday
  f.exceptions = {{"2026-06-08", std::nullopt, std::nullopt, "closed"}, {"2026-06-15", 13 * 60, 15 * 60, std::nullopt}};
  EXPECT_EQ(ChinaWeekday("2026-06-01"), 1);
  EXPECT_EQ(ChinaWeekday("2026-06-07"), 7);
  EXPECT_TRUE(WithinOpeningHours(f, At("2026-06-01T09:00"), At("2026-06-01T12:00")));
  EXPECT_FALSE(WithinOpeningHours(f, At("2026-06-01T11:00"), At("2026-06-01T14:30"))) << "spans the lunch closure";
  EXPECT_FALSE(WithinOpeningHours(f, At("2026-06-01T08:59"), At("2026-06-01T10:00")));
  EXPECT_FALSE(WithinOpeningHours(f, At("2026-06-02T10:00"), At("2026-06-02T11:00"))) << "closed on Tuesdays";
  EXPECT_TRUE(WithinOpeningHours(f, At("2026-06-06T22:00"), At("2026-06-07T00:00"))) << "until midnight";
  EXPECT_FALSE(WithinOpeningHours(f, At("2026-06-06T23:00"), At("2026-06-07T01:00"))) << "past midnight";
  EXPECT_FALSE(WithinOpeningHours(f, At("2026-06-08T10:00"), At("2026-06-08T11:00"))) << "closed all day";
  EXPECT_FALSE(WithinOpeningHours(f, At("2026-06-15T10:00"), At("2026-06-15T11:00"))) << "special hours replace";
  EXPECT_TRUE(WithinOpeningHours(f, At("2026-06-15T13:00"), At("2026-06-15T15:00")));
}

TEST(VenueTest, FieldErrorsAndStoredTexts) {
  VenueFields f;
  f.latitude = 95;
  f.hours = {{2, 10 * 60, 9 * 60}};
  f.exceptions = {{"2026-06-08", 9 * 60, std::nullopt, std::nullopt},
                  {"2026-06-08", std::nullopt, std::nullopt, std::nullopt}};
  std::vector<FieldError> errors;
  CollectVenueErrors(f, errors);
  std::vector<std::string> fields;
  for (const auto& e : errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"longitude", "latitude", "opening_hours[0].closes",
                                              "exceptions[0].closes", "exceptions[1].date"}));
  EXPECT_EQ(ParseClock("24:00"), 1440);
  EXPECT_FALSE(ParseClock("24:01"));
  EXPECT_FALSE(ParseClock("9:00"));
  JsonOut out;
  WriteHours(out, {{3, 570, 1080}});
  auto back = ReadHours(out.Take());
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].day, 3);
  EXPECT_EQ(back[0].opens, 570);
  EXPECT_EQ(back[0].closes, 1080);
}

}  // namespace
}  // namespace tianshan::venues
