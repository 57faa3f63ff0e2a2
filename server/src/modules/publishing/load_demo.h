#pragma once
// The demo's publishing: 克拉玛依市团委's columns 群团工作 › 共青团工作 and 通知公告, the cadre as their
// editor, and the seed article itself as the first published article, with the clean breadcrumb.
// Runs after the accounts module's demo (it names the editor and reviewer accounts).

#include "kit/module.h"

namespace tianshan::publishing {

inline constexpr const char* kSeedFile = "modules/publishing/demo/karamay-exchange-meeting.zh.txt";

Status LoadDemo(AppContext& ctx, DemoContext& demo);

}  // namespace tianshan::publishing
