#include "core/crypto.h"
#include "core/json.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/people/public/people.h"

namespace tianshan::cadres {
namespace {

constexpr int64_t kDayMillis = 24LL * 3600 * 1000;

std::string AuditJson(const Invitation& i) {
  JsonOut out;
  out.StartObject().Field("addressed", i.person_id.has_value()).Field("field", i.field);
  out.Field("expires_at", FormatUtc(i.expires_at)).EndObject();
  return out.Take();
}

}  // namespace

Result<InvitationView> CreateInvitation(const AppContext& ctx, const auth::Caller& caller,
                                        const CreateInvitationInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<InvitationView> {
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, caller.actor, /*enroll=*/true,
                                                        /*require_position=*/true));
    InvitationView view;
    if (input.person_id) {
      // Addressed: a person the cadre may see (their subtree), of age, not already in contact.
      if (*input.person_id == me.cadre.person_id) return Status::Invalid("person_id", "cadres.self_contact");
      auto person = people::FindVisiblePerson(tx, ctx, caller.actor, *input.person_id);
      if (person.status().code() == StatusCode::kNotFound)
        return Status::Invalid("person_id", "cadres.person_not_found");
      TS_RETURN_IF_ERROR(person.status());
      TS_RETURN_IF_ERROR(CheckAge(tx, ctx, person->id, "person_id"));
      TS_ASSIGN_OR_RETURN(auto open, OpenContactBetween(tx, me.cadre.id, person->id));
      if (open) return FieldFailure(StatusCode::kConflict, "person_id", "cadres.already_in_contact");
      view.person_name = person->name;
    }
    Invitation& i = view.invitation;
    i.cadre_id = me.cadre.id;
    i.token = RandomToken(18);
    i.person_id = input.person_id;
    i.field = input.field;
    i.status = "open";
    i.created_at = ctx.clock.NowMillis();
    i.expires_at = i.created_at + kInvitationDays * kDayMillis;
    TS_ASSIGN_OR_RETURN(i.id, InsertInvitation(tx, i));
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.invitation.create", "cadres_invitation", i.id, me.cadre.org_path, "", AuditJson(i)}));
    return view;
  });
}

}  // namespace tianshan::cadres
