// The permission matrix over every route (issue 15, item 3), on SQLite and PostgreSQL.
//
// Every operation of the served OpenAPI document is called by every demo role and by a guest,
// on an object inside and an object outside the role's subtree, and the answer is checked
// against the route's gate: the `http::Gated(router, ...)` of its registration (http/gate.h), naming a
// manifest permission (kit/permission.h, the same list as the module README's table and the
// payloads' `can`), kGateSelf, kGateSignedIn or kGatePublic. The path's object is resolved
// from the demo data by the collection segment before its first parameter (Fixtures() below),
// plus what the test makes first through the API: objects inside 风云社区团支部 and outside
// 克拉玛依市团委 and 新疆维吾尔自治区团委 (MakeObjectsIn), a cadre with contacts in the branch and
// in the parallel root (MakeCadreWithContacts), and one object of each account-owned kind per
// account that can own one (MakeOwnedObjects). `TIANSHAN_MATRIX_SKIPPED=1` lists the calls with
// no object in their scope: only "inside" (the caller's own) for accounts that cannot own one
// (an import for a role without imports, an invitation for a non-cadre, a certificate for an
// account with no person) and "inside" for platform-wide jobs.
//
//   guest on a non-public route                  → 401
//   permission allows the role on the object     → not 401, 403 or 404
//   permission denies                            → 403 or 404 (ids reveal nothing)
//   any out-of-scope request                     → the answer carries none of the object's
//                                                  personal data (name, identity number, phone)
//
// A denied write carries a valid body (sampled from its request schema, BodyOverrides() where
// the schema cannot tell) and its required query, so that the permission refuses it, not the
// validation; the few still refused at validation (400/422) are counted and listed. An allowed
// write sends `{}`, so that it changes nothing later calls read.
// A kGateSelf route on an account-owned object (an import, an enrollment, a certificate, an
// invitation, a session, a notification) is decided too: "inside" is the caller's own object,
// allowed; "outside" another account's, denied (unless `or_permission` allows it).
//
// Transfers are gated on the side that must act (`people.transfers@from`, `@to`, `@awaited`):
// the matrix shows that a secretary of the sending branch cannot accept, and a secretary of
// the receiving side cannot release.

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "app/app.h"
#include "app/openapi_document.h"
#include "core/calendar.h"
#include "http/gate.h"
#include "modules/accounts/public/create_account.h"
#include "modules/jobs/public/jobs.h"
#include "modules/notifications/public/notify.h"
#include "testing/demo_api_test.h"
#include "testing/openapi_contract.h"

namespace tianshan::testing {
namespace {

// Collection segment before the path's first parameter → the object's row. Each query gives
// `id`, `org_path` and, when the object is about a person, `person_id` and/or `names` (text
// that would identify someone: an applicant's or booker's name). `own_account`: the account
// whose object it is (an applicant's), which is then never the caller's, as `person_id`.
const std::map<std::string, std::string>& Fixtures() {
  static const std::map<std::string, std::string> kFixtures = {
      {"organizations", "SELECT id, path AS org_path, NULL AS person_id, '' AS names FROM organizations_organizations"},
      {"people", "SELECT id, org_path, id AS person_id, '' AS names FROM people_persons"},
      {"positions", "SELECT id, org_path, person_id, '' AS names FROM people_positions"},
      // Pending transfers first (`rank`): a decided one is refused for its state before its sides.
      {"transfers",
       "SELECT id, from_path AS org_path, person_id, '' AS names, CASE WHEN status = 'pending' THEN 0 ELSE 1 END "
       "AS rank FROM people_transfers"},
      {"corrections",
       "SELECT id, org_path, person_id, '' AS names, requested_by AS own_account FROM people_corrections"},
      {"coverage-units",
       "SELECT c.id, o.path AS org_path, NULL AS person_id, '' AS names FROM organizations_coverage_units c "
       "JOIN organizations_organizations o ON o.id = c.organization_id"},
      {"columns", "SELECT id, org_path, NULL AS person_id, '' AS names, id AS column_id FROM publishing_columns"},
      {"articles", "SELECT id, org_path, NULL AS person_id, '' AS names, column_id FROM publishing_articles"},
      {"services", "SELECT id, org_path, NULL AS person_id, '' AS names FROM services_services"},
      {"sessions",
       "SELECT s.id, v.org_path, NULL AS person_id, '' AS names FROM services_sessions s "
       "JOIN services_services v ON v.id = s.service_id"},
      {"applications",
       "SELECT id, org_path, NULL AS person_id, applicant_name AS names, account_id AS own_account FROM "
       "services_applications"},
      {"venues", "SELECT id, org_path, NULL AS person_id, '' AS names FROM venues_venues"},
      {"rooms",
       "SELECT r.id, v.org_path, NULL AS person_id, '' AS names FROM venues_rooms r JOIN venues_venues v ON v.id = "
       "r.venue_id WHERE r.archived_at IS NULL"},
      {"bookings",
       "SELECT id, org_path, NULL AS person_id, booker_name AS names, account_id AS own_account FROM venues_bookings"},
      {"teams", "SELECT id, org_path, NULL AS person_id, '' AS names, id AS team_id FROM volunteering_teams"},
      {"projects", "SELECT id, org_path, NULL AS person_id, '' AS names, team_id FROM volunteering_projects"},
      {"shifts",
       "SELECT s.id, p.org_path, NULL AS person_id, '' AS names, p.team_id FROM volunteering_shifts s "
       "JOIN volunteering_projects p ON p.id = s.project_id"},
      {"sign-ups",
       "SELECT g.id, p.org_path, g.person_id, '' AS names, p.team_id FROM volunteering_signups g "
       "JOIN volunteering_shifts s ON s.id = g.shift_id JOIN volunteering_projects p ON p.id = s.project_id"},
      {"contacts", "SELECT id, org_path, person_id, '' AS names FROM cadres_contacts"},
      {"help-requests", "SELECT id, org_path, NULL AS person_id, '' AS names FROM cadres_help_requests"},
      {"served-units", "SELECT id, unit_path AS org_path, NULL AS person_id, '' AS names FROM cadres_served_units"},
      {"unit-services", "SELECT id, unit_path AS org_path, NULL AS person_id, '' AS names FROM cadres_services"},
      // A posting has two organizations: the cadre's and the host. Its routes are decided at the host (confirm
      // is the host's; cancel needs both and the demo's hosts lie inside the cadres' organizations); the
      // cadre's name is what no one outside may see.
      {"postings",
       "SELECT p.id, p.host_path AS org_path, c.person_id, '' AS names FROM cadres_postings p "
       "JOIN cadres_cadres c ON c.id = p.cadre_id"},
      // A cadre's card is shown to everyone signed in (its name by design), never the cadre's
      // identity number or phone (`private_person_id`).
      {"cards",
       "SELECT id, org_path, NULL AS person_id, '' AS names, person_id AS private_person_id FROM cadres_cadres"},
      {"entries", "SELECT id, org_path, person_id, '' AS names, team_id FROM volunteering_ledger"},
      {"reports",
       "SELECT r.id, t.org_path, r.person_id, '' AS names, r.team_id FROM volunteering_hour_reports r "
       "JOIN volunteering_teams t ON t.id = r.team_id"},
      // Platform-wide: no organization (org_path ''), so outside every subtree.
      {"jobs", "SELECT id, '' AS org_path, NULL AS person_id, '' AS names FROM jobs_jobs"},
      // Owned by an account (`owner_account`): for these "inside" means the caller's own and
      // "outside" someone else's, whatever the organization; `or_permission` names the
      // permission that also allows another account's (services README: "the enrolling
      // account, or services.manage").
      {"certificates",
       "SELECT c.id, p.org_path, c.person_id, c.name AS names, a.id AS owner_account FROM volunteering_certificates c "
       "JOIN people_persons p ON p.id = c.person_id JOIN auth_accounts a ON a.person_id = c.person_id"},
      {"enrollments",
       "SELECT e.id, v.org_path, NULL AS person_id, e.participant_name AS names, e.account_id AS owner_account, "
       "'services.manage' AS or_permission FROM services_enrollments e JOIN services_services v ON v.id = "
       "e.service_id"},
      {"invitations",
       "SELECT i.id, c.org_path, i.person_id, '' AS names, a.id AS owner_account FROM cadres_invitations i "
       "JOIN cadres_cadres c ON c.id = i.cadre_id JOIN auth_accounts a ON a.person_id = c.person_id"},
      {"list",
       "SELECT created_at AS id, substr(token_digest, 1, 16) AS path_key, '' AS org_path, NULL AS person_id, "
       "'' AS names, account_id AS owner_account FROM auth_sessions"},
      {"notifications",
       "SELECT id, '' AS org_path, NULL AS person_id, '' AS names, account_id AS owner_account FROM "
       "notifications_notifications"},
  };
  return kFixtures;
}

nlohmann::json Sample(const nlohmann::json& document, nlohmann::json schema, int depth = 0);

struct RoleUnderTest {
  std::string login;  // "" for the guest
  auth::Actor actor;
  std::string scope_path;  // the subtree "inside" means
  // Teams the account's person leads and columns it edits or reviews: the volunteering and
  // publishing permissions also pass there, whatever the organization (module READMEs).
  std::set<int64_t> led_teams;
  std::set<std::pair<int64_t, std::string>> columns;  // (column, editor | reviewer)
  std::set<std::string> edited_organizations;         // paths of the organizations of `columns` it edits
  std::unique_ptr<HttpClient> client;
};

struct Object {
  int64_t id = 0;
  std::string key;  // the path segment: the id, or `path_key` (a session's digest prefix, an import's id)
  std::optional<int64_t> owner_account;
  std::string or_permission;
  std::string org_path;
  std::string from_path, to_path;
  bool released = false;
  std::vector<std::string> personal;  // strings no out-of-scope answer may contain
  std::optional<int64_t> team_id, column_id;
};

struct Tally {
  size_t checks = 0, scoped = 0, unscoped = 0, no_fixture = 0, refused_before_object = 0, leaks = 0;
  size_t owned = 0, platform_inside = 0, streams = 0, valid_bodies = 0;
  std::set<std::string> routes, missing_fixture_kinds;
  std::map<std::string, size_t> refused_by_operation;  // denied writes still decided by validation
  std::map<std::string, size_t> skipped_by_kind;       // "people outside as region-admin" → calls
};

// An object kept in memory only (an import job), found like a fixture row.
struct MemoryObject {
  std::string key;
  int64_t owner_account = 0;
  std::string org_path;
};

class PermissionMatrixTest : public DemoApiTest {
 protected:
  template <typename T>
  T ReadOrFail(const std::function<Result<T>(storage::Transaction&)>& fn) {
    auto r = server().app().db().Read(fn);
    EXPECT_TRUE(r.ok()) << r.status().detail();
    return r.ok() ? *r : T{};
  }

