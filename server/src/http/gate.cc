#include "http/gate.h"

#include <mutex>
#include <unordered_map>

namespace tianshan::http {
namespace {

struct Recorded {
  std::string method, pattern, gate;
};

std::mutex& TableMutex() {
  static std::mutex mu;
  return mu;
}

// Keyed by address; method and pattern are kept too, so that a route of a later router that
// reuses a freed address is never taken for the one recorded.
std::unordered_map<const Route*, Recorded>& Table() {
  static auto* table = new std::unordered_map<const Route*, Recorded>();
  return *table;
}

}  // namespace

Route& Gated::Record(Route& route) {
  std::lock_guard lock(TableMutex());
  Table()[&route] = {route.method, route.pattern, gate_};
  return route;
}

Route& Gated::Get(std::string pattern, Endpoint endpoint) {
  return Record(router_.Get(std::move(pattern), Access::kSession, std::move(endpoint)));
}
Route& Gated::Post(std::string pattern, Endpoint endpoint) {
  return Record(router_.Post(std::move(pattern), Access::kSession, std::move(endpoint)));
}
Route& Gated::Patch(std::string pattern, Endpoint endpoint) {
  return Record(router_.Patch(std::move(pattern), Access::kSession, std::move(endpoint)));
}
Route& Gated::Put(std::string pattern, Endpoint endpoint) {
  return Record(router_.Put(std::move(pattern), Access::kSession, std::move(endpoint)));
}
Route& Gated::Delete(std::string pattern, Endpoint endpoint) {
  return Record(router_.Delete(std::move(pattern), Access::kSession, std::move(endpoint)));
}
Route& Gated::Add(std::string method, std::string pattern, Handler handler, bool csrf_exempt) {
  return Record(router_.Add(std::move(method), std::move(pattern), Access::kSession, std::move(handler), csrf_exempt));
}
Route& Gated::AddAsync(std::string method, std::string pattern, AsyncHandler handler, bool csrf_exempt) {
  return Record(
      router_.AddAsync(std::move(method), std::move(pattern), Access::kSession, std::move(handler), csrf_exempt));
}

std::string GateOf(const Route& route) {
  if (route.access == Access::kPublic) return kGatePublic;
  std::lock_guard lock(TableMutex());
  auto it = Table().find(&route);
  if (it == Table().end() || it->second.method != route.method || it->second.pattern != route.pattern) return "";
  return it->second.gate;
}

}  // namespace tianshan::http
