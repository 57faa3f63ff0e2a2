#pragma once
// What the help-request use cases share.

#include <string>

#include "modules/cadres/cadres.h"

namespace tianshan::cadres {

// The audit text of a help request: category and states, never the texts.
std::string HelpAuditJson(const HelpRequest& h);

}  // namespace tianshan::cadres
