#pragma once
// The people module's user-facing messages, zh-CN and English.

#include <vector>

#include "core/messages.h"

namespace tianshan::people {

std::vector<MessageText> Messages();

}  // namespace tianshan::people
