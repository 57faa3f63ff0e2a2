#include "modules/publishing/column_support.h"

#include <algorithm>

#include "core/json.h"
#include "modules/publishing/link_policy.h"
#include "modules/publishing/permissions.h"

namespace tianshan::publishing {

Status ApplyColumnInput(storage::Transaction& tx, Column& c, const ColumnInput& input) {
  std::vector<FieldError> errors;
  if (input.name.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back({"name", "field.empty", ""});
  if (input.name.find('>') != std::string::npos || input.name.find("\xEF\xBC\x9E") != std::string::npos) {
    errors.push_back({"name", "publishing.bad_column_name", ""});
  }
  if (auto bad = FindDeniedText(input.name)) errors.push_back({"name", "publishing.denied_text", *bad});
  if (input.parent_id != 0) {
    TS_ASSIGN_OR_RETURN(auto parent, FindColumn(tx, input.parent_id));
    if (!parent || parent->organization_id != c.organization_id || parent->id == c.id) {
      errors.push_back({"parent_id", "publishing.bad_parent", ""});
    } else if (parent->parent_id != 0) {
      errors.push_back({"parent_id", "publishing.too_deep", ""});  // two levels: 群团工作 › 共青团工作
    }
  }
  std::vector<int64_t> all = input.editors;
  all.insert(all.end(), input.reviewers.begin(), input.reviewers.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  TS_ASSIGN_OR_RETURN(auto existing, ExistingAccounts(tx, all));
  for (const auto* list : {&input.editors, &input.reviewers}) {
    const std::string field = list == &input.editors ? "editors" : "reviewers";
    for (size_t i = 0; i < list->size(); ++i) {
      if (std::find(existing.begin(), existing.end(), (*list)[i]) == existing.end()) {
        errors.push_back({field + "[" + std::to_string(i) + "]", "publishing.unknown_account", ""});
      }
    }
  }
  if (errors.empty()) {
    TS_ASSIGN_OR_RETURN(bool taken, ColumnNameTaken(tx, c.organization_id, input.parent_id, input.name, c.id));
    if (taken) return Status::Conflict("publishing.column_name_taken");
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  c.name = input.name;
  c.parent_id = input.parent_id;
  c.position = input.position;
  c.is_public = input.is_public;
  c.show_on_parents = input.show_on_parents;
  return Status::Ok();
}

std::vector<ColumnMember> MembersOf(const ColumnInput& input) {
  std::vector<ColumnMember> out;
  for (int64_t id : input.editors) out.push_back({id, "editor", ""});
  for (int64_t id : input.reviewers) out.push_back({id, "reviewer", ""});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.role, a.account_id) < std::tie(b.role, b.account_id);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const auto& a, const auto& b) { return a.role == b.role && a.account_id == b.account_id; }),
            out.end());
  return out;
}

std::string ColumnAuditJson(const Column& c, const ColumnInput& input) {
  JsonOut out;
  out.StartObject()
      .Field("name", c.name)
      .Field("parent_id", c.parent_id)
      .Field("position", static_cast<int64_t>(c.position))
      .Field("is_public", c.is_public)
      .Field("show_on_parents", c.show_on_parents)
      .Key("editors")
      .StartArray();
  for (int64_t id : input.editors) out.Int(id);
  out.EndArray().Key("reviewers").StartArray();
  for (int64_t id : input.reviewers) out.Int(id);
  out.EndArray().EndObject();
  return out.Take();
}

Result<ColumnView> ColumnViewOf(storage::Transaction& tx, const auth::Actor& actor, const Column& c) {
  ColumnView v;
  v.column = c;
  TS_ASSIGN_OR_RETURN(v.trail, ColumnTrail(tx, c));
  TS_ASSIGN_OR_RETURN(v.members, ColumnMembers(tx, c.id));
  Membership m;
  for (const auto& member : v.members) {
    if (member.account_id != actor.account_id) continue;
    m.editor = m.editor || member.role == "editor";
    m.reviewer = m.reviewer || member.role == "reviewer";
  }
  v.can_edit = CanManageColumns(actor, c.org_path);
  v.can_write = CanWrite(actor, c.org_path, m);
  v.can_review = CanReview(actor, c.org_path, m);
  return v;
}

}  // namespace tianshan::publishing