  std::string OrganizationPath(const std::string& name) {
    return ReadOrFail<std::string>([&](storage::Transaction& tx) -> Result<std::string> {
      auto row = tx.QueryOne("SELECT path FROM organizations_organizations WHERE name = ?", {name});
      if (!row.ok()) return row.status();
      return *row ? (*row)->Text("path") : std::string();
    });
  }

  // The actor as the server resolves it: its grants with their organizations' paths.
  RoleUnderTest Role(const std::string& login) {
    RoleUnderTest role;
    role.login = login;
    role.client = Client();
    if (login.empty()) {
      role.scope_path = OrganizationPath("风云社区团支部");
      return role;
    }
    role.actor = ReadOrFail<auth::Actor>([&](storage::Transaction& tx) -> Result<auth::Actor> {
      auth::Actor actor;
      auto account = tx.QueryOne("SELECT id, person_id FROM auth_accounts WHERE login = ?", {login});
      if (!account.ok()) return account.status();
      actor.account_id = (*account)->Int("id");
      actor.login = login;
      actor.person_id = (*account)->OptInt("person_id");
      auto grants = tx.Query(
          "SELECT g.organization_id, g.role, o.path FROM auth_grants g JOIN organizations_organizations o ON o.id = "
          "g.organization_id WHERE g.account_id = ?",
          {actor.account_id});
      if (!grants.ok()) return grants.status();
      for (const auto& g : *grants) {
        actor.grants.push_back({g.Int("organization_id"), g.Text("path"), "", *auth::ParseRole(g.Text("role"))});
      }
      return actor;
    });
    EXPECT_EQ(role.actor.grants.size(), 1u) << login;
    using Memberships = std::pair<std::set<int64_t>, std::set<std::pair<int64_t, std::string>>>;
    auto memberships = ReadOrFail<Memberships>([&](storage::Transaction& tx) -> Result<Memberships> {
      Memberships out;
      auto teams = tx.Query(
          "SELECT team_id FROM volunteering_team_members WHERE person_id = ? AND role = 'leader' AND status = "
          "'active'",
          {role.actor.person_id.value_or(-1)});
      if (!teams.ok()) return teams.status();
      for (const auto& t : *teams) out.first.insert(t.Int("team_id"));
      auto columns = tx.Query("SELECT column_id, role FROM publishing_column_members WHERE account_id = ?",
                              {role.actor.account_id});
      if (!columns.ok()) return columns.status();
      for (const auto& c : *columns) out.second.insert({c.Int("column_id"), c.Text("role")});
      return out;
    });
    role.edited_organizations =
        ReadOrFail<std::set<std::string>>([&](storage::Transaction& tx) -> Result<std::set<std::string>> {
          auto rows = tx.Query(
              "SELECT o.path FROM publishing_column_members m JOIN publishing_columns c ON c.id = m.column_id JOIN "
              "organizations_organizations o ON o.id = c.organization_id WHERE m.account_id = ? AND m.role = 'editor'",
              {role.actor.account_id});
          if (!rows.ok()) return rows.status();
          std::set<std::string> out;
          for (const auto& r : *rows) out.insert(r.Text("path"));
          return out;
        });
    role.led_teams = memberships.first;
    role.columns = memberships.second;
    if (!role.actor.grants.empty()) role.scope_path = role.actor.grants[0].organization_path;
    EXPECT_EQ(role.client->Login(login, "tianshan-demo").status, 200) << login;
    return role;
  }

  int64_t OrganizationId(const std::string& path) {
    return ReadOrFail<int64_t>([&](storage::Transaction& tx) -> Result<int64_t> {
      auto row = tx.QueryOne("SELECT id FROM organizations_organizations WHERE path = ?", {path});
      if (!row.ok()) return row.status();
      return *row ? (*row)->Int("id") : int64_t{0};
    });
  }

