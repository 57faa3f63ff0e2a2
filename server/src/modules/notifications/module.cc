#include "modules/notifications/module.h"

#include "modules/notifications/handlers.h"
#include "modules/notifications/live_updates.h"
#include "modules/notifications/mail_sender.h"

namespace tianshan::notifications {
namespace {

std::vector<MessageText> Messages() {
  return {
      {"notifications.not_found", "未找到该通知", "No such notification"},
      {"notifications.bad_email", "电子邮箱格式不正确", "Not an e-mail address"},
      {"notifications.email_needed", "选择邮件通知前请填写电子邮箱", "Give an e-mail address to receive mail"},
      {"notifications.unknown_kind", "没有这种通知", "No such kind of notification"},
      {"notifications.outbox_admins_only", "只有全区（根组织）管理员可以查看待发邮件",
       "Only administrators of a whole tree see the mail outbox"},
      {"notifications.no_relay", "未配置邮件服务器，邮件保留在待发队列中",
       "No mail relay is configured; mail stays in the outbox"},
      {"notifications.relay_refused", "邮件服务器拒绝发送", "The mail relay refused the message"},
  };
}

}  // namespace

ModuleDefinition NotificationsModule() {
  ModuleDefinition m;
  m.name = "notifications";
  m.migrations = storage::EmbeddedMigrations("notifications", "modules/notifications/migrations/");
  m.messages = Messages();
  m.provide_services = [](AppContext& ctx) {
    ctx.services["notifications.live"] = std::make_shared<LiveUpdates>(ctx.db);
  };
  m.register_routes = [](http::Router& r, AppContext& ctx) {
    auto live = std::static_pointer_cast<LiveUpdates>(ctx.services.at("notifications.live"));
    RegisterRoutes(r, ctx, std::move(live));
  };
  m.permissions = {
      {"notifications.read_own", "account", "every signed-in account, its own notifications only",
       [](const auth::Actor& a, std::string_view) { return a.account_id > 0; }},
      {"notifications.outbox", "platform", "committee_admin of a whole tree (a root or every organization)",
       [](const auth::Actor& a, std::string_view) { return a.AdministersARoot(); }},
  };
  m.jobs = {{"notifications.send_mail", "Sends due mail of the outbox through the SMTP relay",
             JobSchedule::Interval(30), 3, 300, SendDueMail}};
  return m;
}

}  // namespace tianshan::notifications
