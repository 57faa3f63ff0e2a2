#include "modules/cadres/contacts/help_support.h"

#include "core/json.h"

namespace tianshan::cadres {

std::string HelpAuditJson(const HelpRequest& h) {
  // States only: the description and the help given stay between the two parties.
  JsonOut out;
  out.StartObject().Field("contact_id", h.contact_id).Field("category", h.category).Field("status", h.status);
  out.Field("raised_by", h.raised_by).EndObject();
  return out.Take();
}

}  // namespace tianshan::cadres