  int64_t AccountId(const std::string& login) {
    return ReadOrFail<int64_t>([&](storage::Transaction& tx) -> Result<int64_t> {
      auto row = tx.QueryOne("SELECT id FROM auth_accounts WHERE login = ?", {login});
      if (!row.ok()) return row.status();
      return *row ? (*row)->Int("id") : int64_t{0};
    });
  }

  // Objects that belong to one account, made for each demo account that can have one (the demo
  // data has none of them), through the API where there is one: an import job (in memory), an
  // enrollment, a volunteering certificate, a cadre's invitation, a notification; and one
  // platform job, due in a year.
  void MakeOwnedObjects(const std::vector<std::string>& logins) {
    const auto& ctx = server().app().context();
    for (const auto& login : logins) {
      auto client = LoggedIn(login);
      const int64_t account = AccountId(login);
      if (auto template_file = client->Get("/api/v1/imports/templates/people"); template_file.status == 200) {
        const std::string org_path = Role(login).scope_path;
        const int64_t org = OrganizationId(org_path);
        auto upload = client->Send("POST", "/api/v1/imports?kind=people&organization_id=" + std::to_string(org),
                                   template_file.body, {{"Content-Type", "application/octet-stream"}});
        if (upload.status == 202) memory_["imports"].push_back({upload.json()["id"], account, org_path});
      }
      // The first session still open to this account's participant.
      const auto sessions =
          ReadOrFail<std::vector<int64_t>>([](storage::Transaction& tx) -> Result<std::vector<int64_t>> {
            auto rows = tx.Query("SELECT id FROM services_sessions ORDER BY id");
            if (!rows.ok()) return rows.status();
            std::vector<int64_t> out;
            for (const auto& row : *rows) out.push_back(row.Int("id"));
            return out;
          });
      bool enrolled = false;
      for (int64_t session : sessions) {
        for (const char* birth : {"2008-06-01", "1996-06-01", "2014-06-01"}) {
          auto r = client->Post(
              "/api/v1/sessions/" + std::to_string(session) + "/enrollments",
              nlohmann::json{
                  {"participant_name", "矩阵" + login}, {"participant_birth_date", birth}, {"guardian_consent", true}});
          enrolled = r.status == 201;
          if (enrolled || r.status != 422) break;
        }
        if (enrolled) break;
      }
      EXPECT_TRUE(enrolled) << login << " found no session to enroll in";
      client->Post("/api/v1/volunteering/certificates", std::string());         // 201 for an account with hours
      client->Post("/api/v1/cadres/me/invitations", nlohmann::json::object());  // 201 for a cadre
      auto notified = server().app().db().Write([&](storage::Transaction& tx) -> Result<int> {
        notifications::Notification n;
        n.kind = "services.enrollment_update";
        n.title_key = "services.notice_promoted_title";
        n.body_key = "services.notice_promoted";
        n.params = {{"service", "矩阵"}, {"session", "矩阵"}, {"name", login}};
        return notifications::Notify(tx, ctx, {.accounts = {account}}, n);
      });
      EXPECT_TRUE(notified.ok() && *notified == 1) << login;
    }
    auto job = server().app().db().Write([&](storage::Transaction& tx) -> Result<bool> {
      const int64_t far = ctx.clock.NowMillis() + int64_t{365} * 24 * 3600 * 1000;
      return jobs::EnqueueJob(tx, ctx, ctx.jobs.begin()->first, far, "{}", "permission-matrix");
    });
    EXPECT_TRUE(job.ok()) << job.status().detail();
    // Each kind has an owner to be inside for, and others to be outside for.
    EXPECT_GE(memory_["imports"].size(), 2u);
    for (const char* table : {"volunteering_certificates", "cadres_invitations"}) {
      const int64_t count = ReadOrFail<int64_t>([&](storage::Transaction& tx) -> Result<int64_t> {
        auto row = tx.QueryOne(std::string("SELECT COUNT(*) AS n FROM ") + table);
        if (!row.ok()) return row.status();
        return (*row)->Int("n");
      });
      EXPECT_GT(count, 0) << table;
    }
  }

  // A pending transfer from `from` (an organization's name), started by the region's
  // administrator: to `to`, or to the first branch of 克拉玛依市团委 other than `from`. Of the
  // member's person when it is there, else of the first person there that no account is (an
  // allowed call before may have decided the last one).
  void EnsurePendingTransfer(const std::string& from, const std::string& to = "",
                             const std::string& starter = "region-admin", bool member_first = true) {
    // Without the member first: a transfer of someone no account is, pending beside the member's.
    const std::string no_account = "p.id NOT IN (SELECT person_id FROM auth_accounts WHERE person_id IS NOT NULL)";
    const std::string who =
        member_first ? "(p.id = (SELECT person_id FROM auth_accounts WHERE login = 'member') OR " + no_account + ")"
                     : no_account;
    auto ids = ReadOrFail<std::optional<std::pair<int64_t, int64_t>>>(
        [&](storage::Transaction& tx) -> Result<std::optional<std::pair<int64_t, int64_t>>> {
          auto pending = tx.QueryOne(
              "SELECT t.id FROM people_transfers t JOIN organizations_organizations f ON f.path = t.from_path WHERE "
              "t.status = 'pending' AND f.name = ?" +
                  (member_first ? std::string()
                                : " AND t.person_id IN (SELECT id FROM people_persons p WHERE " + no_account + ")"),
              {from});
          if (!pending.ok()) return pending.status();
          if (*pending) return std::optional<std::pair<int64_t, int64_t>>();
          auto person = tx.QueryOne(
              "SELECT p.id FROM people_persons p JOIN organizations_organizations f ON f.path = p.org_path WHERE "
              "f.name = ? AND " +
                  who +
                  " ORDER BY CASE WHEN p.id = (SELECT "
                  "person_id FROM auth_accounts WHERE login = 'member') THEN 0 ELSE 1 END, p.id LIMIT 1",
              {from});
          auto target =
              !to.empty()
                  ? tx.QueryOne("SELECT id FROM organizations_organizations WHERE name = ?", {to})
                  : tx.QueryOne(
                        "SELECT o.id FROM organizations_organizations o, organizations_organizations f WHERE f.name = "
                        "? AND o.kind = 'branch' AND o.id <> f.id AND o.path LIKE (SELECT path FROM "
                        "organizations_organizations WHERE name = '克拉玛依市团委') || '%' ORDER BY o.id LIMIT 1",
                        {from});
          if (!person.ok() || !target.ok() || !*person || !*target) return Status::NotFound();
          return std::make_optional(std::make_pair((*person)->Int("id"), (*target)->Int("id")));
        });
    if (!ids) return;
    auto started = LoggedIn(starter)->Post(
        "/api/v1/transfers", nlohmann::json{{"person_id", ids->first}, {"to_organization_id", ids->second}});
    EXPECT_EQ(started.status, 201) << started.body;
  }

  void EnsurePendingTransfers() {
    EnsurePendingTransfer("风云社区团支部");
    EnsurePendingTransfer("风云社区团支部", "", "region-admin", false);
    EnsurePendingTransfer("乌鲁木齐市团委", "克拉玛依市团委");
    EnsurePendingTransfer("第七师团委", "第八师石河子市团委", kOtherRootAdmin);
  }

