#pragma once
// Domain types of the cadres module and their closed lists. No I/O.
//
// A cadre (团干部) is a person with an open cadre position and an account; the register row
// (Cadre) keeps them at the organization of that position with their maintained figures. A
// contact exists only with the young person's consent (the version of the text they were
// shown and when); only the cadre and the young person ever see whom it connects.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/cadres/public/contact_rules.h"

namespace tianshan::cadres {

// The young person's field, so that "from different fields" can be measured (platform list).
inline const std::vector<std::string>& Fields() {
  static const std::vector<std::string> f(kFields.begin(), kFields.end());
  return f;
}
inline const std::vector<std::string>& InteractionKinds() {
  static const std::vector<std::string> k = {"online", "activity", "talk"};
  return k;
}
inline const std::vector<std::string>& HelpCategories() {
  static const std::vector<std::string> c = {"employment", "study", "mental", "legal", "hardship", "other"};
  return c;
}
// open → in_progress → resolved | referred (to a service).
inline const std::vector<std::string>& HelpStatuses() {
  static const std::vector<std::string> s = {"open", "in_progress", "resolved", "referred"};
  return s;
}
inline bool HelpIsOpen(std::string_view status) { return status == "open" || status == "in_progress"; }

// Who may be contacted: 14 to 35 years old (a minor under 14 never).
inline constexpr int kMinAge = 14;
inline constexpr int kMaxAge = 35;
inline constexpr int kDefaultContactTarget = 100;
inline constexpr int kDefaultPostingMonths = 4;
inline constexpr int64_t kHelpOverdueDays = 7;
inline constexpr int64_t kInvitationDays = 30;
// Free text says what was done, never what anyone thinks of the person.
inline constexpr size_t kMaxSummary = 200;
inline constexpr size_t kMaxTasks = 500;
inline constexpr size_t kMaxReport = 2000;
inline constexpr size_t kMaxContactsPerInteraction = 500;

// The consent text a young person is shown, by version. Accepting names the version shown; a
// superseded version is refused, so a consent always points at the text that was read.
struct ConsentText {
  std::string version;
  std::string zh;
  std::string en;
};
const ConsentText& CurrentConsent();

struct Cadre {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  int contact_target = kDefaultContactTarget;
  int active_contacts = 0;
  int fields_covered = 0;
  int activity_due = 0;
  int talk_due = 0;
  int help_open = 0;
  int help_overdue = 0;
  std::optional<std::string> oldest_help_on;
  int posting_days = 0;
  int service_minutes = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct Invitation {
  int64_t id = 0;
  int64_t cadre_id = 0;
  std::string token;
  std::optional<int64_t> person_id;  // addressed to this person; nullopt: the cadre's personal link
  std::optional<std::string> field;  // suggested
  std::string status;                // open, accepted, declined, revoked
  int accepted_count = 0;
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> decided_at;
};

struct Contact {
  int64_t id = 0;
  int64_t cadre_id = 0;
  int64_t person_id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  std::string field;
  std::string status;  // requested, active, declined, ended
  std::string origin;  // invitation, request
  std::optional<int64_t> invitation_id;
  std::string consent_version;
  int64_t consent_at = 0;
  std::optional<int64_t> started_at;
  std::optional<int64_t> ended_at;
  std::optional<std::string> ended_by;  // youth, cadre
  std::optional<std::string> last_online_on;
  std::optional<std::string> last_activity_on;
  std::optional<std::string> last_talk_on;
  int64_t created_at = 0;
  int64_t updated_at = 0;

  bool active() const { return status == "active"; }
  bool open() const { return status == "active" || status == "requested"; }
};

struct Interaction {
  int64_t id = 0;
  int64_t cadre_id = 0;
  std::string org_path;
  std::string kind;
  std::string occurred_on;
  std::optional<std::string> summary;
  int contact_count = 0;
  int64_t created_by = 0;
  int64_t created_at = 0;
};

struct HelpRequest {
  int64_t id = 0;
  int64_t contact_id = 0;
  int64_t cadre_id = 0;
  std::string org_path;
  std::string category;
  std::optional<std::string> description;
  std::string status;
  std::optional<std::string> help_given;
  std::string raised_by;  // youth, cadre
  std::string created_on;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::optional<int64_t> closed_at;
};

// "8+4": a posting of a cadre to a grass-roots (host) organization, planned by a committee.
// The cadre keeps a work log during it and writes a report at the end; the host confirms it.
struct Posting {
  int64_t id = 0;
  int64_t cadre_id = 0;
  int64_t organization_id = 0;  // the cadre's
  std::string org_path;
  int64_t host_organization_id = 0;
  std::string host_path;
  std::string starts_on;
  std::string ends_on;
  std::string tasks;
  std::string status = "planned";  // planned, cancelled
  std::optional<std::string> report;
  std::optional<int64_t> reported_at;
  std::optional<int64_t> confirmed_by;
  std::optional<int64_t> confirmed_at;
  std::optional<std::string> cancel_reason;
  std::optional<int64_t> cancelled_by;
  std::optional<int64_t> cancelled_at;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct PostingLog {
  int64_t id = 0;
  int64_t posting_id = 0;
  std::string worked_on;
  int minutes = 0;
  std::string what;
  int64_t created_at = 0;
};
inline constexpr int64_t kMaxPostingDays = 366;
inline constexpr int kMaxLogMinutes = 24 * 60;

// Whole years between `birth_date` and `today` (both "YYYY-MM-DD"); -1 when either is malformed.
int AgeOn(std::string_view birth_date, std::string_view today);

}  // namespace tianshan::cadres
