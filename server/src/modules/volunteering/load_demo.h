#pragma once
// Demo data from the Karamay exchange meeting: the volunteer teams the article names —
// 行星团青年志愿者 (visited on site, 天山街道), the volunteers of the 暑期爱心托管班 for migrant
// workers' children (run with 天山“心”家园社工服务社), and 风云社区's community service team —
// with past shifts, check-ins and confirmed hours, pending hour reports, and an upcoming shift
// open for sign-up. Volunteers are the demo accounts' people of 风云社区 plus a dozen other
// people the people demo attached there, read through people's public contract (the module
// creates no people). Needs the organizations and people demo data; does nothing without them.

#include "kit/module.h"

namespace tianshan::volunteering {

Status LoadDemoVolunteering(AppContext& ctx, DemoContext& demo);

}  // namespace tianshan::volunteering