  // A cadre of `organization_name` (a new person there with a position and an account `login`,
  // made by `admin_login`) whose invitations each of `contact_logins` accepts, the first of them
  // then asking for help: the cadre's contacts and a help request, in the cadre's organization.
  // Returns the cadre's person and client; an id of 0 means a step was refused (reported).
  std::pair<int64_t, std::unique_ptr<HttpClient>> MakeCadreWithContacts(
      const std::string& admin_login, const std::string& organization_name, const std::string& login,
      const std::vector<std::string>& contact_logins) {
    auto admin = LoggedIn(admin_login);
    const int64_t org = OrganizationId(OrganizationPath(organization_name));
    const int64_t person = IdOf(admin->Post("/api/v1/people", nlohmann::json{{"name", "矩阵干部" + login},
                                                                             {"gender", "male"},
                                                                             {"birth_date", "1990-03-01"},
                                                                             {"organization_id", org}}),
                                "person");
    IdOf(admin->Post("/api/v1/people/" + std::to_string(person) + "/positions",
                     nlohmann::json{{"organization_id", org},
                                    {"title", "deputy_secretary"},
                                    {"employment", "full_time"},
                                    {"started_on", "2024-01-01"}}),
         "position");
    auth::NewAccount account{login, std::nullopt, login, "tianshan-demo", person, {{org, auth::Role::kCadre}}, false};
    auto made = auth::CreateAccount(server().app().context(), account, std::nullopt);
    EXPECT_TRUE(made.ok()) << made.status().detail();
    auto cadre = LoggedIn(login);
    for (size_t i = 0; i < contact_logins.size(); ++i) {
      auto link = cadre->Post("/api/v1/cadres/me/invitations", nlohmann::json::object());
      EXPECT_EQ(link.status, 201) << link.body;
      if (link.status != 201) continue;
      const std::string token = link.json()["path"].get<std::string>().substr(std::string("/invite/").size());
      auto invited = LoggedIn(contact_logins[i]);
      auto offer = invited->Get("/api/v1/cadres/invitations/" + token);
      EXPECT_EQ(offer.status, 200) << offer.body;
      if (offer.status != 200) continue;
      const int64_t contact = IdOf(
          invited->Post("/api/v1/cadres/invitations/" + token + "/accept",
                        nlohmann::json{{"field", "student"}, {"consent_version", offer.json()["consent"]["version"]}}),
          "contact");
      if (i == 0) {
        IdOf(invited->Post("/api/v1/cadres/contacts/" + std::to_string(contact) + "/help-requests",
                           nlohmann::json{{"category", "study"}, {"description", "矩阵"}}),
             "help request");
      }
    }
    return {person, std::move(cadre)};
  }

  static int64_t IdOf(const HttpResult& r, const char* what) {
    EXPECT_EQ(r.status, 201) << what << ": " << r.body;
    return r.status == 201 ? r.json().value("id", int64_t{0}) : 0;
  }

  // A cadre of the parallel root (兵团: outside every demo role's subtree) with what the cadres'
  // routes decide on: its card, a young person's contact there with a help request, a posting,
  // a served unit and a service logged to it. Made through the API as the root's administrator,
  // the new cadre and the demo's young person.
  void MakeCadreInOtherRoot() {
    auto [person, cadre] = MakeCadreWithContacts(kOtherRootAdmin, "新疆生产建设兵团团委", kOtherRootCadre, {"youth"});
    auto admin = LoggedIn(kOtherRootAdmin);
    const int64_t division = OrganizationId(OrganizationPath("第七师团委"));
    IdOf(admin->Post("/api/v1/cadres/postings", nlohmann::json{{"person_id", person},
                                                               {"host_organization_id", division},
                                                               {"starts_on", "2026-12-01"},
                                                               {"ends_on", "2027-03-31"},
                                                               {"tasks", "矩阵"}}),
         "posting");
    IdOf(cadre->Post("/api/v1/cadres/me/served-units", nlohmann::json{{"unit_id", division}}), "served unit");
    IdOf(cadre->Post("/api/v1/cadres/me/unit-services",
                     nlohmann::json{{"unit_id", division},
                                    {"served_on", TodayInChina(server().app().context().clock.NowMillis())},
                                    {"minutes", 60},
                                    {"what", "矩阵"}}),
         "unit service");
  }
  static constexpr const char* kOtherRootCadre = "bingtuan-cadre";

  // The administrator of the demo's parallel root (新疆生产建设兵团团委), which no demo account
  // covers: made here so that objects exist outside even the region's administrator's subtree.
  static constexpr const char* kOtherRootAdmin = "bingtuan-admin";
  void MakeOtherRootAdmin() {
    const int64_t root = OrganizationId(OrganizationPath("新疆生产建设兵团团委"));
    ASSERT_GT(root, 0);
    auth::NewAccount admin{kOtherRootAdmin,
                           std::nullopt,
                           kOtherRootAdmin,
                           "tianshan-demo",
                           std::nullopt,
                           {{root, auth::Role::kCommitteeAdmin}},
                           false};
    auto made = auth::CreateAccount(server().app().context(), admin, std::nullopt);
    ASSERT_TRUE(made.ok()) << made.status().detail();
  }

  // Creates through the API an object of `pattern` (a POST) at `path`: the sample of its request
  // schema with `fields` over it. Its id, 0 when refused.
  int64_t Create(HttpClient& client, const std::string& pattern, const std::string& path,
                 const nlohmann::json& fields) {
    static const auto document = nlohmann::json::parse(OpenApiDocument());
    auto body = Sample(document, document.at("paths")
                                     .at(pattern)
                                     .at("post")
                                     .at("requestBody")
                                     .at("content")
                                     .at("application/json")
                                     .value("schema", nlohmann::json::object()));
    for (const auto& [key, value] : fields.items()) body[key] = value;
    auto r = client.Post(path, body);
    EXPECT_EQ(r.status, 201) << path << " " << body.dump() << ": " << r.body;
    return r.status == 201 ? r.json().value("id", int64_t{0}) : 0;
  }

