#include "modules/volunteering/public/hours_rule.h"

#include "modules/volunteering/volunteering.h"

namespace tianshan::volunteering {

int64_t CreditedMinutes(std::string_view rule, int64_t session_millis) {
  if (session_millis <= 0) return 0;
  int64_t minutes = session_millis / 60000;
  if (rule == "exact") return minutes;
  if (rule == "half_hour_floor") return minutes / 30 * 30;
  int64_t full = minutes / 60 * 60;
  int64_t rest = minutes % 60;
  if (rest < 15) return full;
  if (rest < 45) return full + 30;
  return full + 60;
}

std::string LedgerMonth(int64_t worked_at) { return ChinaMonth(worked_at); }

}  // namespace tianshan::volunteering
