#pragma once
// Demo "8+4" postings (load_demo.cc): a cadre of 天山街道团工委 posted to the seed's 风云社区
// (ended, logged, reported and confirmed) and now to 佳福小区 (running, logged).

#include "kit/module.h"

namespace tianshan::cadres {

[[nodiscard]] Status LoadDemoPostings(storage::Transaction& tx, AppContext& ctx, DemoContext& demo);

}  // namespace tianshan::cadres
