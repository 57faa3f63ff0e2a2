#pragma once
// The services the seed article names: 天山“心”家园社工服务社 and 乐龄社工服务社 (applications in
// every state), 创业指导 of 克拉玛依区 (applications), and the 暑期爱心托管班 of 天山街道 (the 2016
// class with its enrolled children, and next summer's, open for enrollment).

#include "kit/module.h"

namespace tianshan::services {

Status LoadDemoServices(AppContext& ctx, DemoContext& demo);

}  // namespace tianshan::services
