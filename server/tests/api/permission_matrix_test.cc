// The permission matrix over every route (issue 15, item 3), on SQLite and PostgreSQL.
//
// Every operation of the served OpenAPI document is called by every demo role and by a guest,
// on an object inside and an object outside the role's subtree, and the answer is checked
// against the route's gate: the `http::Gated(router, ...)` of its registration (http/gate.h), naming a
// manifest permission (kit/permission.h, the same list as the module README's table and the
// payloads' `can`), kGateSelf, kGateSignedIn or kGatePublic. The path's object is resolved
// from the demo data by the collection segment before its first parameter (kFixtures below).
//
//   guest on a non-public route                  → 401
//   permission allows the role on the object     → not 401, 403 or 404
//   permission denies                            → 403 or 404 (ids reveal nothing); a write
//                                                  whose empty body is refused first (400/422)
//                                                  is counted apart, as refused before the object
//   any out-of-scope request                     → the answer carries none of the object's
//                                                  personal data (name, identity number, phone)
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
#include "http/gate.h"
#include "testing/openapi_contract.h"
#include "testing/test_server.h"

namespace tianshan::testing {
namespace {

// Collection segment before the path's first parameter → the object's row. Each query gives
// `id`, `org_path` and, when the object is about a person, `person_id` and/or `names` (text
// that would identify someone: an applicant's or booker's name).
const std::map<std::string, std::string>& Fixtures() {
  static const std::map<std::string, std::string> kFixtures = {
      {"organizations", "SELECT id, path AS org_path, NULL AS person_id, '' AS names FROM organizations_organizations"},
      {"people", "SELECT id, org_path, id AS person_id, '' AS names FROM people_persons"},
      {"positions", "SELECT id, org_path, person_id, '' AS names FROM people_positions"},
      {"transfers", "SELECT id, from_path AS org_path, person_id, '' AS names FROM people_transfers"},
      {"corrections", "SELECT id, org_path, person_id, '' AS names FROM people_corrections"},
      {"coverage-units",
       "SELECT c.id, o.path AS org_path, NULL AS person_id, '' AS names FROM organizations_coverage_units c "
       "JOIN organizations_organizations o ON o.id = c.organization_id"},
      {"columns", "SELECT id, org_path, NULL AS person_id, '' AS names, id AS column_id FROM publishing_columns"},
      {"articles", "SELECT id, org_path, NULL AS person_id, '' AS names, column_id FROM publishing_articles"},
      {"services", "SELECT id, org_path, NULL AS person_id, '' AS names FROM services_services"},
      {"sessions",
       "SELECT s.id, v.org_path, NULL AS person_id, '' AS names FROM services_sessions s "
       "JOIN services_services v ON v.id = s.service_id"},
      {"applications", "SELECT id, org_path, NULL AS person_id, applicant_name AS names FROM services_applications"},
      {"venues", "SELECT id, org_path, NULL AS person_id, '' AS names FROM venues_venues"},
      {"rooms",
       "SELECT r.id, v.org_path, NULL AS person_id, '' AS names FROM venues_rooms r JOIN venues_venues v ON v.id = "
       "r.venue_id"},
      {"bookings", "SELECT id, org_path, NULL AS person_id, booker_name AS names FROM venues_bookings"},
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
  };
  return kFixtures;
}

struct RoleUnderTest {
  std::string login;  // "" for the guest
  auth::Actor actor;
  std::string scope_path;  // the subtree "inside" means
  // Teams the account's person leads and columns it edits or reviews: the volunteering and
  // publishing permissions also pass there, whatever the organization (module READMEs).
  std::set<int64_t> led_teams;
  std::set<std::pair<int64_t, std::string>> columns;  // (column, editor | reviewer)
  std::unique_ptr<HttpClient> client;
};

struct Object {
  int64_t id = 0;
  std::string org_path;
  std::string from_path, to_path;
  bool released = false;
  std::vector<std::string> personal;  // strings no out-of-scope answer may contain
  std::optional<int64_t> team_id, column_id;
};

struct Tally {
  size_t checks = 0, scoped = 0, unscoped = 0, no_fixture = 0, refused_before_object = 0, leaks = 0;
  std::set<std::string> routes, missing_fixture_kinds;
};

class PermissionMatrixTest : public ApiTest {
 protected:
  TestServerOptions Options() const override { return {.demo = true}; }

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
    role.led_teams = memberships.first;
    role.columns = memberships.second;
    if (!role.actor.grants.empty()) role.scope_path = role.actor.grants[0].organization_path;
    EXPECT_EQ(role.client->Login(login, "tianshan-demo").status, 200) << login;
    return role;
  }

