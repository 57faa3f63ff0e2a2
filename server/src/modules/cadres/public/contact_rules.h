#pragma once
// Public contract of the cadres module: the platform's closed list of young people's fields and
// the version of the consent text in force, for `tianshan generate` (which writes contacts
// directly) and anything that must agree with the use cases.

#include <array>
#include <string_view>

namespace tianshan::cadres {

// The young person's field, so that "from different fields" can be measured.
inline constexpr std::array<std::string_view, 7> kFields = {"student",    "employee",  "rural", "new_sector",
                                                            "social_org", "freelance", "other"};
// The version of the consent text shown now (cadres.cc CurrentConsent()).
inline constexpr std::string_view kConsentVersion = "2026-1";

}  // namespace tianshan::cadres
