#pragma once
// The application context over another database: a wrapper that counts statements (tests), or
// one whose transactions are a transaction already open (app/repair_counters.cc). Everything
// else is shared with `ctx`; `db` and `ctx` must outlive the copy.

#include "kit/module.h"

namespace tianshan {

inline AppContext ContextOver(const AppContext& ctx, storage::Database& db) {
  return AppContext{
      db,           ctx.clock,  ctx.hasher,      ctx.audit,    ctx.settings, ctx.organizations, ctx.subtree_moved,
      ctx.sessions, ctx.sheets, ctx.permissions, ctx.services, ctx.jobs,     ctx.counters,      ctx.notification_kinds};
}

}  // namespace tianshan
