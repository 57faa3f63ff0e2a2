#include "modules/people/get_person.h"

#include "modules/people/person_repository.h"
#include "modules/people/public/people.h"

namespace tianshan::people {

Result<PersonDetails> LoadPersonDetails(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                        int64_t id) {
  PersonDetails d;
  TS_ASSIGN_OR_RETURN(d.visible, LoadVisiblePerson(tx, ctx, actor, id));
  TS_ASSIGN_OR_RETURN(d.membership, FindActiveMembership(tx, id));
  TS_ASSIGN_OR_RETURN(d.positions, ListPositions(tx, id));
  std::vector<int64_t> ids{d.visible.person.organization_id};
  if (d.membership) ids.push_back(d.membership->organization_id);
  for (const auto& p : d.positions) ids.push_back(p.organization_id);
  for (int64_t org_id : ids) {
    if (d.organization_names.count(org_id)) continue;
    TS_ASSIGN_OR_RETURN(auto ref, FindOrganizationRef(tx, ctx, org_id));
    d.organization_names[org_id] = ref ? ref->name : "";
  }
  return d;
}

Result<PersonDetails> GetPerson(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) { return LoadPersonDetails(tx, ctx, actor, id); });
}

Result<PersonBrief> FindVisiblePerson(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                      int64_t id) {
  TS_ASSIGN_OR_RETURN(VisiblePerson v, LoadVisiblePerson(tx, ctx, actor, id));
  const Person& p = v.person;
  return PersonBrief{p.id, p.fields.name, p.fields.birth_date, p.organization_id, p.is_member};
}

}  // namespace tianshan::people
