#include "modules/accounts/module.h"

#include "auth/session_store.h"
#include "http/gate.h"
#include "modules/accounts/handlers.h"
#include "modules/accounts/public/create_account.h"

namespace tianshan::accounts {
using auth::CreateAccount;
using auth::NewAccount;
using auth::Role;

namespace {

std::vector<MessageText> Messages() {
  return {
      {"auth.bad_credentials", "登录名或密码不正确", "Wrong login name or password"},
      {"auth.throttled", "登录失败次数过多，请 {} 秒后再试", "Too many failed logins; try again in {} seconds"},
      {"auth.busy", "服务器繁忙，请稍后再试", "The server is busy; try again shortly"},
      {"auth.login_shape", "登录名须为 3–40 个小写字母、数字、点、下划线或连字符",
       "Login names are 3–40 lower-case letters, digits, dots, underscores or hyphens"},
      {"auth.phone_shape", "手机号格式不正确（11 位，以 1 开头）", "Phone number must be 11 digits starting with 1"},
      {"auth.login_taken", "登录名或手机号已被使用", "That login name or phone number is already in use"},
      {"auth.all_organizations", "全部组织", "All organizations"},
      {"auth.wrong_current_password", "当前密码不正确", "The current password is wrong"},
      {"auth.password_weak", "至少 {} 个字符，并包含字母、数字、符号中的至少两类",
       "At least {} characters, mixing at least two of letters, digits and symbols"},
      {"auth.password_is_login", "密码不能与登录名相同", "The password must not be the login name"},
      {"auth.password_common", "这是常见密码，很容易被猜中，请换一个",
       "This is a commonly used password and easy to guess; choose another"},
      {"auth.password_unchanged", "新密码不能与当前密码相同", "The new password must differ from the current one"},
      {"auth.password_changed_meanwhile", "密码刚刚已被修改，请重新输入当前密码",
       "The password was just changed elsewhere; enter the current password again"},
      {"auth.new_login_title", "你的账号在新的设备或网络上登录",
       "Your account was signed in from a new device or network"},
      {"auth.new_login_body",
       "{at}（UTC）从网络 {network} 上的 {browser} 登录。如果不是你本人，请立即修改密码并“退出所有设备”。",
       "Signed in at {at} (UTC) from {browser} on network {network}. If this was not you, change your password "
       "now and log out everywhere."},
      {"auth.password_changed_title", "你的账号密码已修改", "Your password was changed"},
      {"auth.password_changed_body",
       "{at}（UTC）你的账号密码已修改，其他设备上的登录都已退出。如果不是你本人修改的，请立即联系你所在组织的管理员。",
       "Your password was changed at {at} (UTC) and every other session was logged out. If you did not change it, "
       "contact your organization's administrator at once."},
      {"auth.session_is_current", "这是当前会话，请使用“退出登录”", "This is the session in use; log out instead"},
  };
}

// Demo accounts, one per role; organizations and people come from earlier modules' demo data.
Status LoadDemo(AppContext& ctx, DemoContext& demo) {
  struct DemoAccount {
    const char* login;
    const char* display_name;
    const char* organization;
    Role role;
    const char* person_key;
  };
  const DemoAccount accounts[] = {
      {"region-admin", "自治区团委管理员", "新疆维吾尔自治区团委", Role::kCommitteeAdmin, nullptr},
      {"karamay-admin", "克拉玛依市团委管理员", "克拉玛依市团委", Role::kCommitteeAdmin, nullptr},
      {"branch-secretary", "风云社区团支部书记", "风云社区团支部", Role::kBranchSecretary, "branch-secretary"},
      {"cadre", "克拉玛依市团委干部", "克拉玛依市团委", Role::kCadre, "cadre"},
      {"member", "风云社区团员", "风云社区团支部", Role::kMember, "member"},
      {"youth", "风云社区青年", "风云社区团支部", Role::kYouth, "youth"},
  };
  for (const auto& a : accounts) {
    NewAccount account{a.login, std::nullopt, a.display_name, demo.demo_password, std::nullopt, {}, true};
    auto org = demo.organization_ids.find(a.organization);
    if (org != demo.organization_ids.end()) account.grants.emplace_back(org->second, a.role);
    if (a.person_key != nullptr) {
      if (auto p = demo.person_ids.find(a.person_key); p != demo.person_ids.end()) account.person_id = p->second;
    }
    auto id = CreateAccount(ctx, account, std::nullopt);
    if (!id.ok()) return id.status();
  }
  return Status::Ok();
}

}  // namespace

ModuleDefinition AccountsModule() {
  ModuleDefinition m;
  m.name = "auth";
  m.migrations = storage::EmbeddedMigrations("auth", "auth/migrations/");
  m.messages = Messages();
  m.register_routes = [](http::Router& r, AppContext& ctx) {
    r.AddAsync(
        "POST", "/api/v1/session", http::Access::kPublic,
        [&ctx](http::HttpRequest& req, http::Reply reply) { LogIn(ctx, req, std::move(reply)); },
        /*csrf_exempt=*/true);
    http::Gated(r, http::kGateSelf).Add("GET", "/api/v1/session", [&ctx](http::HttpRequest& req) {
      return GetSession(ctx, req);
    });
    http::Gated(r, http::kGateSelf).Add("DELETE", "/api/v1/session", [&ctx](http::HttpRequest& req) {
      return LogOut(ctx, req);
    });
    http::Gated(r, http::kGateSelf)
        .AddAsync("POST", "/api/v1/session/password",
                  [&ctx](http::HttpRequest& req, http::Reply reply) { ChangePassword(ctx, req, std::move(reply)); });
    http::Gated(r, http::kGateSelf).Get("/api/v1/session/list", [&ctx](http::HttpRequest& req) {
      return ListMySessions(ctx, req);
    });
    http::Gated(r, http::kGateSelf)
        .AddAsync("DELETE", "/api/v1/session/list",
                  [&ctx](http::HttpRequest& req, http::Reply reply) { EndAllMySessions(ctx, req, std::move(reply)); });
    http::Gated(r, http::kGateSelf).Delete("/api/v1/session/list/{id}", [&ctx](http::HttpRequest& req) {
      return EndMySession(ctx, req);
    });
  };
  m.notification_kinds = {{"auth.new_login", "新设备或新网络登录提醒", "Sign-in from a new device or network"},
                          {"auth.password_changed", "密码已修改提醒", "Your password was changed"}};
  m.load_demo = LoadDemo;
  return m;
}

}  // namespace tianshan::accounts
