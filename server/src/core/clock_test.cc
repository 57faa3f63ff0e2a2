// FormatUtc: RFC 3339 UTC with milliseconds, the only timestamp format the API writes.
#include "core/clock.h"

#include <gtest/gtest.h>

namespace tianshan {
namespace {

TEST(FormatUtcTest, WritesRfc3339WithMilliseconds) {
  EXPECT_EQ(FormatUtc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatUtc(1'782'867'600'007), "2026-07-01T01:00:00.007Z");
  EXPECT_EQ(FormatUtc(951'782'399'999), "2000-02-28T23:59:59.999Z");
  EXPECT_EQ(FormatUtc(951'782'400'000), "2000-02-29T00:00:00.000Z");  // leap day
  EXPECT_EQ(FormatUtc(4'102'444'799'123), "2099-12-31T23:59:59.123Z");
  EXPECT_EQ(FormatUtc(-1), "1969-12-31T23:59:59.999Z");
}

}  // namespace
}  // namespace tianshan
