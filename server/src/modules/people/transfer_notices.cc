#include "modules/people/transfer_notices.h"

#include "modules/notifications/public/notify.h"

namespace tianshan::people {

Status NoticeTransferWaiting(storage::Transaction& tx, const AppContext& ctx, const Transfer& t) {
  if (!t.pending()) return Status::Ok();
  const bool sender = !t.released();
  const int64_t org = sender ? t.from_organization_id : t.to_organization_id;
  notifications::Notification n{"people.transfer_waiting",
                                sender ? "people.notice.release_title" : "people.notice.accept_title",
                                sender ? "people.notice.release_body" : "people.notice.accept_body",
                                {{"name", t.person_name}},
                                "/app/organizations/" + std::to_string(org) + "/transfers",
                                std::nullopt};
  notifications::Recipients to{.organization_id = org,
                               .roles = {auth::Role::kCommitteeAdmin, auth::Role::kBranchSecretary}};
  return notifications::Notify(tx, ctx, to, n).status();
}

Status NoticeTransferDecided(storage::Transaction& tx, const AppContext& ctx, const Transfer& t) {
  const bool accepted = t.status == "accepted";
  notifications::Notification n{"people.transfer_decided",
                                accepted ? "people.notice.accepted_title" : "people.notice.rejected_title",
                                accepted ? "people.notice.accepted_body" : "people.notice.rejected_body",
                                {{"reason", t.reason.value_or("")}},
                                "/app",
                                std::nullopt};
  return notifications::Notify(tx, ctx, {.people = {t.person_id}}, n).status();
}

}  // namespace tianshan::people
