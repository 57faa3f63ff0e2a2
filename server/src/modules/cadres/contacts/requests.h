#pragma once
// What the contact routes read from a request (http/edge.h: every field error at once).

#include "http/edge.h"
#include "modules/cadres/contacts/use_cases.h"

namespace tianshan::cadres {

Result<CreateInvitationInput> ParseCreateInvitation(const http::HttpRequest& req);
Result<ConsentInput> ParseConsent(const http::HttpRequest& req);
Result<ContactListQuery> ParseContactList(const http::HttpRequest& req);
Result<LogInteractionInput> ParseLogInteraction(const http::HttpRequest& req);
Result<RaiseHelpInput> ParseRaiseHelp(const http::HttpRequest& req);
Result<UpdateHelpInput> ParseUpdateHelp(const http::HttpRequest& req);
// An invitation token from the path: 400 when it cannot be one.
Result<std::string> TokenOf(const http::HttpRequest& req);

}  // namespace tianshan::cadres
