#include "modules/people/list_corrections.h"

namespace tianshan::people {

Result<CorrectionPage> ListOrganizationCorrections(const AppContext& ctx, const auth::Actor& actor,
                                                   const ListCorrectionsInput& in) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<CorrectionPage> {
    TS_ASSIGN_OR_RETURN(auto org, LoadListedOrganization(tx, actor, in.organization_id));
    if (!CanManagePeople(actor, org.path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(auto rows, ListCorrections(tx, org.path, in.status, in.after_id, in.limit));
    CorrectionPage page;
    for (auto& c : rows) {
      if (static_cast<int>(page.items.size()) == in.limit) {
        page.next_cursor = page.items.back().correction.id;
        break;
      }
      View view = PersonView(actor, {c.org_path}, IsSelf(actor, c.person_id));
      const bool decide = CanDecideNow(actor, c);
      page.items.push_back({std::move(c), view, decide});
    }
    return page;
  });
}

}  // namespace tianshan::people
