#include "modules/people/decide_correction.h"

#include "modules/people/create_person.h"
#include "modules/people/person_repository.h"

namespace tianshan::people {
namespace {

struct Loaded {
  Correction correction;
  VisiblePerson person;
};

Result<Loaded> LoadForDecision(storage::Transaction& tx, const AppContext& ctx, const Caller& caller, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto c, FindCorrection(tx, id, true));
  if (!c) return Status::NotFound("people.correction_not_found");
  auto vp = LoadVisiblePerson(tx, ctx, caller.actor, c->person_id, true);
  if (!vp.ok()) {
    if (vp.status().code() == StatusCode::kNotFound) return Status::NotFound("people.correction_not_found");
    return vp.status();
  }
  if (!CanDecideCorrection(caller.actor, vp->person.org_path)) return Status::Forbidden("people.correction_above_only");
  if (c->requested_by == caller.actor.account_id) return Status::Forbidden("people.correction_own");
  if (c->status != "pending") return Status::Conflict("people.correction_not_pending");
  return Loaded{std::move(*c), std::move(vp).value()};
}

}  // namespace

Result<CorrectionView> ApproveCorrection(const AppContext& ctx, const Caller& caller, int64_t id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<CorrectionView> {
    TS_ASSIGN_OR_RETURN(Loaded l, LoadForDecision(tx, ctx, caller, id));
    const Person& before = l.person.person;
    Person after = before;
    if (l.correction.new_name) after.fields.name = *l.correction.new_name;
    if (l.correction.new_identity_number) {
      TS_ASSIGN_OR_RETURN(auto holder, FindPersonByIdentity(tx, *l.correction.new_identity_number));
      if (holder && holder->id != before.id) return DuplicateIdentity(tx, ctx, caller.actor, *holder);
      after.fields.identity_number = l.correction.new_identity_number;
      after.fields.birth_date = IdentityBirthDate(*l.correction.new_identity_number);
    }
    const int64_t now = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(UpdatePersonFields(tx, before.id, after.fields, now));
    TS_RETURN_IF_ERROR(DecideCorrection(tx, id, "approved", std::nullopt, caller.actor.account_id, now));
    TS_RETURN_IF_ERROR(Audit(tx, ctx, caller, "person.correct", "person", before.id, before.org_path,
                             PersonAuditJson(before), PersonAuditJson(after)));
    TS_ASSIGN_OR_RETURN(auto decided, FindCorrection(tx, id));
    TS_RETURN_IF_ERROR(Audit(tx, ctx, caller, "correction.approve", "correction", id, before.org_path,
                             CorrectionAuditJson(l.correction), CorrectionAuditJson(*decided)));
    return CorrectionView{std::move(*decided), l.person.view};
  });
}

Result<CorrectionView> RejectCorrection(const AppContext& ctx, const Caller& caller, int64_t id,
                                        const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) return Status::Invalid("reason", "field.empty");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<CorrectionView> {
    TS_ASSIGN_OR_RETURN(Loaded l, LoadForDecision(tx, ctx, caller, id));
    TS_RETURN_IF_ERROR(
        DecideCorrection(tx, id, "rejected", reason, caller.actor.account_id, ctx.clock.NowMillis()));
    TS_ASSIGN_OR_RETURN(auto decided, FindCorrection(tx, id));
    TS_RETURN_IF_ERROR(Audit(tx, ctx, caller, "correction.reject", "correction", id, l.person.person.org_path,
                             CorrectionAuditJson(l.correction), CorrectionAuditJson(*decided)));
    return CorrectionView{std::move(*decided), l.person.view};
  });
}

}  // namespace tianshan::people
