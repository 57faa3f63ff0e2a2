#pragma once
// JSON of contacts, invitations, interactions and help requests (the contacts routes).

#include "core/json.h"
#include "core/messages.h"
#include "modules/cadres/contacts/use_cases.h"

namespace tianshan::cadres {

void WriteWorkspace(JsonOut& out, const Workspace& w);
void WriteContact(JsonOut& out, const ContactView& v);
// `base_url`: the scheme and host the client used, for the link a QR code carries.
void WriteInvitation(JsonOut& out, const InvitationView& v, const std::string& base_url);
void WriteOffer(JsonOut& out, const InvitationOffer& o, Lang lang);
void WriteCardView(JsonOut& out, const CardView& v, Lang lang);
void WriteInteraction(JsonOut& out, const Interaction& i, std::optional<int64_t> contact_id = std::nullopt);
// `today` gives age_days; `name` the young person's (the cadre's lists).
void WriteHelp(JsonOut& out, const HelpRequest& h, const std::string& today, bool can_update,
               const std::optional<std::string>& name = std::nullopt);
void WriteContactDetails(JsonOut& out, const ContactDetails& d, const std::string& today);
void WriteMyCadres(JsonOut& out, const MyCadres& m, const std::string& today, Lang lang);

}  // namespace tianshan::cadres
