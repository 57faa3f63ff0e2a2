#include "generate/synthetic.h"

#include "modules/volunteering/volunteering.h"

namespace tianshan::generate {

std::string DateOfDay(int64_t day) { return volunteering::ChinaDate(ChinaTimeOnDay(day, 0)); }

}  // namespace tianshan::generate
