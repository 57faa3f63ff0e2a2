#include "app/module_registry.h"

#include "modules/accounts/module.h"
#include "modules/audit/module.h"
#include "modules/cadres/module.h"
#include "modules/jobs/module.h"
#include "modules/notifications/module.h"
#include "modules/organizations/module.h"
#include "modules/people/module.h"
#include "modules/publishing/module.h"
#include "modules/services/module.h"
#include "modules/spreadsheets/module.h"
#include "modules/venues/module.h"
#include "modules/volunteering/module.h"

namespace tianshan {

std::vector<ModuleDefinition> AllModules() {
  std::vector<ModuleDefinition> modules;
  modules.push_back(audit::AuditModule());
  modules.push_back(jobs::JobsModule());
  modules.push_back(notifications::NotificationsModule());
  modules.push_back(OrganizationsModule());
  modules.push_back(PeopleModule());
  modules.push_back(VolunteeringModule());
  modules.push_back(cadres::CadresModule());
  modules.push_back(venues::VenuesModule());
  modules.push_back(services::ServicesModule());
  // Spreadsheets after every module with a list export: an export takes its list route's gate.
  modules.push_back(SpreadsheetsModule());
  // Accounts come after the modules whose demo data they grant roles on.
  modules.push_back(accounts::AccountsModule());
  // Publishing's demo names the demo accounts (column editors, the seed article's reviewer).
  modules.push_back(publishing::PublishingModule());
  return modules;
}

}  // namespace tianshan