  // The demo data keeps most objects in 克拉玛依市团委 and the organizations right under it: so
  // that each kind also has one inside the branch (风云社区团支部), one outside the city
  // (乌鲁木齐市团委) and one outside the region (the parallel root 新疆生产建设兵团团委, made by
  // its own administrator, `admin_login`), the region's administrator makes a venue with a room and a booking, a
  // service of each kind with a session and an application, a column with an article, and a
  // volunteering team with a project and a shift, a coverage unit and a correction in each.
  int organizations_made_ = 0;
  // The volunteering team and project made in the organization.
  std::pair<int64_t, int64_t> MakeObjectsIn(const std::string& organization_name,
                                            const std::string& admin_login = "region-admin") {
    auto admin = LoggedIn(admin_login);
    auto youth = LoggedIn("youth");
    const int64_t org = OrganizationId(OrganizationPath(organization_name));
    const std::string at = "/api/v1/organizations/" + std::to_string(org);
    const std::string name = "矩阵" + organization_name;
    auto hours = nlohmann::json::array();
    for (int day = 1; day <= 7; ++day) hours.push_back({{"day", day}, {"opens", "08:00"}, {"closes", "20:00"}});
    const int64_t venue =
        Create(*admin, "/api/v1/organizations/{id}/venues", at + "/venues", {{"name", name}, {"opening_hours", hours}});
    const int64_t room = Create(*admin, "/api/v1/venues/{id}/rooms",
                                "/api/v1/venues/" + std::to_string(venue) + "/rooms", {{"name", name}});
    // The young person and the member each book and apply: each is then someone else's object for
    // the other (inside the branch), not only the caller's own.
    auto member = LoggedIn("member");
    Create(*youth, "/api/v1/rooms/{id}/bookings", "/api/v1/rooms/" + std::to_string(room) + "/bookings",
           {{"starts_at", "2026-08-03T02:00:00Z"}, {"ends_at", "2026-08-03T04:00:00Z"}, {"purpose", name}});
    Create(*member, "/api/v1/rooms/{id}/bookings", "/api/v1/rooms/" + std::to_string(room) + "/bookings",
           {{"starts_at", "2026-08-03T05:00:00Z"}, {"ends_at", "2026-08-03T07:00:00Z"}, {"purpose", name}});
    const int64_t applied = Create(*admin, "/api/v1/organizations/{id}/services", at + "/services",
                                   {{"name", name}, {"kind", "applications"}, {"description", name}});
    for (auto* applicant : {youth.get(), member.get()}) {
      Create(*applicant, "/api/v1/services/{id}/applications",
             "/api/v1/services/" + std::to_string(applied) + "/applications", nlohmann::json::object());
    }
    const int64_t enrolled = Create(*admin, "/api/v1/organizations/{id}/services", at + "/services",
                                    {{"name", name + "报名"}, {"kind", "enrollment"}, {"description", name}});
    Create(*admin, "/api/v1/services/{id}/sessions", "/api/v1/services/" + std::to_string(enrolled) + "/sessions",
           {{"name", name}, {"starts_on", "2026-08-03"}, {"ends_on", "2026-08-04"}, {"capacity", 10}});
    const int64_t column =
        Create(*admin, "/api/v1/organizations/{id}/publishing/columns", at + "/publishing/columns", {{"name", name}});
    Create(*admin, "/api/v1/publishing/columns/{id}/articles",
           "/api/v1/publishing/columns/" + std::to_string(column) + "/articles",
           {{"title", name}, {"body_html", "<p>" + name + "</p>"}});
    const int64_t team = Create(*admin, "/api/v1/volunteering/teams", "/api/v1/volunteering/teams",
                                {{"organization_id", org}, {"name", name}});
    const int64_t project = Create(*admin, "/api/v1/volunteering/projects", "/api/v1/volunteering/projects",
                                   {{"title", name}, {"team_id", team}, {"organization_id", org}});
    Create(*admin, "/api/v1/volunteering/projects/{id}/shifts",
           "/api/v1/volunteering/projects/" + std::to_string(project) + "/shifts",
           {{"starts_at", "2026-08-03T02:00:00Z"}, {"ends_at", "2026-08-03T04:00:00Z"}, {"capacity", 10}});
    // A shift still ahead, for the young person's sign-up (below): on a day of its own for each
    // organization, so that the sign-ups do not overlap.
    const std::string ahead_day = "2027-01-0" + std::to_string(++organizations_made_);
    const int64_t ahead =
        Create(*admin, "/api/v1/volunteering/projects/{id}/shifts",
               "/api/v1/volunteering/projects/" + std::to_string(project) + "/shifts",
               {{"starts_at", ahead_day + "T02:00:00Z"}, {"ends_at", ahead_day + "T04:00:00Z"}, {"capacity", 10}});
    Create(*admin, "/api/v1/organizations/{id}/coverage-units", at + "/coverage-units", {{"name", name}});
    // Corrections of the last two people there that no account is.
    const auto people = ReadOrFail<std::vector<int64_t>>([&](storage::Transaction& tx) -> Result<std::vector<int64_t>> {
      auto rows = tx.Query(
          "SELECT p.id FROM people_persons p JOIN organizations_organizations o ON o.path = p.org_path WHERE o.id = ? "
          "AND p.id NOT IN (SELECT person_id FROM auth_accounts WHERE person_id IS NOT NULL) ORDER BY p.id DESC",
          {org});
      if (!rows.ok()) return rows.status();
      std::vector<int64_t> out;
      for (const auto& row : *rows) out.push_back(row.Int("id"));
      return out;
    });
    EXPECT_GE(people.size(), 2u) << organization_name;
    const int64_t person = people.empty() ? 0 : people[0];
    // Asked for by the administrator of the city when it covers the organization, so that the
    // region's administrator (above) may decide it; in the branch also one by its secretary, which
    // the city's administrator decides.
    auto requester = LoggedIn("karamay-admin");
    const bool in_city = OrganizationPath(organization_name).rfind(OrganizationPath("克拉玛依市团委"), 0) == 0;
    Create(in_city ? *requester : *admin, "/api/v1/people/{id}/corrections",
           "/api/v1/people/" + std::to_string(person) + "/corrections", {{"reason", name}, {"name", "矩阵"}});
    if (organization_name == "风云社区团支部" && people.size() > 1) {
      Create(*LoggedIn("branch-secretary"), "/api/v1/people/{id}/corrections",
             "/api/v1/people/" + std::to_string(people[1]) + "/corrections", {{"reason", name}, {"name", "矩阵"}});
    }
    auto recruiting = admin->Post("/api/v1/volunteering/projects/" + std::to_string(project) + "/status",
                                  nlohmann::json{{"status", "recruiting"}});
    EXPECT_EQ(recruiting.status, 200) << recruiting.body;
    // The young person signs up for the shift ahead; the young person and the member join the
    // team and each report hours (each then someone else's report for the other), and the young
    // person is credited hours (a ledger entry of the organization).
    IdOf(youth->Post("/api/v1/volunteering/shifts/" + std::to_string(ahead) + "/sign-ups", nlohmann::json::object()),
         "sign-up");
    for (const char* login : {"youth", "member"}) JoinAndReport(*admin, login, team);
    Credit(*admin, "youth", project);
    return {team, project};
  }

  std::string Today() { return TodayInChina(server().app().context().clock.NowMillis()); }

  // `login` applies to join `team`, `admin` approves, and `login` reports an hour (pending).
  void JoinAndReport(HttpClient& admin, const std::string& login, int64_t team) {
    const int64_t joined =
        IdOf(LoggedIn(login)->Post("/api/v1/volunteering/teams/" + std::to_string(team) + "/applications",
                                   nlohmann::json::object()),
             "team application");
    auto decided = admin.Post(
        "/api/v1/volunteering/teams/" + std::to_string(team) + "/members/" + std::to_string(joined) + "/decision",
        nlohmann::json{{"decision", "approve"}});
    EXPECT_EQ(decided.status, 200) << decided.body;
    IdOf(LoggedIn(login)->Post(
             "/api/v1/volunteering/hours/reports",
             nlohmann::json{{"team_id", team}, {"worked_on", Today()}, {"minutes", 60}, {"description", "矩阵"}}),
         "hour report");
  }

