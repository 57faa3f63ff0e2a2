#pragma once
// Named permissions, declared in each module's manifest (ModuleDefinition::permissions).
//
// A permission is a pure rule over the actor's grants and the organization path of the object
// (deny by default; a grant covers its organization's whole subtree and nothing above or
// beside it). The same list is the module README's permission table (`who`), the source of
// the `can` object in payloads (the web shows exactly the actions the server allows and never
// re-derives a rule), and the input of the permission matrix test over every route.

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/actor.h"
#include "core/json.h"

namespace tianshan {

struct PermissionDefinition {
  std::string name;    // "organizations.update": module name, a dot, the action
  std::string object;  // what `path` is the path of: "organization" (the organization acted on
                       // or in), "person" (the person's attachment), ...
  std::string who;     // the README table's cell: "committee_admin covering it"
  // The rule on an object whose organization sits at `path`. Conditions on the object's state
  // (archived, pending, ...) are the use case's; this is who may, not when.
  std::function<bool(const auth::Actor& actor, std::string_view path)> allows;
};

// The definition named `name` in `list`; nullptr when there is none.
const PermissionDefinition* FindPermission(const std::vector<PermissionDefinition>& list, std::string_view name);

// Writes `"can": {"edit": true, ...}`: the action names (without the module prefix) and
// whether the caller may take each now, as decided by the use case.
void WriteCan(JsonOut& out, std::initializer_list<std::pair<std::string_view, bool>> actions);

// Writes `"can": {"organizations.update": true, "people.list": false, ...}` for every
// permission in `all` whose object is `object`, decided for `actor` at `path`; `deny` names
// permissions that the object's state rules out now (an archived organization takes no child).
void WriteCanFor(JsonOut& out, const std::vector<PermissionDefinition>& all, std::string_view object,
                 const auth::Actor& actor, std::string_view path, std::initializer_list<std::string_view> deny = {});

}  // namespace tianshan
