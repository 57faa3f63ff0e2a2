#!/usr/bin/env bash
# Writes a new module of the platform's shape, ready to build and pass its tests:
#   scripts/new-module.sh NAME [ENTITY]
# NAME is the module (lower case, snake_case, plural: "partnerships"); ENTITY is what it keeps
# (singular: "agreement"; default: NAME without its final "s"). It writes
#   server/src/modules/NAME/  module registration, README with the permission table, OpenAPI
#                             fragment, first migration, messages, use cases, repository with
#                             typed rows, request parsing, endpoints, a permission truth-table
#                             test and an API test on both databases
#   web/src/                  api/NAME.ts, locales/{zh-CN,en}/NAME.json, views/NAME/{list.vue,
#                             data.ts, EntityForm.vue}, router/routes/NAME.ts
# and registers it in app/module_registry.cc and web/src/router/index.ts. docs/adding-a-module.md
# is the checklist of what to do next.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "new-module: $*" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || die "usage: scripts/new-module.sh NAME [ENTITY]"
module="$1"
entity="${2:-${module%s}}"
[[ "$module" =~ ^[a-z][a-z0-9_]{1,30}$ ]] || die "NAME must be lower-case snake_case (a-z, 0-9, _), 2–31 characters"
[[ "$entity" =~ ^[a-z][a-z0-9_]{1,30}$ ]] || die "ENTITY must be lower-case snake_case"
[[ "$entity" != "$module" ]] || die "ENTITY must differ from NAME (give it: scripts/new-module.sh $module item)"
[[ ! -e "server/src/modules/$module" ]] || die "server/src/modules/$module already exists"
[[ ! -e "web/src/views/$module" ]] || die "web/src/views/$module already exists"

pascal() { local out="" part; IFS=_ read -ra parts <<<"$1"; for part in "${parts[@]}"; do out+="${part^}"; done; echo "$out"; }
camel() { local p; p="$(pascal "$1")"; echo "${p,}"; }
words() { echo "${1//_/ }"; }
entities="${entity}s"
Module="$(pascal "$module")"
Entity="$(pascal "$entity")"
Entities="$(pascal "$entities")"
moduleCamel="$(camel "$module")"
title="$(words "$module")"
title="${title^}"

render() {  # template file → stdout with every placeholder replaced
  sed -e "s/__MODULE__/$module/g" -e "s/__Module__/$Module/g" -e "s/__moduleCamel__/$moduleCamel/g" \
      -e "s/__ENTITIES_WORDS__/$(words "$entities")/g" -e "s/__ENTITY_WORDS__/$(words "$entity")/g" \
      -e "s/__ENTITIES__/$entities/g" -e "s/__Entities__/$Entities/g" \
      -e "s/__ENTITY__/$entity/g" -e "s/__Entity__/$Entity/g" -e "s/__Title__/$title/g" "$1"
}

copy_tree() {  # template folder, target folder
  local from="$1" to="$2" file rel target
  while IFS= read -r -d '' file; do
    rel="${file#"$from"/}"
    target="$to/$(echo "$rel" | sed -e "s/__MODULE__/$module/g" -e "s/__ENTITIES__/$entities/g" -e "s/__ENTITY__/$entity/g" -e "s/__Entity__/$Entity/g")"
    mkdir -p "$(dirname "$target")"
    render "$file" >"$target"
  done < <(find "$from" -type f -print0)
}

template=scripts/module-template
copy_tree "$template/server" "server/src/modules/$module"
copy_tree "$template/web" "web/src"

# The house style is mechanical (clang-format, Google base): the generated C++ follows it.
if command -v clang-format >/dev/null; then
  clang-format -i --style=file "server/src/modules/$module"/*.cc "server/src/modules/$module"/*.h
fi

# Register the server module before accounts (whose demo data comes last).
registry=server/src/app/module_registry.cc
sed -i "s|#include \"modules/accounts/module.h\"|#include \"modules/$module/module.h\"\n#include \"modules/accounts/module.h\"|" "$registry"
sed -i "s|  // Accounts come after|  modules.push_back($module::${Module}Module());\n  // Accounts come after|" "$registry"
grep -q "${Module}Module()" "$registry" || die "could not register the module in $registry"

# Register the web routes.
router=web/src/router/index.ts
if [[ -f "$router" ]]; then
  sed -i "s|^import { homeRoutes } from './routes/home';|import { homeRoutes } from './routes/home';\nimport { ${moduleCamel}Routes } from './routes/$module';|" "$router"
  sed -i "s|children: \[...homeRoutes, |children: [...homeRoutes, ...${moduleCamel}Routes, |" "$router"
  grep -q "${moduleCamel}Routes" "$router" || die "could not register the web routes in $router"
fi

# The web's API types come from the OpenAPI fragments, the new one included.
if [[ -d web/node_modules ]]; then
  (cd web && npm run --silent openapi-types)
else
  echo "new-module: run 'cd web && npm run openapi-types' after 'make deps' to generate the web's API types"
fi

echo "new-module: wrote server/src/modules/$module and web/src/{api,views,locales,router/routes} for $module"
echo "new-module: next: make test (the new tests run on both databases), then docs/adding-a-module.md"
