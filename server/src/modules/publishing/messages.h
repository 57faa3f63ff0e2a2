#pragma once
// The publishing module's messages (zh-CN and English).

#include <vector>

#include "core/messages.h"

namespace tianshan::publishing {

std::vector<MessageText> Messages();

}  // namespace tianshan::publishing
