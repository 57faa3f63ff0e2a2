#include "kit/permission.h"

namespace tianshan {

const PermissionDefinition* FindPermission(const std::vector<PermissionDefinition>& list, std::string_view name) {
  for (const auto& p : list) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

void WriteCan(JsonOut& out, std::initializer_list<std::pair<std::string_view, bool>> actions) {
  out.Key("can").StartObject();
  for (const auto& [name, allowed] : actions) out.Field(name, allowed);
  out.EndObject();
}

void WriteCanFor(JsonOut& out, const std::vector<PermissionDefinition>& all, std::string_view object,
                 const auth::Actor& actor, std::string_view path, std::initializer_list<std::string_view> deny) {
  out.Key("can").StartObject();
  for (const auto& p : all) {
    if (p.object != object) continue;
    bool denied = false;
    for (auto d : deny) denied = denied || d == p.name;
    out.Field(p.name, !denied && p.allows(actor, path));
  }
  out.EndObject();
}

}  // namespace tianshan
