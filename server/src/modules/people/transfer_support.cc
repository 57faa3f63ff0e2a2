#include "modules/people/transfer_support.h"

#include "core/json.h"

namespace tianshan::people {

Result<TransferAccess> LoadTransferAccess(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                          int64_t id, bool for_update) {
  TS_ASSIGN_OR_RETURN(auto t, FindTransfer(tx, id, for_update));
  if (!t) return Status::NotFound("people.transfer_not_found");
  TransferAccess a;
  a.transfer = std::move(*t);
  TS_ASSIGN_OR_RETURN(a.from_path, CurrentPath(tx, ctx, a.transfer.from_organization_id, a.transfer.from_path));
  TS_ASSIGN_OR_RETURN(a.to_path, CurrentPath(tx, ctx, a.transfer.to_organization_id, a.transfer.to_path));
  a.sides.self = IsSelf(actor, a.transfer.person_id);
  a.sides.sending = CanHandleTransfers(actor, a.from_path);
  a.sides.receiving = CanHandleTransfers(actor, a.to_path);
  if (!a.sides.self && !a.sides.sending && !a.sides.receiving) return Status::NotFound("people.transfer_not_found");
  a.can = ActionsOf(a.sides, a.transfer);
  return a;
}

Status RequireTransferAction(const TransferAccess& a, TransferAction action) {
  const Transfer& t = a.transfer;
  if (!t.pending()) return Status::Conflict("people.transfer_not_pending");
  switch (action) {
    case TransferAction::kRelease:
      if (!a.sides.sending) return Status::Forbidden("people.transfer_sending_only");
      if (!a.can.release) return Status::Conflict("people.transfer_already_released");
      return Status::Ok();
    case TransferAction::kAccept:
      if (!a.sides.receiving) return Status::Forbidden("people.transfer_receiving_only");
      if (!a.can.accept) return Status::Conflict("people.transfer_awaiting_sender");
      return Status::Ok();
    case TransferAction::kReject:
      if (!a.can.reject) return Status::Forbidden("people.transfer_other_side");
      return Status::Ok();
    case TransferAction::kCancel:
      if (!a.can.cancel) return Status::Forbidden("people.transfer_cancel_side");
      return Status::Ok();
  }
  return Status::Forbidden();
}

TransferSides SidesOf(const auth::Actor& actor, const Transfer& t) {
  return {IsSelf(actor, t.person_id), CanHandleTransfers(actor, t.from_path), CanHandleTransfers(actor, t.to_path)};
}

TransferActions ActionsOf(const TransferSides& sides, const Transfer& t) {
  return AllowedTransferActions(sides, t.pending(), t.released(), t.initiated_by.value_or(""));
}

std::string TransferAuditJson(const Transfer& t) {
  JsonOut out;
  out.StartObject()
      .Field("person_id", t.person_id)
      .Field("from_organization_id", t.from_organization_id)
      .Field("to_organization_id", t.to_organization_id)
      .Field("branch_id", t.branch_id)
      .Field("status", t.status)
      .Field("released_by", t.released_by)
      .Field("reason", t.reason)
      .EndObject();
  return out.Take();
}

Result<TransferNames> LoadTransferNames(storage::Transaction& tx, const AppContext& ctx, const Transfer& t) {
  TransferNames n;
  TS_ASSIGN_OR_RETURN(auto from, FindOrganizationRef(tx, ctx, t.from_organization_id));
  TS_ASSIGN_OR_RETURN(auto to, FindOrganizationRef(tx, ctx, t.to_organization_id));
  if (from) n.from = from->name;
  if (to) n.to = to->name;
  if (t.branch_id) {
    TS_ASSIGN_OR_RETURN(auto branch, FindOrganizationRef(tx, ctx, *t.branch_id));
    if (branch) n.branch = branch->name;
  }
  return n;
}

namespace {

void OptionalTime(JsonOut& out, const char* key, const std::optional<int64_t>& millis) {
  out.Key(key);
  if (millis) {
    out.String(FormatUtc(*millis));
  } else {
    out.Null();
  }
}

}  // namespace

void WriteTransfer(JsonOut& out, const TransferView& v, int64_t now_millis) {
  constexpr int64_t kDay = 24LL * 3600 * 1000;
  const Transfer& t = v.transfer;
  const TransferNames& names = v.names;
  out.StartObject().Field("id", t.id);
  out.Key("person").StartObject().Field("id", t.person_id).Field("name", t.person_name).EndObject();
  out.Key("from").StartObject().Field("id", t.from_organization_id).Field("name", names.from).EndObject();
  out.Key("to").StartObject().Field("id", t.to_organization_id).Field("name", names.to).EndObject();
  out.Key("branch");
  if (t.branch_id) {
    out.StartObject().Field("id", *t.branch_id).Field("name", names.branch).EndObject();
  } else {
    out.Null();
  }
  out.Field("status", t.status);
  const std::string_view stage = TransferStage(t);
  out.Key("stage");
  if (stage.empty()) {
    out.Null();
  } else {
    out.String(stage);
  }
  out.Field("initiated_by", t.initiated_by).Field("note", t.note).Field("reason", t.reason);
  out.Field("created_at", FormatUtc(t.created_at));
  OptionalTime(out, "released_at", t.released_at);
  OptionalTime(out, "decided_at", t.decided_at);
  out.Field("age_days", (std::max<int64_t>(0, now_millis - t.created_at)) / kDay);
  out.Key("can")
      .StartObject()
      .Field("release", v.can.release)
      .Field("accept", v.can.accept)
      .Field("reject", v.can.reject)
      .Field("cancel", v.can.cancel)
      .EndObject();
  out.EndObject();
}

std::string TransferJson(const TransferView& v, int64_t now_millis) {
  JsonOut out;
  WriteTransfer(out, v, now_millis);
  return out.Take();
}

Result<TransferView> ReloadTransfer(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                    int64_t id) {
  TS_ASSIGN_OR_RETURN(auto t, FindTransfer(tx, id));
  if (!t) return Status::Internal("error.internal").WithDetail("transfer vanished");
  TS_ASSIGN_OR_RETURN(auto names, LoadTransferNames(tx, ctx, *t));
  TransferActions can = ActionsOf(SidesOf(actor, *t), *t);
  return TransferView{std::move(*t), std::move(names), can};
}

}  // namespace tianshan::people
