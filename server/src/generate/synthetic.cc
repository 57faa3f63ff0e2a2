#include "generate/synthetic.h"

#include "core/calendar.h"

namespace tianshan::generate {

std::string DateOfDay(int64_t day) { return TodayInChina(ChinaTimeOnDay(day, 0)); }

}  // namespace tianshan::generate
