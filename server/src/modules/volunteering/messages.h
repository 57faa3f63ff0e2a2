#pragma once
// The volunteering module's user-facing messages (zh-CN and English).

#include <vector>

#include "core/messages.h"

namespace tianshan::volunteering {

const std::vector<MessageText>& Messages();

}  // namespace tianshan::volunteering
