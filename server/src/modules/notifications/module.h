#pragma once
// The notifications module: what waits for me (notifications with read state, live unread
// counts), which kinds also reach me by mail, and the mail outbox. Other modules notify through
// public/notify.h. Routes (every route needs a session; an account reads only its own):
//   GET  /api/v1/notifications?unread=true&limit=&cursor=   newest first, with the unread count
//   GET  /api/v1/notifications/unread-count
//   GET  /api/v1/notifications/stream                       server-sent events: `unread`
//   POST /api/v1/notifications/{id}/read                     another account's id: 404
//   POST /api/v1/notifications/read-all
//   GET  /api/v1/notifications/settings, PUT …/settings    e-mail address, language, mail kinds
//   GET  /api/v1/notifications/outbox?status=               committee admins of a whole tree

#include "kit/module.h"

namespace tianshan::notifications {

ModuleDefinition NotificationsModule();

}  // namespace tianshan::notifications
