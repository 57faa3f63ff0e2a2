#pragma once
// Who may do what with services and applications: pure decisions, no I/O. Deny by default; a
// grant covers its organization's whole subtree and nothing above or beside it. The table
// (README.md):
//   services.read     the organization's services, sessions, rosters and applications   committee_admin,
//   branch_secretary, cadre covering it services.manage   create services and sessions; accept, reject, start, complete
//   committee_admin, branch_secretary covering it
// The catalog and a service's page are public; applying and enrolling need a session (any
// account); an applicant reads and withdraws their own application.

#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "kit/permission.h"
#include "modules/services/service.h"

namespace tianshan::services {

bool CanRead(const auth::Actor& actor, std::string_view organization_path);
bool CanManage(const auth::Actor& actor, std::string_view organization_path);

// What the caller may do with one application now (its answer's `can`).
struct ApplicationCan {
  bool accept = false, reject = false, start = false, complete = false, withdraw = false;
  bool message = false;  // the applicant or a manager, while the application is not withdrawn
  bool rate = false;     // the applicant, once, after completion
};
ApplicationCan ApplicationActions(const auth::Actor& actor, const Application& a);

// Whether the caller may see one application and download its file answers: its applicant, or
// services.read on the handling organization.
bool CanSeeApplication(const auth::Actor& actor, const Application& a);

// Whether the caller may withdraw an enrollment now: the account that enrolled, or a manager
// of the offering organization, while it holds a place or a waitlist number and the session
// has not ended (`today` in China time).
bool CanWithdrawEnrollment(const auth::Actor& actor, const Enrollment& e, std::string_view today);

std::vector<PermissionDefinition> Permissions();

}  // namespace tianshan::services
