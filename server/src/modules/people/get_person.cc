#include "modules/people/get_person.h"

#include "modules/people/correction_repository.h"
#include "modules/people/person_repository.h"
#include "modules/people/public/people.h"

namespace tianshan::people {

Result<PersonDetails> LoadPersonDetails(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                        int64_t id) {
  PersonDetails d;
  TS_ASSIGN_OR_RETURN(d.visible, LoadVisiblePerson(tx, ctx, actor, id));
  TS_ASSIGN_OR_RETURN(d.membership, FindActiveMembership(tx, id));
  d.positions = d.visible.positions;
  // Each statement is a round trip on PostgreSQL: what LoadVisiblePerson read is not read again.
  d.organization_names[d.visible.person.organization_id] = d.visible.organization_name;
  std::vector<int64_t> ids;
  if (d.membership) ids.push_back(d.membership->organization_id);
  for (const auto& p : d.positions) ids.push_back(p.organization_id);
  for (int64_t org_id : ids) {
    if (d.organization_names.count(org_id)) continue;
    TS_ASSIGN_OR_RETURN(auto ref, FindOrganizationRef(tx, ctx, org_id));
    d.organization_names[org_id] = ref ? ref->name : "";
  }
  const Person& p = d.visible.person;
  TS_ASSIGN_OR_RETURN(PendingChanges pending, FindPendingChanges(tx, id));
  d.can = AllowedPersonActions(actor, p.org_path, IsSelf(actor, id), d.membership.has_value(), pending.correction,
                               pending.transfer);
  return d;
}

Result<PersonDetails> GetPerson(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) { return LoadPersonDetails(tx, ctx, actor, id); });
}

Result<PersonBrief> FindVisiblePerson(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                      int64_t id) {
  if (IsSelf(actor, id)) {
    // One's own person is always visible (PersonView): the row alone answers, without the
    // organization and position reads that decide visibility for others (round trips on
    // PostgreSQL, on every sign-up of a storm).
    TS_ASSIGN_OR_RETURN(auto person, FindPerson(tx, id));
    if (!person) return Status::NotFound("people.not_found");
    return PersonBrief{person->id, person->fields.name, person->fields.birth_date, person->organization_id,
                       person->is_member};
  }
  TS_ASSIGN_OR_RETURN(VisiblePerson v, LoadVisiblePerson(tx, ctx, actor, id));
  const Person& p = v.person;
  return PersonBrief{p.id, p.fields.name, p.fields.birth_date, p.organization_id, p.is_member};
}

}  // namespace tianshan::people
