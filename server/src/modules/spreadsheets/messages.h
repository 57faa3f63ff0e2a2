#pragma once
// User-facing messages of the spreadsheets module (zh-CN and English): one for every reason a
// row, a file or a job can be refused.

#include <vector>

#include "core/messages.h"

namespace tianshan::spreadsheets {

std::vector<MessageText> Messages();

}  // namespace tianshan::spreadsheets
