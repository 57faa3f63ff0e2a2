#pragma once
// JSON of the pieces every cadres answer shares: a cadre's card, the period, the consent text.

#include "core/json.h"
#include "core/messages.h"
#include "modules/cadres/cadre_card.h"
#include "modules/cadres/period.h"

namespace tianshan::cadres {

void WriteCard(JsonOut& out, const CadreCard& card);
void WritePeriod(JsonOut& out, const Period& p);
// {"version": …, "text": …} in the request's language.
void WriteConsent(JsonOut& out, Lang lang);
// Whole days from the day `from` ("YYYY-MM-DD") to today.
int64_t DaysSince(const std::string& from, const std::string& today);

}  // namespace tianshan::cadres