  // The first object of `kind` inside (or outside) `scope`, not about the caller's own person.
  std::optional<Object> Find(const std::string& kind, const std::string& scope, bool inside,
                             std::optional<int64_t> own_person) {
    return ReadOrFail<std::optional<Object>>([&](storage::Transaction& tx) -> Result<std::optional<Object>> {
      auto rows = tx.Query("SELECT * FROM (" + Fixtures().at(kind) + ") f ORDER BY id");
      if (!rows.ok()) return rows.status();
      for (const auto& row : *rows) {
        const std::string path = row.Text("org_path");
        if ((path.rfind(scope, 0) == 0) != inside) continue;
        if (own_person && !row.IsNull("person_id") && row.Int("person_id") == *own_person) continue;
        Object o;
        o.id = row.Int("id");
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

// "/api/v1/organizations/{id}/people" → "organizations"; "" when the path names no object.
std::string ObjectKind(const std::vector<std::string>& segments) {
  for (size_t i = 1; i < segments.size(); ++i) {
    if (segments[i].front() == '{') return segments[i] == "{id}" ? segments[i - 1] : "";
  }
  return "";
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
  // A pending transfer from 风云社区团支部 to a branch outside it, started by the sending side.
  {
    auto karamay = LoggedIn("karamay-admin");
    auto ids =
        ReadOrFail<std::pair<int64_t, int64_t>>([](storage::Transaction& tx) -> Result<std::pair<int64_t, int64_t>> {
          auto member = tx.QueryOne("SELECT person_id FROM auth_accounts WHERE login = 'member'");
          auto to = tx.QueryOne(
              "SELECT o.id FROM organizations_organizations o, organizations_organizations f WHERE f.name = "
              "'风云社区团支部' "
              "AND o.kind = 'branch' AND o.id <> f.id AND o.path LIKE (SELECT path FROM organizations_organizations "
              "WHERE name = '克拉玛依市团委') || '%' ORDER BY o.id LIMIT 1");
          if (!member.ok() || !to.ok() || !*member || !*to) return Status::NotFound();
          return std::make_pair((*member)->Int("person_id"), (*to)->Int("id"));
        });
    auto started = karamay->Post("/api/v1/transfers",
                                 nlohmann::json{{"person_id", ids.first}, {"to_organization_id", ids.second}});
    ASSERT_EQ(started.status, 201) << started.body;
  }

  std::vector<RoleUnderTest> roles;
  for (const char* login : {"region-admin", "karamay-admin", "branch-secretary", "cadre", "member", "youth", ""}) {
    roles.push_back(Role(login));
  }
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
          if (Fixtures().count(kind) == 0) {
            tally.missing_fixture_kinds.insert(kind);
          } else {
            call.object = Find(kind, role.scope_path, inside, role.actor.person_id);
          }
        }
        if (!kind.empty() && !call.object) {
          ++tally.no_fixture;
          continue;
        }
        if (permission != nullptr && call.object && !role.login.empty()) {
          std::string path = call.object->org_path;
          if (side == "to" || (side == "awaited" && call.object->released)) path = call.object->to_path;
          call.allowed = permission->allows(role.actor, path) ||
                         (gate.rfind("volunteering.", 0) == 0 && gate != "volunteering.manage_teams" &&
                          call.object->team_id && role.led_teams.count(*call.object->team_id) != 0) ||
                         (gate == "publishing.write" && call.object->column_id &&
                          role.columns.count({*call.object->column_id, "editor"}) != 0) ||
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
          ++tally.no_fixture;
          continue;
        }
        std::string path;
        for (const auto& s : segments) {
          path += "/";
          if (s.front() != '{') {
            path += s;
          } else if (s == "{id}" && call.object) {
            path += std::to_string(call.object->id);
          } else {
            path += "1";
          }
        }
        auto r =
            call.role->client->Send(method, path, has_body ? "{}" : "",
                                    has_body ? std::map<std::string, std::string>{{"Content-Type", "application/json"}}
                                             : std::map<std::string, std::string>{});
        ++tally.checks;
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
          if (refused_before) ++tally.refused_before_object;
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
      "object, %zu with no object to decide on, %zu skipped (no demo object in that scope; kinds without a "
      "fixture: %s), %zu denied writes refused at validation before the object, %zu leaks; %zu answers "
      "outside the OpenAPI document\n",
      tally.routes.size(), roles.size(), tally.checks, tally.scoped, tally.unscoped, tally.no_fixture, kinds.c_str(),
      tally.refused_before_object, tally.leaks, contract_failures.size());
  std::set<std::string> distinct(contract_failures.begin(), contract_failures.end());
  for (const auto& f : distinct) std::printf("  contract: %s\n", f.c_str());
}

TS_INSTANTIATE_FOR_DATABASES(PermissionMatrixTest);

}  // namespace
}  // namespace tianshan::testing
