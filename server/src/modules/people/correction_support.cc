#include "modules/people/correction_support.h"

#include "core/masking.h"
#include "kit/permission.h"
#include "modules/people/permissions.h"
#include "modules/people/person_json.h"

namespace tianshan::people {

bool CanDecideNow(const auth::Actor& actor, const Correction& c) {
  return c.status == "pending" && c.requested_by != actor.account_id && CanDecideCorrection(actor, c.org_path);
}

void WriteCorrection(JsonOut& out, const Correction& c, View view, std::optional<bool> can_decide) {
  out.StartObject().Field("id", c.id);
  out.Key("person").StartObject().Field("id", c.person_id).Field("name", c.old_name).EndObject();
  out.Field("old_name", c.old_name)
      .Field("new_name", c.new_name)
      .Field("old_identity_number", VisibleIdentity(c.old_identity_number, view))
      .Field("new_identity_number", VisibleIdentity(c.new_identity_number, view))
      .Field("reason", c.reason)
      .Field("status", c.status)
      .Field("decision_reason", c.decision_reason)
      .Field("created_at", FormatUtc(c.created_at));
  out.Key("decided_at");
  if (c.decided_at) {
    out.String(FormatUtc(*c.decided_at));
  } else {
    out.Null();
  }
  if (can_decide) WriteCan(out, {{"approve", *can_decide}, {"reject", *can_decide}});
  out.EndObject();
}

std::string CorrectionJson(const CorrectionView& c) {
  JsonOut out;
  WriteCorrection(out, c.correction, c.view, c.can_decide);
  return out.Take();
}

std::string CorrectionAuditJson(const Correction& c) {
  JsonOut out;
  WriteCorrection(out, c, View::kMasked);
  return out.Take();
}

}  // namespace tianshan::people
