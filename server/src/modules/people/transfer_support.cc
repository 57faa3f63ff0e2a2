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
  a.self = IsSelf(actor, a.transfer.person_id);
  a.sending = CanHandleTransfers(actor, a.from_path);
  a.receiving = CanHandleTransfers(actor, a.to_path);
  if (!a.self && !a.sending && !a.receiving) return Status::NotFound("people.transfer_not_found");
  return a;
}

std::string TransferAuditJson(const Transfer& t) {
  JsonOut out;
  out.StartObject()
      .Field("person_id", t.person_id)
      .Field("from_organization_id", t.from_organization_id)
      .Field("to_organization_id", t.to_organization_id)
      .Field("branch_id", t.branch_id)
      .Field("status", t.status)
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

void WriteTransfer(JsonOut& out, const Transfer& t, const TransferNames& names, int64_t now_millis) {
  constexpr int64_t kDay = 24LL * 3600 * 1000;
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
  out.Field("status", t.status).Field("note", t.note).Field("reason", t.reason);
  out.Field("created_at", FormatUtc(t.created_at));
  out.Key("decided_at");
  if (t.decided_at) {
    out.String(FormatUtc(*t.decided_at));
  } else {
    out.Null();
  }
  out.Field("age_days", (std::max<int64_t>(0, now_millis - t.created_at)) / kDay);
  out.EndObject();
}

std::string TransferJson(const Transfer& t, const TransferNames& names, int64_t now_millis) {
  JsonOut out;
  WriteTransfer(out, t, names, now_millis);
  return out.Take();
}

Result<TransferView> ReloadTransfer(storage::Transaction& tx, const AppContext& ctx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto t, FindTransfer(tx, id));
  if (!t) return Status::Internal("error.internal").WithDetail("transfer vanished");
  TS_ASSIGN_OR_RETURN(auto names, LoadTransferNames(tx, ctx, *t));
  return TransferView{std::move(*t), std::move(names)};
}

}  // namespace tianshan::people
