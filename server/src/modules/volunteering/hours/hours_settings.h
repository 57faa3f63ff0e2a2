#pragma once
// Use cases for the per-organization hours rule (hours_rule.h): read the rule in force
// (anyone who may read the organization's figures) and set it (committee_admin covering).
// Setting it applies to sessions confirmed afterwards; confirmed hours never change.

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct HoursSetting {
  int64_t organization_id = 0;
  std::string hours_rule;  // in force
  bool inherited = false;  // set on an ancestor (or the default), not here
};

Result<HoursSetting> GetHoursSetting(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id);
Result<HoursSetting> SetHoursRule(const AppContext& ctx, const Caller& caller, int64_t organization_id,
                                  const std::string& rule);

}  // namespace tianshan::volunteering
