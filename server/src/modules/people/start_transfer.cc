#include "modules/people/start_transfer.h"

#include "modules/people/person_repository.h"
#include "modules/people/transfer_notices.h"

namespace tianshan::people {
namespace {

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

Status ValidateStart(const StartTransferInput& in) {
  if (in.person_id.has_value() == in.identity_number.has_value()) {
    return Status::Invalid("person_id", "people.person_or_identity");
  }
  if (in.identity_number && (!in.name || Trimmed(*in.name).empty())) {
    return Status::Invalid("name", "people.transfer_name_required");
  }
  return Status::Ok();
}

}  // namespace

Result<TransferView> StartTransfer(const AppContext& ctx, const Caller& caller, const StartTransferInput& in) {
  TS_RETURN_IF_ERROR(ValidateStart(in));
  const auth::Actor& actor = caller.actor;
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TransferView> {
    TS_ASSIGN_OR_RETURN(auto to, FindOrganizationRef(tx, ctx, in.to_organization_id));
    if (!to) return Status::Invalid("to_organization_id", "people.organization_unknown");
    std::optional<Person> person;
    if (in.person_id) {
      TS_ASSIGN_OR_RETURN(person, FindPerson(tx, *in.person_id, true));
      if (!person) return Status::NotFound("people.not_found");
    } else {
      // Only callers who may receive members look people up, and only by number and name.
      if (!CanHandleTransfers(actor, to->path)) return Status::Forbidden();
      TS_ASSIGN_OR_RETURN(person, FindPersonByIdentity(tx, NormalizeIdentityNumber(*in.identity_number)));
      if (!person || !person->is_member || person->fields.name != Trimmed(*in.name)) {
        return Status::Invalid("identity_number", "people.no_member_with_identity");
      }
    }
    TS_ASSIGN_OR_RETURN(auto membership, FindActiveMembership(tx, person->id));
    TS_ASSIGN_OR_RETURN(std::string from_path,
                        membership ? CurrentPath(tx, ctx, membership->organization_id, membership->org_path)
                                   : Result<std::string>(std::string()));
    const bool self = IsSelf(actor, person->id);
    const bool sending = membership && CanHandleTransfers(actor, from_path);
    const bool receiving = CanHandleTransfers(actor, to->path);
    if (in.person_id && !self && !sending) {
      // A person named by id must be visible to the caller.
      auto visible = LoadVisiblePerson(tx, ctx, actor, person->id);
      if (!visible.ok()) return visible.status();
      if (!receiving) return Status::Forbidden();
    }
    if (!self && !sending && !receiving) return Status::Forbidden();
    if (!membership) return Status::Conflict("people.not_a_member");
    if (membership->organization_id == to->id) {
      return Status::Invalid("to_organization_id", "people.transfer_same_organization");
    }
    TS_ASSIGN_OR_RETURN(bool pending, HasPendingTransfer(tx, person->id));
    if (pending) return Status::Conflict("people.transfer_pending");
    Transfer t;
    t.person_id = person->id;
    t.membership_id = membership->id;
    t.from_organization_id = membership->organization_id;
    t.from_path = from_path;
    t.to_organization_id = to->id;
    t.to_path = to->path;
    t.note = in.note;
    t.requested_by = actor.account_id;
    t.created_at = ctx.clock.NowMillis();
    t.status = "pending";
    // The sending side's word (or the member's own) releases the membership at once.
    t.initiated_by = sending ? "sending" : self ? "member" : "receiving";
    if (sending || self) {
      t.released_by = actor.account_id;
      t.released_at = t.created_at;
    }
    TS_ASSIGN_OR_RETURN(t.id, InsertTransfer(tx, t));
    t.person_name = person->fields.name;
    TS_RETURN_IF_ERROR(NoticeTransferWaiting(tx, ctx, t));
    TS_RETURN_IF_ERROR(Audit(tx, ctx, caller, "transfer.start", "transfer", t.id, from_path, "", TransferAuditJson(t)));
    return ReloadTransfer(tx, ctx, actor, t.id);
  });
}

}  // namespace tianshan::people
