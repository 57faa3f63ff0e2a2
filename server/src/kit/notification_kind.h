#pragma once
// A kind of notification a module sends (ModuleDefinition::notification_kinds): the settings
// screen lists every kind with its labels, and a person chooses which kinds also reach them by
// e-mail. Sending is through modules/notifications/public/notify.h.

#include <string>

namespace tianshan {

struct NotificationKind {
  std::string kind;  // "people.transfer_pending": module name, a dot, what
  std::string label_zh;
  std::string label_en;
};

}  // namespace tianshan