  // `admin` credits `login`'s person with an hour of `project`: a ledger entry.
  void Credit(HttpClient& admin, const std::string& login, int64_t project) {
    const int64_t person = ReadOrFail<int64_t>([&](storage::Transaction& tx) -> Result<int64_t> {
      auto row = tx.QueryOne("SELECT person_id FROM auth_accounts WHERE login = ?", {login});
      if (!row.ok()) return row.status();
      return *row ? (*row)->Int("person_id") : int64_t{0};
    });
    IdOf(admin.Post("/api/v1/volunteering/hours/adjustments", nlohmann::json{{"person_id", person},
                                                                             {"project_id", project},
                                                                             {"minutes", 60},
                                                                             {"worked_on", Today()},
                                                                             {"reason", "矩阵"}}),
         "hours credited");
  }

  bool HasFixture(const std::string& kind) const { return Fixtures().count(kind) != 0 || memory_.count(kind) != 0; }

  std::map<std::string, std::vector<MemoryObject>> memory_;  // by kind

  // The first object of `kind` inside (or outside) `scope`, not about the caller's own person.
  // An object owned by an account is inside when it is the caller's own (`account`), outside
  // when it is another account's. An object of no organization (org_path '') is outside.
  std::optional<Object> Find(const std::string& kind, const std::string& scope, bool inside,
                             std::optional<int64_t> own_person, int64_t account) {
    // A guest owns nothing: its "inside" for an owned kind is the first account's object (its
    // answer is 401 either way), "outside" another account's.
    if (auto memory = memory_.find(kind); memory != memory_.end()) {
      if (account == 0 && !memory->second.empty()) account = memory->second.front().owner_account;
      for (const auto& m : memory->second) {
        if ((m.owner_account == account) != inside) continue;
        Object o;
        o.key = m.key;
        o.owner_account = m.owner_account;
        o.org_path = m.org_path;
        return o;
      }
      return std::nullopt;
    }
    return ReadOrFail<std::optional<Object>>([&](storage::Transaction& tx) -> Result<std::optional<Object>> {
      const bool ranked = Fixtures().at(kind).find(" AS rank ") != std::string::npos;
      auto rows = tx.Query("SELECT * FROM (" + Fixtures().at(kind) + ") f ORDER BY " + (ranked ? "rank, id" : "id"));
      if (!rows.ok()) return rows.status();
      for (const auto& row : *rows) {
        if (account != 0) break;
        if (row.Has("owner_account") && !row.IsNull("owner_account")) account = row.Int("owner_account");
      }
      for (const auto& row : *rows) {
        const std::string path = row.Text("org_path");
        const bool owned = row.Has("owner_account");
        if (owned) {
          if ((!row.IsNull("owner_account") && row.Int("owner_account") == account) != inside) continue;
        } else {
          if ((!path.empty() && path.rfind(scope, 0) == 0) != inside) continue;
          if (own_person && !row.IsNull("person_id") && row.Int("person_id") == *own_person) continue;
          if (row.Has("own_account") && !row.IsNull("own_account") && row.Int("own_account") == account) continue;
        }
        Object o;
        o.id = row.Int("id");
        o.key = row.Has("path_key") ? row.Text("path_key") : std::to_string(o.id);
        if (owned && !row.IsNull("owner_account")) o.owner_account = row.Int("owner_account");
        if (row.Has("or_permission")) o.or_permission = row.Text("or_permission");
        o.org_path = path;
        if (row.Has("team_id") && !row.IsNull("team_id")) o.team_id = row.Int("team_id");
        if (row.Has("column_id") && !row.IsNull("column_id")) o.column_id = row.Int("column_id");
        if (!row.Text("names").empty()) o.personal.push_back(row.Text("names"));
        if (!row.IsNull("person_id")) {
          auto person = tx.QueryOne("SELECT name, identity_number, phone FROM people_persons WHERE id = ?",
                                    {row.Int("person_id")});
          if (!person.ok()) return person.status();
          if (*person) {
            for (const char* field : {"name", "identity_number", "phone"}) {
              if ((*person)->Text(field).size() >= 4) o.personal.push_back((*person)->Text(field));
            }
          }
        }
        if (row.Has("private_person_id") && !row.IsNull("private_person_id")) {
          auto person = tx.QueryOne("SELECT identity_number, phone FROM people_persons WHERE id = ?",
                                    {row.Int("private_person_id")});
          if (!person.ok()) return person.status();
          if (*person) {
            for (const char* field : {"identity_number", "phone"}) {
              if ((*person)->Text(field).size() >= 4) o.personal.push_back((*person)->Text(field));
            }
          }
        }
        if (kind == "transfers") {
          auto t = tx.QueryOne("SELECT * FROM people_transfers WHERE id = ?", {o.id});
          if (!t.ok()) return t.status();
          o.from_path = (*t)->Text("from_path");
          o.to_path = (*t)->Text("to_path");
          o.released = (*t)->Has("released_at") && !(*t)->IsNull("released_at");
        }
        return std::optional<Object>(std::move(o));
      }
      return std::optional<Object>();
    });
  }
};

// Kinds of no organization: nothing of them lies inside a subtree.
const std::set<std::string> kPlatformKinds = {"jobs"};

// "/api/v1/organizations/{id}/people" → "organizations"; "" when the path names no object.
std::string ObjectKind(const std::vector<std::string>& segments) {
  for (size_t i = 1; i < segments.size(); ++i) {
    if (segments[i].front() == '{') return segments[i] == "{id}" ? segments[i - 1] : "";
  }
  return "";
}

// A value `schema` accepts, built from its example, default, first enum value or type and
// format: what a denied write sends, so that permission decides it and not validation.
nlohmann::json Sample(const nlohmann::json& document, nlohmann::json schema, int depth) {
  while (schema.contains("$ref")) {
    schema = document.at(nlohmann::json::json_pointer(schema["$ref"].get<std::string>().substr(1)));
  }
  for (const char* key : {"example", "default"}) {
    if (schema.contains(key)) return schema[key];
  }
  if (schema.contains("enum")) return schema["enum"].at(0);
  for (const char* key : {"allOf", "oneOf", "anyOf"}) {
    if (schema.contains(key)) return Sample(document, schema[key].at(0), depth + 1);
  }
  std::string type = "object";
  if (schema.contains("type")) {
    const auto& t = schema["type"];
    type = t.is_string() ? t.get<std::string>() : std::string();
    for (const auto& one : t.is_array() ? t : nlohmann::json::array()) {
      if (one != "null") type = one.get<std::string>();
    }
  }
  if (type == "object") {
    auto out = nlohmann::json::object();
    if (depth > 4) return out;
    for (const auto& name : schema.value("required", nlohmann::json::array())) {
      out[name.get<std::string>()] = Sample(document, schema["properties"][name.get<std::string>()], depth + 1);
    }
    return out;
  }
  if (type == "array") {
    auto out = nlohmann::json::array();
    for (int64_t i = 0; i < std::max<int64_t>(1, schema.value("minItems", int64_t{1})); ++i) {
      out.push_back(Sample(document, schema.value("items", nlohmann::json::object()), depth + 1));
    }
    return out;
  }
  if (type == "integer" || type == "number") {
    return std::max<int64_t>(schema.value("minimum", int64_t{1}), 1);
  }
  if (type == "boolean") return true;
  const std::string format = schema.value("format", "");
  if (format == "date") return "2026-12-15";
  if (format == "date-time") return "2026-12-15T02:00:00Z";
  return std::string(static_cast<size_t>(std::max<int64_t>(schema.value("minLength", int64_t{1}), 2)), 'x');
}

// Bodies the schema cannot tell (a value another field or the server's state must agree with),
// merged over the sample, by operation.
const std::map<std::string, nlohmann::json>& BodyOverrides() {
  static const std::map<std::string, nlohmann::json> kOverrides = {
      {"POST /api/v1/applications/{id}/reject", {{"reason", "矩阵"}}},
      {"POST /api/v1/bookings/{id}/reject", {{"reason", "矩阵"}}},
      // To the top: only an administrator of the whole tree may, and the caller reads no parent.
      {"POST /api/v1/organizations/{id}/move", {{"new_parent_id", nullptr}}},
      {"POST /api/v1/people/{id}/corrections", {{"name", "矩阵"}}},
      // In the person's own organization, which whoever may see the person reads.
      {"POST /api/v1/people/{id}/positions",
       {{"started_on", "2024-01-02"}, {"organization_id", "{object_organization}"}}},
      {"POST /api/v1/volunteering/sign-ups/{id}/attendance",
       {{"checked_in_at", "2026-11-02T09:00:00+08:00"}, {"checked_out_at", "2026-11-02T11:00:00+08:00"}}},
  };
  return kOverrides;
}

// The required query parameters of an operation ("?direction=incoming"), sampled from their
// schemas, for a denied call: so that what refuses it is the permission.
std::string RequiredQuery(const nlohmann::json& document, const std::string& operation, const nlohmann::json& spec) {
  static const std::map<std::string, std::map<std::string, std::string>> kOverrides = {
      {"POST /api/v1/organizations/{id}/publishing/uploads", {{"name", "a.png"}}},
      {"POST /api/v1/venues/{id}/photos", {{"name", "a.png"}}},
  };
  std::string query;
  for (const auto& p : spec.value("parameters", nlohmann::json::array())) {
    if (p.value("in", "") != "query" || !p.value("required", false)) continue;
    const std::string name = p["name"];
    auto value = Sample(document, p.value("schema", nlohmann::json::object()));
    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (auto o = kOverrides.find(operation); o != kOverrides.end() && o->second.count(name)) text = o->second.at(name);
    query += (query.empty() ? "?" : "&") + name + "=" + text;
  }
  return query;
}

// The body of a write whose caller the gate denies: valid for the operation's request schema.
std::pair<std::string, std::string> ValidBody(const nlohmann::json& document, const std::string& operation,
                                              const nlohmann::json& spec, int64_t object_organization) {
  const auto& content = spec.at("requestBody").at("content");
  if (!content.contains("application/json")) {
    const std::string type = content.begin().key();
    // The head of a 1×1 PNG: what an upload of an image or a file accepts.
    return {type, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33)};
  }
  auto body = Sample(document, content["application/json"].value("schema", nlohmann::json::object()));
  if (auto o = BodyOverrides().find(operation); o != BodyOverrides().end()) {
    for (const auto& [key, value] : o->second.items()) {
      body[key] = value == "{object_organization}" ? nlohmann::json(object_organization) : value;
    }
  }
  return {"application/json", body.dump()};
}

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 1;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

TEST_P(PermissionMatrixTest, EveryRouteEveryRoleInsideAndOutside) {
  MakeOtherRootAdmin();
  EnsurePendingTransfers();
  const std::vector<std::string> logins = {"region-admin", "karamay-admin", "branch-secretary",
                                           "cadre",        "member",        "youth"};
  MakeOwnedObjects(logins);
  {
    // The cadre volunteers in the branch's team and so has a certificate of its own.
    const auto [team, project] = MakeObjectsIn("风云社区团支部");
    auto admin = LoggedIn("region-admin");
    JoinAndReport(*admin, "cadre", team);
    Credit(*admin, "cadre", project);
    IdOf(LoggedIn("cadre")->Post("/api/v1/volunteering/certificates", std::string()), "certificate");
  }
  MakeObjectsIn("乌鲁木齐市团委");
  MakeObjectsIn("新疆生产建设兵团团委", kOtherRootAdmin);
  MakeCadreInOtherRoot();
  // A cadre of the branch, whose contacts (the young person and the member) are each someone
  // else's for the other.
  MakeCadreWithContacts("region-admin", "风云社区团支部", "branch-cadre", {"youth", "member"});

  std::vector<RoleUnderTest> roles;
  for (const auto& login : logins) roles.push_back(Role(login));
  roles.push_back(Role(""));
  // Answers outside the OpenAPI document are collected and listed, not failed here: the matrix
  // is about who gets what, the API tests about the shape of answers.
  std::vector<std::string> contract_failures;

  const auto document = nlohmann::json::parse(OpenApiDocument());
  const auto& permissions = server().app().context().permissions;
  const auto& router = server().app().router();
  Tally tally;
  std::vector<std::string> missing;

  for (const std::string& operation : OpenApiContract::Served().Operations()) {
    const std::string method = operation.substr(0, operation.find(' '));
    const std::string pattern = operation.substr(operation.find(' ') + 1);
    const http::Route* route = nullptr;
    for (const auto& r : router.routes()) {
      if (r->method == method && r->pattern == pattern) route = r.get();
    }
    std::string gate = route != nullptr ? http::GateOf(*route) : "", side;
    if (gate.empty()) {
      missing.push_back(operation);
      continue;
    }
    if (auto at = gate.find('@'); at != std::string::npos) {
      side = gate.substr(at + 1);
      gate = gate.substr(0, at);
    }
    const PermissionDefinition* permission = FindPermission(permissions, gate);
    if (permission == nullptr && gate != http::kGatePublic && gate != http::kGateSelf && gate != http::kGateSignedIn) {
      ADD_FAILURE() << operation << ": gate \"" << gate << "\" is no permission of any manifest";
      continue;
    }
    tally.routes.insert(operation);
    const auto segments = Split(pattern);
    const std::string kind = ObjectKind(segments);
    std::string lower = method;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto& spec = document.at("paths").at(pattern).at(lower);
    const bool has_body = spec.contains("requestBody");
    bool required_query = false;
    for (const auto& p : spec.value("parameters", nlohmann::json::array())) {
      if (p.value("in", "") == "query" && p.value("required", false)) required_query = true;
    }
    const bool ends_session = method == "DELETE" && pattern.rfind("/api/v1/session", 0) == 0;

    for (bool inside : {true, false}) {
      if (kind == "transfers") EnsurePendingTransfers();
      // Denied roles first: an allowed write may change the object (a release, an archive).
      struct Call {
        RoleUnderTest* role;
        std::optional<Object> object;
        std::optional<bool> allowed;  // nullopt: the gate cannot be decided on this path
      };
      std::vector<Call> calls;
      for (auto& role : roles) {
        Call call{&role, std::nullopt, std::nullopt};
        if (!kind.empty()) {
          if (!HasFixture(kind)) {
            tally.missing_fixture_kinds.insert(kind);
          } else {
            call.object = Find(kind, role.scope_path, inside, role.actor.person_id, role.actor.account_id);
          }
        }
        if (!kind.empty() && !call.object) {
          // Nothing of a platform-wide kind lies inside an organization's subtree.
          ++(inside && HasFixture(kind) && kPlatformKinds.count(kind) != 0 ? tally.platform_inside : tally.no_fixture);
          if (HasFixture(kind)) {
            ++tally.skipped_by_kind[kind + (inside ? " inside" : " outside") + " as " +
                                    (role.login.empty() ? "guest" : role.login)];
          }
          continue;
        }
        if (gate == http::kGateSelf && call.object && call.object->owner_account && !role.login.empty()) {
          // The caller's own object, or another account's.
          const PermissionDefinition* also =
              call.object->or_permission.empty() ? nullptr : FindPermission(permissions, call.object->or_permission);
          call.allowed = *call.object->owner_account == role.actor.account_id ||
                         (also != nullptr && also->allows(role.actor, call.object->org_path));
        } else if (permission != nullptr && call.object && !role.login.empty()) {
          std::string path = call.object->org_path;
          if (side == "to" || (side == "awaited" && call.object->released)) path = call.object->to_path;
          call.allowed = permission->allows(role.actor, path) ||
                         (gate.rfind("volunteering.", 0) == 0 && gate != "volunteering.manage_teams" &&
                          call.object->team_id && role.led_teams.count(*call.object->team_id) != 0) ||
                         (gate == "publishing.write" && call.object->column_id &&
                          role.columns.count({*call.object->column_id, "editor"}) != 0) ||
                         // An editor of any column of an organization uploads to it (upload_file.cc).
                         (gate == "publishing.write" && kind == "organizations" &&
                          role.edited_organizations.count(call.object->org_path) != 0) ||
                         (gate == "publishing.review" && call.object->column_id &&
                          role.columns.count({*call.object->column_id, "reviewer"}) != 0);
        }
        calls.push_back(std::move(call));
      }
      std::stable_sort(calls.begin(), calls.end(), [](const Call& a, const Call& b) {
        return a.allowed.value_or(false) < b.allowed.value_or(false);
      });

      for (auto& call : calls) {
        // A live stream answers a signed-in caller with a response that never ends.
        const bool streams =
            document.at("paths").at(pattern).at(lower).dump().find("text/event-stream") != std::string::npos;
        if (streams && !call.role->login.empty()) {
          ++tally.streams;
          continue;
        }
        std::string path;
        for (const auto& s : segments) {
          path += "/";
          if (s.front() != '{') {
            path += s;
          } else if (s == "{id}" && call.object) {
            path += call.object->key;
          } else {
            path += "1";
          }
        }
        // A denied write carries a valid body, so that what refuses it is the permission; an
        // allowed one an empty body, so that it changes nothing the next calls read.
        std::pair<std::string, std::string> body{"application/json", "{}"};
        const bool denied = call.allowed.has_value() && !*call.allowed;
        if (has_body && denied) {
          body = ValidBody(document, operation, spec, call.object ? OrganizationId(call.object->org_path) : 0);
          ++tally.valid_bodies;
        }
        if (denied) path += RequiredQuery(document, operation, spec);
        auto r = call.role->client->Send(method, path, has_body ? body.second : "",
                                         has_body ? std::map<std::string, std::string>{{"Content-Type", body.first}}
                                                  : std::map<std::string, std::string>{});
        ++tally.checks;
        if (call.allowed && call.object && call.object->owner_account) ++tally.owned;
        const std::string who = operation + " as " + (call.role->login.empty() ? "guest" : call.role->login) +
                                (inside ? " inside" : " outside") + " (" + path + "): " + std::to_string(r.status) +
                                " " + r.body.substr(0, 200);
        if (gate == http::kGatePublic) {
          EXPECT_TRUE(r.status != 401 && r.status != 403) << who;
        } else if (call.role->login.empty()) {
          EXPECT_EQ(r.status, 401) << who;
        } else if (!call.allowed) {
          ++tally.unscoped;
          EXPECT_NE(r.status, 401) << who;
          if (gate == http::kGateSignedIn) {
            EXPECT_NE(r.status, 403) << who;
          }
        } else if (*call.allowed) {
          ++tally.scoped;
          EXPECT_TRUE(r.status != 401 && r.status != 403 && r.status != 404) << "allowed: " << who;
        } else {
          ++tally.scoped;
          const bool refused_before = (has_body || required_query) && (r.status == 400 || r.status == 422);
          if (refused_before) {
            ++tally.refused_before_object;
            std::string fields;
            for (const auto& f : r.error_fields()) fields += " " + f;
            ++tally.refused_by_operation[operation + " " + std::to_string(r.status) + fields + " " + body.second];
          }
          EXPECT_TRUE(r.status == 403 || r.status == 404 || refused_before) << "denied: " << who;
        }
        if (!inside && call.object && !(call.allowed.value_or(false))) {
          for (const auto& secret : call.object->personal) {
            if (r.body.find(secret) != std::string::npos) {
              ++tally.leaks;
              ADD_FAILURE() << "personal data of an out-of-scope object in the answer: " << who;
            }
          }
        }
        if (ends_session && !call.role->login.empty()) {
          ASSERT_EQ(call.role->client->Login(call.role->login, "tianshan-demo").status, 200);
        }
      }
    }
  }

  std::string missing_list;
  for (const auto& m : missing) missing_list += "\n  " + m;
  EXPECT_TRUE(missing.empty()) << missing.size() << " operation(s) of the OpenAPI document have no gate. Register "
                               << "each with its gate in its module's handlers, `http::Gated(router, "
                               << "\"<module>.<permission>\").Get(...)` (or http::kGateSelf, http::kGateSignedIn; "
                               << "http/gate.h, docs/adding-a-module.md):" << missing_list;
  std::string kinds;
  for (const auto& k : tally.missing_fixture_kinds) kinds += k + " ";
  std::printf(
      "permission matrix: %zu routes x %zu roles x 2 scopes; %zu calls: %zu decided by a permission on the "
      "object (%zu of them on the caller's own object or another's), %zu with no object to decide on; "
      "%zu denied writes sent a valid body, %zu denied writes still refused at validation before the object; "
      "skipped: %zu with no demo object in that scope, %zu inside for platform-wide objects, %zu live streams; "
      "kinds without a fixture: %s; %zu leaks; %zu answers outside the OpenAPI document\n",
      tally.routes.size(), roles.size(), tally.checks, tally.scoped, tally.owned, tally.unscoped, tally.valid_bodies,
      tally.refused_before_object, tally.no_fixture, tally.platform_inside, tally.streams,
      kinds.empty() ? "none" : kinds.c_str(), tally.leaks, contract_failures.size());
  if (std::getenv("TIANSHAN_MATRIX_SKIPPED") != nullptr) {
    for (const auto& [what, count] : tally.skipped_by_kind) std::printf("  skipped x%zu: %s\n", count, what.c_str());
  }
  for (const auto& [what, count] : tally.refused_by_operation)
    std::printf("  validation-only x%zu: %s\n", count, what.c_str());
  std::set<std::string> distinct(contract_failures.begin(), contract_failures.end());
  for (const auto& f : distinct) std::printf("  contract: %s\n", f.c_str());
}

TS_INSTANTIATE_FOR_DATABASES(PermissionMatrixTest);

}  // namespace
}  // namespace tianshan::testing
