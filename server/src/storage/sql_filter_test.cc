// SqlFilter: only the filters present are added, every value bound, the subtree as a range.
#include "storage/sql_filter.h"

#include <gtest/gtest.h>

#include "storage/sql_text.h"

namespace tianshan::storage {
namespace {

TEST(SqlFilterTest, AddsPresentFiltersOnly) {
  SqlFilter f("id < ?", {int64_t{99}});
  f.Subtree("org_path", std::string("/1/7/"));
  f.Equals("status", std::optional<std::string>());
  f.Equals("account_id", std::optional<int64_t>(5));
  f.Equals("status", std::optional<std::string>("pending"));
  EXPECT_EQ(f.sql(), "id < ? AND org_path >= ? AND org_path < ? AND account_id = ? AND status = ?");
  auto params = f.With(51);
  ASSERT_EQ(params.size(), 6u);
  EXPECT_EQ(std::get<std::string_view>(params[1].value()), "/1/7/");
  EXPECT_EQ(std::get<std::string_view>(params[2].value()), PrefixUpperBound("/1/7/"));
  EXPECT_EQ(std::get<int64_t>(params[3].value()), 5);
  EXPECT_EQ(std::get<std::string_view>(params[4].value()), "pending");
  EXPECT_EQ(std::get<int64_t>(params[5].value()), 51);
}

}  // namespace
}  // namespace tianshan::storage
