#pragma once
// A statistics counter a module keeps per organization (self and rolled up the subtree; see
// modules/organizations/public/counters.h). Declared in the module's manifest so that the
// screens know every key, its labels and where its items are listed (the overdue view of an
// organization lists every counter of the "overdue" group).

#include <string>

namespace tianshan {

struct CounterDefinition {
  std::string key;       // "members", "volunteer.minutes"
  std::string label_zh;  // "团员"
  std::string label_en;  // "League members"
  // "overdue": work waiting past its time, listed on an organization's overdue view.
  std::string group;
  // Where the count's items are listed in the web app; "{id}" is the organization's id.
  std::string link;
};

}  // namespace tianshan
