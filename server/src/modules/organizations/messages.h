#pragma once
// The organizations module's user-facing messages, zh-CN and English.

#include <vector>

#include "core/messages.h"

namespace tianshan::organizations {

const std::vector<MessageText>& Messages();

}  // namespace tianshan::organizations
