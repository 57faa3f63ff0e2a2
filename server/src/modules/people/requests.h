#pragma once
// What the people routes read from a request: path ids, query filters and JSON bodies into use
// case inputs, every field error collected (one complete 422 per request; see http/edge.h).
// The people list's query is read here once, for the list and for its spreadsheet export.

#include <optional>
#include <string>
#include <string_view>

#include "http/edge.h"
#include "modules/people/appoint_position.h"
#include "modules/people/create_person.h"
#include "modules/people/list_corrections.h"
#include "modules/people/list_people.h"
#include "modules/people/list_transfers.h"
#include "modules/people/request_correction.h"
#include "modules/people/start_transfer.h"
#include "modules/people/update_person.h"

namespace tianshan::people {

// Page bounds of the people, transfer and correction lists.
inline constexpr int kDefaultListLimit = 50;
inline constexpr int kMaxListLimit = 200;
// People of one selection (?ids= of the list and its export).
inline constexpr size_t kMaxSelection = 1000;

// GET /organizations/{id}/people (and its export): ?scope=self|subtree&kind=member|youth|cadre
// (empty: all)&ethnicity=&education=&ids=&limit=&cursor=, the term in X-Search-Query
// (http/search_header.h: a ?q= is a 422 naming q).
Result<ListPeopleInput> ParseListPeople(const http::HttpRequest& req);
// GET /organizations/{id}/transfers: ?direction= (required) &status=&limit=&cursor=.
Result<ListTransfersInput> ParseListTransfers(const http::HttpRequest& req);
// GET /organizations/{id}/corrections: ?status=&limit=&cursor=.
Result<ListCorrectionsInput> ParseListCorrections(const http::HttpRequest& req);

Result<CreatePersonInput> ParseCreatePerson(const http::HttpRequest& req);
// Name and identity number change only through a correction (422 naming them).
Result<PersonPatch> ParsePersonPatch(const http::HttpRequest& req);
Result<AppointPositionInput> ParseAppointPosition(const http::HttpRequest& req);
// {"ended_on"?: date}; an empty body ends the position today.
Result<std::optional<std::string>> ParseEndPosition(const http::HttpRequest& req);
Result<StartTransferInput> ParseStartTransfer(const http::HttpRequest& req);
// {"branch_id": id}: the branch of the receiving subtree that takes the member.
Result<int64_t> ParseAcceptTransfer(const http::HttpRequest& req);
// {"reason": text}, required: rejecting a transfer or a correction.
Result<std::string> ParseReason(const http::HttpRequest& req);
Result<RequestCorrectionInput> ParseRequestCorrection(const http::HttpRequest& req);

}  // namespace tianshan::people
