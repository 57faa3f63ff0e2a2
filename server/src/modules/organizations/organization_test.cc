// Domain invariants of organizations (no database).
#include "modules/organizations/public/organization.h"

#include <gtest/gtest.h>

namespace tianshan::organizations {
namespace {

TEST(OrganizationDomainTest, Phones) {
  for (const char* ok : {"13912345678", "19900001111", "0990-6888888", "010-12345678", "0990-6231305"}) {
    EXPECT_TRUE(IsValidPhone(ok)) << ok;
  }
  for (const char* bad : {"", "12912345678", "1391234567", "139123456789", "990-6888888", "0990-688888",
                          "0990-688888888", "0990 6888888", "0990-68a8888", "+8613912345678", "09906888888"}) {
    EXPECT_FALSE(IsValidPhone(bad)) << bad;
  }
}

TEST(OrganizationDomainTest, Dates) {
  EXPECT_TRUE(IsValidDate("2016-07-17"));
  EXPECT_TRUE(IsValidDate("2024-02-29"));
  EXPECT_FALSE(IsValidDate("2023-02-29"));
  EXPECT_FALSE(IsValidDate("2016-7-17"));
  EXPECT_FALSE(IsValidDate("2016/07/17"));
  EXPECT_FALSE(IsValidDate("2016-13-01"));
  EXPECT_FALSE(IsValidDate("20160717"));
}

TEST(OrganizationDomainTest, TodayInChinaIsUtcPlusEight) {
  // 2026-05-31T16:30:00Z is already 2026-06-01 in China (UTC+8).
  EXPECT_EQ(TodayInChina(1780245000000), "2026-06-01");
  EXPECT_EQ(TodayInChina(1780185600000), "2026-05-31");
}

TEST(OrganizationDomainTest, ValidateFieldsListsEveryProblem) {
  OrganizationFields f;
  f.name = " ";
  f.kind = "club";
  f.setting = "moon";
  f.region_code = "65020";
  f.contact_phone = "12345";
  f.founded_on = "2999-01-01";
  Status s = ValidateFields(f, 1780000000000);
  ASSERT_EQ(s.code(), StatusCode::kInvalid);
  std::vector<std::string> fields;
  for (const auto& e : s.field_errors()) fields.push_back(e.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"name", "kind", "setting", "region_code", "contact_phone", "founded_on"}));
}

TEST(OrganizationDomainTest, Paths) {
  EXPECT_EQ(ChildPath("", 7), "/7/");
  EXPECT_EQ(ChildPath("/1/7/", 31), "/1/7/31/");
  EXPECT_EQ(PathIds("/1/7/31/"), (std::vector<int64_t>{1, 7, 31}));
  EXPECT_TRUE(PathIds("/1//").empty());
  for (const char* bad : {"", "/", "//", "/1", "1/", "/01/", "/a/", "/1/x/"}) EXPECT_FALSE(IsValidPath(bad)) << bad;
}

}  // namespace
}  // namespace tianshan::organizations
