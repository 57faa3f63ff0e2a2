#pragma once
// The module kit: the contract every capability module fulfils and the services it may use.
//
// A module is registered once, in app/module_registry.cc, by a function returning its
// ModuleDefinition (its manifest, in the spirit of a Decidim component manifest): migrations,
// messages, the services it provides to other modules, routes, named permissions, spreadsheet
// sheets, statistics counters, demo data, path rewrites after subtree moves and its counter
// check. Modules reach the platform only through AppContext and other modules' public headers
// (modules/<name>/public/); `docs/adding-a-module.md` is the checklist and
// `scripts/new-module.sh NAME` writes a skeleton of exactly this shape.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "auth/organization_directory.h"
#include "auth/password_hasher.h"
#include "auth/session_cache.h"
#include "core/clock.h"
#include "core/messages.h"
#include "http/router.h"
#include "kit/counter_definition.h"
#include "kit/job.h"
#include "kit/notification_kind.h"
#include "kit/permission.h"
#include "kit/settings.h"
#include "kit/sheet.h"
#include "storage/database.h"
#include "storage/migrate.h"

namespace tianshan {

// Services shared by all modules; lives as long as the server. Thread-safe.
struct AppContext {
  storage::Database& db;
  const Clock& clock;
  auth::PasswordHasher& hasher;
  const audit::AuditLog& audit;
  const PlatformSettings& settings;
  // Provided by the organizations module (its `provide_services`).
  const auth::OrganizationDirectory* organizations = nullptr;
  // Called by the organizations module inside the transaction that moves a subtree, so that
  // every module keeping materialized paths on its rows rewrites them in the same transaction.
  using SubtreeMoved =
      std::function<Status(storage::Transaction&, const std::string& old_prefix, const std::string& new_prefix)>;
  std::vector<SubtreeMoved> subtree_moved;
  // Sessions resolved recently (see auth/session_cache.h); code that ends a session erases it,
  // code that changes grants or accounts clears it.
  auth::SessionCache* sessions = nullptr;
  // Every module's spreadsheet sheets, by name (see kit/sheet.h); filled before routes.
  std::map<std::string, SheetDefinition> sheets;
  // Every module's named permissions (see kit/permission.h); filled before routes.
  std::vector<PermissionDefinition> permissions;
  // Services modules provide to each other, by name ("notifications.live"), set by their
  // provide_services; other modules reach them only through the provider's public header.
  std::map<std::string, std::shared_ptr<void>, std::less<>> services;
  // Every module's scheduled jobs, by kind (see kit/job.h), and notification kinds.
  std::map<std::string, JobDefinition> jobs;
  // Every module's counter definitions (kit/counter_definition.h).
  std::vector<CounterDefinition> counters;
  std::vector<NotificationKind> notification_kinds;
};

// Shared state while `tianshan demo` loads the demo network, so that later modules can refer
// to what earlier ones created (organizations by name, people by login, ...).
// The service `name` as a T (its provider's public header says which T), or nullptr when no
// module provides it (tests that load only some modules).
template <typename T>
T* FindService(const AppContext& ctx, std::string_view name) {
  auto it = ctx.services.find(name);
  return it == ctx.services.end() ? nullptr : static_cast<T*>(it->second.get());
}

struct DemoContext {
  std::map<std::string, int64_t> organization_ids;  // by full name
  std::map<std::string, int64_t> person_ids;        // by demo key
  std::string demo_password = "tianshan-demo";
};

struct ModuleDefinition {
  std::string name;
  std::vector<storage::Migration> migrations;
  std::vector<MessageText> messages;
  // Sets the services this module provides to others on the AppContext (e.g. the organization
  // directory). Runs for every module before any module registers routes.
  std::function<void(AppContext&)> provide_services;
  // Adds routes. Must not change the AppContext.
  std::function<void(http::Router&, AppContext&)> register_routes;
  // Named permissions: the table of the module's README, the `can` of its payloads and the
  // permission matrix test read this list (see kit/permission.h).
  std::vector<PermissionDefinition> permissions;
  // Spreadsheet sheets this module imports and exports through the generic engine.
  std::vector<SheetDefinition> sheets;
  // Statistics counters this module keeps (organizations' maintained counters).
  std::vector<CounterDefinition> counters;
  // Work that runs on its own: recurring (daily reminders, monthly reports) or enqueued one by
  // one inside a transaction (modules/jobs/public/jobs.h).
  std::vector<JobDefinition> jobs;
  // The kinds of notification this module sends.
  std::vector<NotificationKind> notification_kinds;
  // Loads this module's demo data into an empty database.
  std::function<Status(AppContext&, DemoContext&)> load_demo;
  // Rewrites this module's stored materialized paths after a subtree move (see AppContext).
  AppContext::SubtreeMoved on_subtree_moved;
  // Recomputes maintained counters from scratch; returns one line per difference.
  std::function<Result<std::vector<std::string>>(AppContext&)> verify_counters;
};

}  // namespace tianshan
