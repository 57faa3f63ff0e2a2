#include "modules/cadres/contacts/contact_support.h"

#include "core/json.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {

Result<PartyContact> LoadAsParty(storage::Transaction& tx, const auth::Actor& actor, int64_t id) {
  const Status not_found = Status::NotFound("cadres.contact_not_found");
  if (!actor.person_id) return not_found;
  TS_ASSIGN_OR_RETURN(auto contact, FindContact(tx, id));
  if (!contact) return not_found;
  TS_ASSIGN_OR_RETURN(auto cadre, FindCadre(tx, contact->cadre_id));
  if (!cadre) return not_found;
  const bool is_cadre = cadre->person_id == *actor.person_id;
  if (!is_cadre && contact->person_id != *actor.person_id) return not_found;
  return PartyContact{*contact, *cadre, is_cadre};
}

void Decide(ContactView& v, bool viewer_is_cadre, bool cadre_active, const Period& period) {
  const Contact& c = v.contact;
  v.viewer_is_cadre = viewer_is_cadre;
  v.can_accept = v.can_decline = viewer_is_cadre && c.status == "requested";
  v.can_log = viewer_is_cadre && cadre_active && c.active();
  v.can_end = c.open();
  v.can_ask_help = c.active();
  v.activity_due = c.active() && period.ActivityDue(c.last_activity_on);
  v.talk_due = c.active() && period.TalkDue(c.last_talk_on);
}

Result<ContactView> ViewAsParty(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                const Contact& contact, const Cadre& cadre) {
  ContactView v;
  v.contact = contact;
  TS_ASSIGN_OR_RETURN(v.cadre, LoadCadreCard(tx, ctx, cadre));
  const bool is_cadre = actor.person_id && *actor.person_id == cadre.person_id;
  bool cadre_active = false;
  if (is_cadre) {
    TS_ASSIGN_OR_RETURN(auto people, people::PeopleByIds(tx, {contact.person_id}));
    if (auto p = people.find(contact.person_id); p != people.end()) v.person_name = p->second.name;
    TS_ASSIGN_OR_RETURN(auto positions, people::OpenPositionsOf(tx, cadre.person_id));
    cadre_active = !positions.empty();
  }
  TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, Today(ctx), false));
  Decide(v, is_cadre, cadre_active, period);
  return v;
}

Contact ConsentedContact(const Cadre& cadre, int64_t person_id, const std::string& field,
                         const std::string& consent_version, int64_t now) {
  Contact c;
  c.cadre_id = cadre.id;
  c.person_id = person_id;
  c.organization_id = cadre.organization_id;
  c.org_path = cadre.org_path;
  c.field = field;
  c.consent_version = consent_version;
  c.consent_at = c.created_at = c.updated_at = now;
  return c;
}

FigureDelta ActiveContactDelta(const Contact& c, const Period& period, int sign) {
  FigureDelta d;
  d.contacts = sign;
  d.by_field[c.field] = sign;
  d.activity_due = period.ActivityDue(c.last_activity_on) ? sign : 0;
  d.talk_due = period.TalkDue(c.last_talk_on) ? sign : 0;
  return d;
}

Status CheckAge(storage::Transaction& tx, const AppContext& ctx, int64_t person_id, const std::string& field) {
  TS_ASSIGN_OR_RETURN(auto people, people::PeopleByIds(tx, {person_id}));
  auto p = people.find(person_id);
  if (p == people.end()) return Status::Invalid(field, "cadres.person_not_found");
  const int age = AgeOn(p->second.birth_date, Today(ctx));
  if (age < kMinAge || age > kMaxAge) return Status::Invalid(field, "cadres.age_out_of_range");
  return Status::Ok();
}

Status FieldFailure(StatusCode code, const std::string& field, const std::string& message) {
  return Status(code, message).WithField(field, message);
}

std::string ContactAuditJson(const Contact& c) {
  JsonOut out;
  out.StartObject()
      .Field("cadre_id", c.cadre_id)
      .Field("status", c.status)
      .Field("origin", c.origin)
      .Field("field", c.field)
      .Field("consent_version", c.consent_version)
      .EndObject();
  return out.Take();
}

}  // namespace tianshan::cadres
