#pragma once
// The venues the seed article visits (克拉玛依市青年空间, 汉博中央广场群团服务站（阳光驿站）,
// 天山街道社区服务中心, 克拉玛依市青年社会组织培育发展中心, 克拉玛依区创业指导中心), their rooms,
// opening hours and a few bookings in the coming days (some awaiting approval).

#include "kit/module.h"

namespace tianshan::venues {

Status LoadDemoVenues(AppContext& ctx, DemoContext& demo);

}  // namespace tianshan::venues
