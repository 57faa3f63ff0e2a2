#pragma once
// Steps the contact use cases share: finding a contact as one of its parties, the view a party
// gets, the figures a contact moves when it starts or ends, the age rule, audit texts.

#include <string>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/cadres/contacts/use_cases.h"
#include "modules/cadres/figures.h"

namespace tianshan::cadres {

struct PartyContact {
  Contact contact;
  Cadre cadre;
  bool caller_is_cadre = false;
};
// The contact `id` when the caller is one of its parties; NotFound "cadres.contact_not_found"
// for everyone else (ids reveal nothing).
Result<PartyContact> LoadAsParty(storage::Transaction& tx, const auth::Actor& actor, int64_t id);

// Fills the due flags and what the viewer may do now.
void Decide(ContactView& v, bool viewer_is_cadre, bool cadre_active, const Period& period);
// The view of `contact` for the caller (names, what they may do now).
Result<ContactView> ViewAsParty(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                const Contact& contact, const Cadre& cadre);

// The figures that an active contact adds (sign +1) or takes away (sign -1) for `period`.
FigureDelta ActiveContactDelta(const Contact& c, const Period& period, int sign);

// A new contact of `cadre` with the person, consented now to the text `consent_version`, in the
// young person's `field`; the caller sets status and origin.
Contact ConsentedContact(const Cadre& cadre, int64_t person_id, const std::string& field,
                         const std::string& consent_version, int64_t now);

// Ok when the person is 14 to 35 years old today; otherwise Invalid on `field`.
[[nodiscard]] Status CheckAge(storage::Transaction& tx, const AppContext& ctx, int64_t person_id,
                              const std::string& field);

// A failure of one field with a status of its own (403, 404, 409 naming the field).
Status FieldFailure(StatusCode code, const std::string& field, const std::string& message);

// The audit text of a contact: states and counts only, never the young person.
std::string ContactAuditJson(const Contact& c);

}  // namespace tianshan::cadres
