#pragma once
// The use cases of "1+100" contacts: invitations, consent, interactions, help requests. Each
// runs in one transaction: load → validate → authorize → change (figures in the same
// transaction) → audit → notify.
//
// Who sees a contact: exactly its two parties, the cadre and the young person. Nobody else —
// not a committee admin, not a branch secretary — reaches a contact, an invitation addressed to
// someone, an interaction or a help request by any route: their ids answer 404. Audit entries
// of the cadre's actions carry counts and states, never the young person or free text; those
// of the young person's own actions carry no organization (no subtree's log lists them).
// Notifications name no young person (mail waiting in the outbox is shown to admins).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/cadres/cadre_card.h"
#include "modules/cadres/cadres.h"
#include "modules/cadres/period.h"

namespace tianshan::cadres {

// --- the cadre's workspace ------------------------------------------------------------------
struct Workspace {
  CadreCard card;
  Cadre figures;        // id 0 before the first change
  bool active = false;  // holds an open cadre position (may invite and log)
  int requested = 0;    // young people waiting for an answer
  Period period;
};
Result<Workspace> GetWorkspace(const AppContext& ctx, const auth::Actor& actor);

// --- invitations ----------------------------------------------------------------------------
struct CreateInvitationInput {
  std::optional<int64_t> person_id;  // addressed to this person (one the cadre may see)
  std::optional<std::string> field;  // suggested field
};
struct InvitationView {
  Invitation invitation;
  std::optional<std::string> person_name;  // of an addressed invitation (the cadre's view)
};
Result<InvitationView> CreateInvitation(const AppContext& ctx, const auth::Caller& caller,
                                        const CreateInvitationInput& input);
Result<std::vector<InvitationView>> ListInvitations(const AppContext& ctx, const auth::Actor& actor);
Result<InvitationView> RevokeInvitation(const AppContext& ctx, const auth::Caller& caller, int64_t id);

// What a young person sees when they open an invitation link.
struct InvitationOffer {
  Invitation invitation;
  CadreCard cadre;
  bool for_you = true;  // false: addressed to someone else (cannot be accepted)
  bool expired = false;
  std::optional<int64_t> existing_contact_id;  // already in contact with this cadre
  bool can_accept = false;
  bool can_decline = false;
};
Result<InvitationOffer> ViewInvitation(const AppContext& ctx, const auth::Actor& actor, const std::string& token);

struct ConsentInput {
  std::string field;
  std::string consent_version;
};
// What a party sees of one contact: the contact, the other side and what they may do now.
struct ContactView {
  Contact contact;
  CadreCard cadre;
  std::optional<std::string> person_name;  // the young person's name: only in the cadre's view
  bool viewer_is_cadre = false;
  bool activity_due = false;  // active, no offline activity this quarter (of the period)
  bool talk_due = false;      // active, no face-to-face talk this year (of the period)
  bool can_accept = false;    // cadre, a request waiting for them
  bool can_decline = false;   // cadre, a request waiting for them
  bool can_end = false;       // either side, while requested or active
  bool can_log = false;       // cadre with an open position, active contact
  bool can_ask_help = false;  // either side, active contact
};
Result<ContactView> AcceptInvitation(const AppContext& ctx, const auth::Caller& caller, const std::string& token,
                                     const ConsentInput& input);
// Declines an invitation addressed to the caller; a personal link is simply not accepted (nothing
// is recorded). Answers the invitation as it is afterwards.
Result<InvitationOffer> DeclineInvitation(const AppContext& ctx, const auth::Caller& caller, const std::string& token);

// --- asking a cadre, answering, ending -----------------------------------------------------------
struct CardView {
  CadreCard card;
  std::optional<int64_t> existing_contact_id;
  bool can_request = false;
};
Result<CardView> GetCadreCard(const AppContext& ctx, const auth::Actor& actor, int64_t cadre_id);
Result<ContactView> RequestContact(const AppContext& ctx, const auth::Caller& caller, int64_t cadre_id,
                                   const ConsentInput& input);
Result<ContactView> DecideRequest(const AppContext& ctx, const auth::Caller& caller, int64_t contact_id, bool accept);
Result<ContactView> EndContact(const AppContext& ctx, const auth::Caller& caller, int64_t contact_id);

// --- the cadre's contacts ----------------------------------------------------------------------
struct ContactListQuery {
  std::string status = "active";  // requested, active, ended, all
  std::optional<std::string> field;
  std::optional<std::string> due;  // activity, talk
  std::optional<std::string> q;    // name contains
  std::optional<int64_t> after_id;
  int limit = 50;
};
struct ContactPage {
  std::vector<ContactView> items;
  std::optional<int64_t> next_cursor;
  Period period;
};
Result<ContactPage> ListContacts(const AppContext& ctx, const auth::Actor& actor, const ContactListQuery& query);

struct ContactDetails {
  ContactView view;
  std::vector<Interaction> interactions;  // newest first, at most 200
  std::vector<HelpRequest> help;          // newest first
  Period period;
};
Result<ContactDetails> GetContact(const AppContext& ctx, const auth::Actor& actor, int64_t contact_id);

// --- interactions and help ---------------------------------------------------------------------
struct LogInteractionInput {
  std::string kind;
  std::string occurred_on;
  std::vector<int64_t> contact_ids;
  std::optional<std::string> summary;
};
Result<Interaction> LogInteraction(const AppContext& ctx, const auth::Caller& caller, const LogInteractionInput& input);
struct InteractionPage {
  std::vector<Interaction> items;
  std::optional<int64_t> next_cursor;
};
Result<InteractionPage> ListInteractions(const AppContext& ctx, const auth::Actor& actor,
                                         std::optional<int64_t> contact_id, std::optional<int64_t> before_id,
                                         int limit);

struct RaiseHelpInput {
  std::string category;
  std::optional<std::string> description;
};
Result<HelpRequest> RaiseHelpRequest(const AppContext& ctx, const auth::Caller& caller, int64_t contact_id,
                                     const RaiseHelpInput& input);
struct UpdateHelpInput {
  std::string status;
  std::optional<std::string> help_given;
};
Result<HelpRequest> UpdateHelpRequest(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                      const UpdateHelpInput& input);
struct HelpPage {
  std::vector<HelpRequest> items;
  std::map<int64_t, std::string> names;  // the young people's names, by contact id (the cadre's)
  std::optional<int64_t> next_cursor;
};
Result<HelpPage> ListHelpRequests(const AppContext& ctx, const auth::Actor& actor, bool open_only,
                                  std::optional<int64_t> before_id, int limit);

// --- 我的团干部: the young person's page --------------------------------------------------------
struct MyCadres {
  std::vector<ContactView> contacts;  // every contact of the caller, newest first
  std::vector<HelpRequest> help;      // every help request of those contacts
};
Result<MyCadres> GetMyCadres(const AppContext& ctx, const auth::Actor& actor);
struct MyInteractionPage {
  std::vector<std::pair<Interaction, int64_t>> items;  // with the caller's contact it concerns
  std::optional<int64_t> next_cursor;
};
Result<MyInteractionPage> ListMyInteractions(const AppContext& ctx, const auth::Actor& actor,
                                             std::optional<int64_t> before_id, int limit);

}  // namespace tianshan::cadres
