#pragma once
// The use cases of the __MODULE__ module. Each runs in one transaction: load → validate →
// authorize → change → audit. An organization outside every grant (or a __ENTITY_WORDS__ of one) is
// 404, so ids reveal nothing; a readable one where the role may not act is 403.
//
//   Create__Entity__  a __ENTITY_WORDS__ of an active organization (422 with every field error; 409 when
//                     the organization already has one of that name); audited.
//   Get__Entity__     one __ENTITY_WORDS__ the caller may read.
//   List__Entities__  an organization's __ENTITIES_WORDS__ by id, keyset pages, `q` searches names.

#include <optional>
#include <string>
#include <vector>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/__MODULE__/__ENTITY__.h"

namespace tianshan::__MODULE__ {

struct Create__Entity__Input {
  std::string name;
  std::optional<std::string> note;
};

// What a caller sees of one __ENTITY_WORDS__: the row and what they may do with it.
struct __Entity__View {
  __Entity__ entity;
  bool can_edit = false;
};

struct __Entity__Page {
  std::vector<__Entity__View> items;
  std::optional<int64_t> next_cursor;
};

Result<__Entity__View> Create__Entity__(const AppContext& ctx, const auth::Caller& caller, int64_t organization_id,
                                        const Create__Entity__Input& input);
Result<__Entity__View> Get__Entity__(const AppContext& ctx, const auth::Actor& actor, int64_t id);
Result<__Entity__Page> List__Entities__(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                        const std::optional<std::string>& q, std::optional<int64_t> after_id,
                                        int limit);

}  // namespace tianshan::__MODULE__
