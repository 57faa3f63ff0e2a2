#pragma once
// Use case: corrections of people in an organization's subtree by status (default pending),
// oldest first; keyset pagination by id. Readable by committee_admin and branch_secretary
// covering the organization (404 when unseen, 403 for other roles); identity numbers masked
// unless the reader may see them in full.

#include "modules/people/correction_support.h"

namespace tianshan::people {

struct CorrectionPage {
  std::vector<CorrectionView> items;
  std::optional<int64_t> next_cursor;
};

struct ListCorrectionsInput {
  int64_t organization_id = 0;
  std::string status = "pending";  // a CorrectionStatuses() value
  std::optional<int64_t> after_id;
  int limit = 50;
};

Result<CorrectionPage> ListOrganizationCorrections(const AppContext& ctx, const auth::Actor& actor,
                                                   const ListCorrectionsInput& input);

}  // namespace tianshan::people
