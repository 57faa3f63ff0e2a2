#pragma once
// Test support for the organizations module (included by *_test.cc only): a database with
// the audit and organizations migrations applied, an AppContext around it with a fake clock,
// and helpers to build organizations and actors.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "audit/audit_log.h"
#include "auth/password_hasher.h"
#include "kit/settings.h"
#include "modules/organizations/create_organization.h"
#include "modules/organizations/module.h"
#include "testing/test_database.h"

namespace tianshan::organizations::testing {

class OrganizationsTest : public ::tianshan::testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto migrations = storage::EmbeddedMigrations("audit", "audit/migrations/");
    for (auto& m : OrganizationsModule().migrations) migrations.push_back(std::move(m));
    auto applied = storage::ApplyMigrations(db(), migrations);
    ASSERT_TRUE(applied.ok()) << applied.status().message() << " " << applied.status().detail();
    ctx_ = std::make_unique<AppContext>(AppContext{db(), clock_, Hasher(), audit_, settings_});
  }

  static auth::PasswordHasher& Hasher() {
    static auth::PasswordHasher* hasher = new auth::PasswordHasher(1, 4, auth::HashCost::kFast);
    return *hasher;
  }

  AppContext& ctx() { return *ctx_; }

  // Creates an organization without authorization; fails the test on error.
  Organization Make(const std::string& name, const Organization* parent = nullptr,
                    const std::string& kind = "committee", const std::string& setting = "government") {
    CreateOrganizationInput in;
    if (parent) in.parent_id = parent->id;
    in.fields.name = name;
    in.fields.kind = kind;
    in.fields.setting = setting;
    auto r = db().Write(
        [&](storage::Transaction& tx) { return CreateOrganizationUnchecked(tx, ctx(), std::nullopt, in, "test"); });
    EXPECT_TRUE(r.ok()) << r.status().message() << " " << r.status().detail();
    return r.ok() ? *r : Organization{};
  }

  static auth::Actor ActorWith(auth::Role role, const Organization& org, int64_t account_id = 42) {
    auth::Actor a;
    a.account_id = account_id;
    a.login = "tester";
    a.grants.push_back({org.id, org.path, org.fields.name, role});
    return a;
  }
  static auth::Actor AdminOn(const Organization& org) { return ActorWith(auth::Role::kCommitteeAdmin, org); }

  static CreateOrganizationInput Input(const std::string& name, std::optional<int64_t> parent_id,
                                       const std::string& kind = "branch", const std::string& setting = "community") {
    CreateOrganizationInput in;
    in.parent_id = parent_id;
    in.fields.name = name;
    in.fields.kind = kind;
    in.fields.setting = setting;
    return in;
  }

  FakeClock clock_;
  audit::AuditLog audit_{clock_};
  PlatformSettings settings_;
  std::unique_ptr<AppContext> ctx_;
};

// True when `s` failed with `code` and names `field` among its field errors.
inline ::testing::AssertionResult FailsOn(const Status& s, StatusCode code, const std::string& field = {}) {
  if (s.code() != code) {
    return ::testing::AssertionFailure() << "code " << static_cast<int>(s.code()) << " (" << s.message() << ")";
  }
  if (field.empty()) return ::testing::AssertionSuccess();
  for (const auto& e : s.field_errors()) {
    if (e.field == field) return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no field error on " << field;
}

}  // namespace tianshan::organizations::testing
