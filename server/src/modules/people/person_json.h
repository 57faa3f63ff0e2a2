#pragma once
// JSON shapes of people, memberships and positions, masked by what the reader may see.

#include <string>

#include "core/json.h"
#include "modules/people/get_person.h"

namespace tianshan::people {

// Phone and identity number as the reader may see them (permissions.h).
std::optional<std::string> VisiblePhone(const std::optional<std::string>& phone, View view);
std::optional<std::string> VisibleIdentity(const std::optional<std::string>& identity, View view);

// The person's own fields, masked by `view`, with "organization" {id, name} (name may be "").
void WritePersonFields(JsonOut& out, const Person& p, View view, const std::string& organization_name);
void WritePosition(JsonOut& out, const Position& p, const std::string& organization_name);
// The full object of GET /people/{id} (and of the answers of writes to one person), with
// `can`: {"people.update", "people.request_correction", "people.appoint_position",
// "people.transfer"} for the reader.
std::string PersonDetailsJson(const PersonDetails& d);

}  // namespace tianshan::people
