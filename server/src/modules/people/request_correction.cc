#include "modules/people/request_correction.h"

#include "modules/people/create_person.h"
#include "modules/people/person_repository.h"

namespace tianshan::people {

Result<CorrectionView> RequestCorrection(const AppContext& ctx, const Caller& caller, int64_t person_id,
                                         const RequestCorrectionInput& in) {
  std::vector<FieldError> errors;
  if (!in.name && !in.identity_number) errors.push_back({"name", "people.correction_empty", {}});
  if (in.name && in.name->find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"name", "field.empty", {}});
  }
  if (in.identity_number && !IsValidIdentityNumber(*in.identity_number)) {
    errors.push_back({"identity_number", "people.bad_identity_number", {}});
  }
  if (in.reason.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back({"reason", "field.empty", {}});
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<CorrectionView> {
    TS_ASSIGN_OR_RETURN(VisiblePerson vp, LoadVisiblePerson(tx, ctx, caller.actor, person_id, true));
    if (!CanManagePeople(caller.actor, vp.person.org_path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(bool pending, HasPendingCorrection(tx, person_id));
    if (pending) return Status::Conflict("people.correction_pending");
    if (in.identity_number) {
      TS_ASSIGN_OR_RETURN(auto holder, FindPersonByIdentity(tx, *in.identity_number));
      if (holder && holder->id != person_id) return DuplicateIdentity(tx, ctx, caller.actor, *holder);
    }
    Correction c;
    c.person_id = person_id;
    c.org_path = vp.person.org_path;
    c.old_name = vp.person.fields.name;
    c.new_name = in.name;
    c.old_identity_number = vp.person.fields.identity_number;
    c.new_identity_number = in.identity_number;
    c.reason = in.reason;
    c.status = "pending";
    c.requested_by = caller.actor.account_id;
    c.created_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(c.id, InsertCorrection(tx, c));
    TS_RETURN_IF_ERROR(Audit(tx, ctx, caller, "correction.request", "correction", c.id, c.org_path, "",
                             CorrectionAuditJson(c)));
    return CorrectionView{c, vp.view};
  });
}

}  // namespace tianshan::people
