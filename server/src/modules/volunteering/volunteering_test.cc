// Pure parts of the volunteering module: the hours rounding rules, times and ages, project
// status transitions, signed check-in tokens, QR codes, certificate codes and the PDF.

#include "modules/volunteering/volunteering.h"

#include <gtest/gtest.h>

#include "modules/volunteering/certificates/certificate_pdf.h"
#include "modules/volunteering/certificates/issue_certificate.h"
#include "modules/volunteering/public/hours_rule.h"
#include "modules/volunteering/signups/checkin_token.h"
#include "core/qr_code.h"

namespace tianshan::volunteering {
namespace {

constexpr int64_t kMin = 60000;

TEST(VolunteerHoursRule, NationalRuleRoundsEachStartedHour) {
  struct Case {
    int64_t minutes;
    int64_t credited;
  };
  const Case cases[] = {{0, 0},   {14, 0},  {15, 30},  {44, 30},   {45, 60},   {59, 60},  {60, 60},
                        {74, 60}, {75, 90}, {104, 90}, {105, 120}, {170, 180}, {180, 180}};
  for (const auto& c : cases) {
    EXPECT_EQ(CreditedMinutes("national", c.minutes * kMin), c.credited) << c.minutes << " min";
  }
  // Seconds do not count: 14 min 59 s is still under 15 minutes.
  EXPECT_EQ(CreditedMinutes("national", 15 * kMin - 1000), 0);
  EXPECT_EQ(CreditedMinutes("national", -5 * kMin), 0);
  EXPECT_EQ(CreditedMinutes("no-such-rule", 50 * kMin), 60);
}

TEST(VolunteerHoursRule, OtherRules) {
  EXPECT_EQ(CreditedMinutes("half_hour_floor", 29 * kMin), 0);
  EXPECT_EQ(CreditedMinutes("half_hour_floor", 30 * kMin), 30);
  EXPECT_EQ(CreditedMinutes("half_hour_floor", 89 * kMin), 60);
  EXPECT_EQ(CreditedMinutes("exact", 89 * kMin + 59000), 89);
}

TEST(VolunteerTimes, ParsesIsoTimesInUtcAndChinaTime) {
  auto utc = ParseTime("2026-07-01T01:00:00Z");
  ASSERT_TRUE(utc);
  EXPECT_EQ(ParseTime("2026-07-01T09:00:00+08:00"), utc);
  EXPECT_EQ(ParseTime("2026-07-01T09:00"), utc);  // no zone: China time
  EXPECT_EQ(ParseTime("2026-07-01T01:00:00.000Z"), utc);
  EXPECT_EQ(FormatUtc(*utc), "2026-07-01T01:00:00.000Z");
  EXPECT_FALSE(ParseTime("2026-02-30T09:00Z"));
  EXPECT_FALSE(ParseTime("2026-07-01"));
  EXPECT_FALSE(ParseTime("2026-07-01T25:00Z"));
  EXPECT_FALSE(ParseTime("2026-07-01T09:00+8"));
  // 2026-07-01T01:00Z is 09:00 in China; China midnight is 16:00Z the day before.
  EXPECT_EQ(ChinaDate(*utc - 9 * 3600 * 1000), "2026-07-01");
  EXPECT_EQ(ChinaDate(*utc - 9 * 3600 * 1000 - 1), "2026-06-30");
  EXPECT_EQ(ChinaMonth(*utc), "2026-07");
  EXPECT_EQ(ChinaMidnight("2026-07-01"), *utc - 9 * 3600 * 1000);
}

TEST(VolunteerTimes, AgeCountsWholeYears) {
  EXPECT_EQ(AgeOn("2008-07-02", "2026-07-01"), 17);
  EXPECT_EQ(AgeOn("2008-07-01", "2026-07-01"), 18);
  EXPECT_EQ(AgeOn("2000-02-29", "2026-02-28"), 25);
}

TEST(VolunteerProjects, StatusMovesOneStepForward) {
  EXPECT_TRUE(IsAllowedTransition("draft", "recruiting"));
  EXPECT_TRUE(IsAllowedTransition("recruiting", "running"));
  EXPECT_TRUE(IsAllowedTransition("running", "finished"));
  EXPECT_TRUE(IsAllowedTransition("finished", "archived"));
  EXPECT_TRUE(IsAllowedTransition("draft", "archived"));
  EXPECT_FALSE(IsAllowedTransition("draft", "running"));
  EXPECT_FALSE(IsAllowedTransition("running", "recruiting"));
  EXPECT_FALSE(IsAllowedTransition("archived", "draft"));
  EXPECT_FALSE(IsAllowedTransition("running", "bogus"));
}

TEST(VolunteerTokens, BoundToShiftDirectionAndTime) {
  const std::string key = "test-key";
  const int64_t now = 1780000000000;
  std::string token = MakeCheckInToken(key, 7, Direction::kIn, now + 1000);
  EXPECT_TRUE(VerifyCheckInToken(key, token, 7, Direction::kIn, now).ok());

  auto message = [](const Status& s) { return s.field_errors().empty() ? s.message() : s.field_errors()[0].message; };
  EXPECT_EQ(message(VerifyCheckInToken(key, token, 7, Direction::kIn, now + 1000)), "volunteer.token_expired");
  EXPECT_EQ(message(VerifyCheckInToken(key, token, 8, Direction::kIn, now)), "volunteer.token_other_shift");
  EXPECT_EQ(message(VerifyCheckInToken(key, token, 7, Direction::kOut, now)), "volunteer.token_wrong_direction");
  EXPECT_EQ(message(VerifyCheckInToken("other-key", token, 7, Direction::kIn, now)), "volunteer.token_forged");
  // Changing the shift id inside the token breaks the MAC: it cannot be re-aimed at shift 8.
  std::string edited = "8" + token.substr(1);
  EXPECT_EQ(message(VerifyCheckInToken(key, edited, 8, Direction::kIn, now)), "volunteer.token_forged");
  // Extending the expiry breaks it too.
  std::string later = MakeCheckInToken(key, 7, Direction::kIn, now + 999999);
  std::string spliced = token.substr(0, token.rfind('.')) + later.substr(later.rfind('.'));
  EXPECT_EQ(message(VerifyCheckInToken(key, spliced, 7, Direction::kIn, now)), "volunteer.token_forged");
  for (const char* junk : {"", "...", "7.i.x.y", "7.x.1.abc", "a.b.c.d.e"}) {
    EXPECT_EQ(message(VerifyCheckInToken(key, junk, 7, Direction::kIn, now)), "volunteer.token_forged") << junk;
  }
}

TEST(VolunteerQr, SvgEncodesText) {
  auto svg = QrSvg("https://tianshan.example/volunteer/scan?shift=1&direction=in&token=abc");
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(svg->rfind("<svg", 0), 0u);
  EXPECT_NE(svg->find("<path"), std::string::npos);
}

TEST(VolunteerCertificates, CodesHaveTheirShape) {
  std::string a = NewCertificateCode(), b = NewCertificateCode();
  EXPECT_TRUE(IsCertificateCode(a)) << a;
  EXPECT_NE(a, b);
  EXPECT_FALSE(IsCertificateCode("ABCD-EFGH-IJK1"));  // I and 1 are not in the alphabet
  EXPECT_FALSE(IsCertificateCode("ABCDEFGHJKLMN"));
}

TEST(VolunteerCertificates, PdfUsesARealCjkFont) {
  CertificateContent c{"ABCD-EFGH-JKLM",
                       "张志愿示例",
                       750,
                       {{"行星团青年志愿者·社区环境清洁行动", 510}, {"暑期爱心托管班", 240}},
                       "2026-07-01",
                       "https://tianshan.example/verify/ABCD-EFGH-JKLM"};
  auto pdf = RenderCertificatePdf(c);
  ASSERT_TRUE(pdf.ok()) << pdf.status().detail();
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_GT(pdf->size(), 5000u);
  // The Noto CJK font is embedded (as a subset), so Chinese renders on any reader.
  EXPECT_NE(pdf->find("NotoSansCJK"), std::string::npos);
  EXPECT_NE(pdf->find("NotoSerifCJK"), std::string::npos);
  EXPECT_EQ(HoursText(750), "12.5");
  EXPECT_EQ(HoursText(60), "1");
}

}  // namespace
}  // namespace tianshan::volunteering
