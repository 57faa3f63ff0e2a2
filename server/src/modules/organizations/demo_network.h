#pragma once
// The demo network of the Karamay exchange meeting (seed/karamay-exchange-meeting.zh.txt):
// the Xinjiang regional committee with its 14 prefecture and city committees, Karamay's four
// districts down to 天山街道团工委 and its community, enterprise and social-organization
// branches, an industrial park, the Production and Construction Corps with 第七师 and
// 第八师石河子市, and coverage units (some covered, some not). Every organization is recorded
// in DemoContext::organization_ids by its full name.

#include "kit/module.h"

namespace tianshan::organizations {

Status LoadDemoNetwork(AppContext& ctx, DemoContext& demo);

}  // namespace tianshan::organizations
