#pragma once
// The cadres module's messages (problem details, notifications, export headers) in zh-CN and
// English.

#include <vector>

#include "core/messages.h"

namespace tianshan::cadres {

std::vector<MessageText> Messages();

}  // namespace tianshan::cadres
