#pragma once
// The contract every capability module fulfils. A module is registered once, in
// app/module_registry.cc, by a function returning its ModuleDefinition: its migrations, its
// user-facing messages, its routes, its demo data and its counter check. Modules talk to the
// rest of the platform only through AppContext and other modules' public headers.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "auth/organization_directory.h"
#include "auth/password_hasher.h"
#include "auth/session_cache.h"
#include "core/clock.h"
#include "core/messages.h"
#include "http/router.h"
#include "storage/database.h"
#include "storage/migrate.h"

namespace tianshan {

struct AppConfig;

// Services shared by all modules; lives as long as the server. Thread-safe.
struct AppContext {
  storage::Database& db;
  const Clock& clock;
  auth::PasswordHasher& hasher;
  const audit::AuditLog& audit;
  const AppConfig& config;
  // Set by the organizations module during registration.
  const auth::OrganizationDirectory* organizations = nullptr;
  // Called by the organizations module inside the transaction that moves a subtree, so that
  // every module keeping materialized paths on its rows rewrites them in the same transaction.
  using SubtreeMoved = std::function<Status(storage::Transaction&, const std::string& old_prefix,
                                            const std::string& new_prefix)>;
  std::vector<SubtreeMoved> subtree_moved;
  // Sessions resolved recently (see auth/session_cache.h); code that ends a session erases it,
  // code that changes grants or accounts clears it.
  auth::SessionCache* sessions = nullptr;
};

// Shared state while `tianshan demo` loads the demo network, so that later modules can refer
// to what earlier ones created (organizations by name, people by login, ...).
struct DemoContext {
  std::map<std::string, int64_t> organization_ids;  // by full name
  std::map<std::string, int64_t> person_ids;        // by demo key
  std::string demo_password = "tianshan-demo";
};

struct ModuleDefinition {
  std::string name;
  std::vector<storage::Migration> migrations;
  std::vector<MessageText> messages;
  // Adds routes; may also set fields of the AppContext it provides (organizations).
  std::function<void(http::Router&, AppContext&)> register_routes;
  // Loads this module's demo data into an empty database.
  std::function<Status(AppContext&, DemoContext&)> load_demo;
  // Rewrites this module's stored materialized paths after a subtree move (see AppContext).
  AppContext::SubtreeMoved on_subtree_moved;
  // Recomputes maintained counters from scratch; returns one line per difference.
  std::function<Result<std::vector<std::string>>(AppContext&)> verify_counters;
};

}  // namespace tianshan
