#include "storage/read_replica.h"

namespace tianshan::storage {
namespace {

struct ThreadRouting {
  bool in_scope = false;
  bool may_lag = false;
  bool wrote = false;
};
thread_local ThreadRouting t_routing;

}  // namespace

LaggingReadsScope::LaggingReadsScope(bool may_lag) { t_routing = ThreadRouting{true, may_lag, false}; }

LaggingReadsScope::~LaggingReadsScope() { t_routing = ThreadRouting{}; }

bool LaggingReadsScope::wrote() const { return t_routing.wrote; }

bool ReadsMayLagOnThisThread() { return t_routing.may_lag; }

void NoteWriteOnThisThread() {
  if (!t_routing.in_scope) return;
  t_routing.wrote = true;
  t_routing.may_lag = false;
}

}  // namespace tianshan::storage
