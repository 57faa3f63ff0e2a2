#pragma once
// Instances sharing one database tell each other about changes: PostgreSQL LISTEN/NOTIFY
// (storage/postgres/pg_events.h). On SQLite, one process serves the database and these do
// nothing.
//
// After StartInstanceEvents, every write transaction this process commits is announced, and a
// write announced by another instance advances write_generation() here too, so that caches keyed
// on it see every instance's writes within a round trip or two. PublishInstanceEvent sends
// `payload` (printable ASCII without "|") to the other instances, whose `on_event` gets it on
// their listener thread (a process never gets its own); "*" means notifications were lost
// (the listener reconnected): assume everything changed. StartInstanceEvents fails when the
// connections cannot be opened; StopInstanceEvents (idempotent) must run before what `on_event`
// captures is destroyed. Start and stop while no request runs.

#include <functional>
#include <string>
#include <string_view>

#include "storage/database.h"

namespace tianshan::storage {

[[nodiscard]] Status StartInstanceEvents(Database& db, std::function<void(std::string_view payload)> on_event);
void StopInstanceEvents(Database& db);
void PublishInstanceEvent(Database& db, std::string payload);

}  // namespace tianshan::storage
