#pragma once
// Demo "4+1" served units (load_demo.cc): the cadre of 天山街道团工委 posted in the demo also
// serves 风云社区团支部 (a service confirmed, one disputed) and 佳福小区团支部 (one waiting).

#include "kit/module.h"

namespace tianshan::cadres {

[[nodiscard]] Status LoadDemoUnits(storage::Transaction& tx, AppContext& ctx, DemoContext& demo);

}  // namespace tianshan::cadres
