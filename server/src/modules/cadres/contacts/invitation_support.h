#pragma once
// The invitation as the caller sees it (view, accept, decline share it).

#include "modules/cadres/contacts/use_cases.h"

namespace tianshan::cadres {

// NotFound "cadres.invitation_not_found" for an unknown token.
Result<InvitationOffer> LoadOffer(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                  const std::string& token);

}  // namespace tianshan::cadres
