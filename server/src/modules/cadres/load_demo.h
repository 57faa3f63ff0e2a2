#pragma once
// Demo data of the cadres module from the seed article: the cadres of 克拉玛依市团委, 克拉玛依区团委
// and 天山街道团工委 in the register; the demo cadre in contact with the demo young person and
// league member of 风云社区团支部 (consented 60 days ago), an offline activity this quarter, a
// face-to-face talk with one of them, an online exchange, and help requests open (10 days old)
// and resolved. Figures move exactly as requests would move them.

#include "kit/module.h"

namespace tianshan::cadres {

Status LoadDemo(AppContext& ctx, DemoContext& demo);

}  // namespace tianshan::cadres
