#pragma once
// A statistics counter a module keeps per organization (self and rolled up the subtree; see
// modules/organizations/public/counters.h). Declared in the module's manifest so that the
// statistics screens and `verify-counters` know every key, its labels and who keeps it.

#include <string>

namespace tianshan {

struct CounterDefinition {
  std::string key;       // "members", "volunteer.minutes"
  std::string label_zh;  // "团员"
  std::string label_en;  // "League members"
};

}  // namespace tianshan
