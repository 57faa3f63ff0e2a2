#include "modules/organizations/public/counters.h"

#include <vector>

#include "modules/organizations/counter_store.h"
#include "modules/organizations/organization_repository.h"
#include "modules/organizations/public/counter_repair.h"
#include "modules/organizations/public/organization.h"

namespace tianshan::organizations {
namespace {

Status Upsert(storage::Transaction& tx, int64_t organization_id, std::string_view key, int64_t self_delta,
              int64_t subtree_delta) {
  return tx
      .Execute(
          "INSERT INTO organizations_counters (organization_id, counter_key, self_value, subtree_value) "
          "VALUES (?, ?, ?, ?) ON CONFLICT (organization_id, counter_key) DO UPDATE SET "
          "self_value = organizations_counters.self_value + excluded.self_value, "
          "subtree_value = organizations_counters.subtree_value + excluded.subtree_value",
          {organization_id, key, self_delta, subtree_delta})
      .status();
}

}  // namespace

Result<CounterMap> ReadCounters(storage::Transaction& tx, int64_t organization_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT counter_key, self_value, subtree_value FROM organizations_counters "
                                          "WHERE organization_id = ?",
                                          {organization_id}));
  CounterMap out;
  for (const auto& r : rows) out[r.Text("counter_key")] = {r.Int("self_value"), r.Int("subtree_value")};
  return out;
}

Status ApplyCounterDelta(storage::Transaction& tx, std::string_view path, std::string_view key, int64_t delta) {
  if (delta == 0) return Status::Ok();
  std::vector<int64_t> ids = PathIds(path);
  if (ids.empty()) return Status::Internal("error.internal").WithDetail("malformed path " + std::string(path));
  for (size_t i = 0; i < ids.size(); ++i) {
    bool self = i + 1 == ids.size();
    TS_RETURN_IF_ERROR(Upsert(tx, ids[i], key, self ? delta : 0, delta));
  }
  return Status::Ok();
}

Status ShiftSubtreeCounters(storage::Transaction& tx, int64_t organization_id, std::string_view old_parent_path,
                            std::string_view new_parent_path) {
  std::vector<int64_t> old_ids = PathIds(old_parent_path), new_ids = PathIds(new_parent_path);
  size_t common = 0;
  while (common < old_ids.size() && common < new_ids.size() && old_ids[common] == new_ids[common]) ++common;
  TS_ASSIGN_OR_RETURN(CounterMap counters, ReadCounters(tx, organization_id));
  for (const auto& [key, value] : counters) {
    if (value.subtree == 0) continue;
    for (size_t i = common; i < old_ids.size(); ++i) TS_RETURN_IF_ERROR(Upsert(tx, old_ids[i], key, 0, -value.subtree));
    for (size_t i = common; i < new_ids.size(); ++i) TS_RETURN_IF_ERROR(Upsert(tx, new_ids[i], key, 0, value.subtree));
  }
  return Status::Ok();
}

Status AdjustCounter(storage::Transaction& tx, int64_t organization_id, std::string_view key, int64_t delta) {
  // FOR SHARE on PostgreSQL: a concurrent move of this organization waits for us (or we for it),
  // so the path we add along is the one the counters live on when we commit.
  TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, organization_id, RowLock::kShare));
  if (!org) return Status::NotFound("organization.not_found");
  return ApplyCounterDelta(tx, org->path, key, delta);
}

Status SetSelfCounters(storage::Transaction& tx, std::string_view key, const std::map<int64_t, int64_t>& values) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT organization_id, self_value FROM organizations_counters WHERE "
                                          "counter_key = ? AND self_value <> 0",
                                          {key}));
  std::map<int64_t, int64_t> delta;
  for (const auto& r : rows) delta[r.Int("organization_id")] -= r.Int("self_value");
  for (const auto& [org, value] : values) delta[org] += value;
  for (const auto& [org, d] : delta) {
    if (d != 0) {
      TS_RETURN_IF_ERROR(AdjustCounter(tx, org, key, d));
    }
  }
  return Status::Ok();
}

Status AddSelfCounts(storage::Transaction& tx, std::string_view key, std::string_view sql, SelfCounts& counts) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql));
  for (const auto& r : rows) counts[r.Int("organization_id")][std::string(key)] += r.Int("value");
  return Status::Ok();
}

Status AddCountedOrganizations(storage::Transaction& tx, std::string_view sql, SelfCounts& counts) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql));
  for (const auto& r : rows) counts[r.Int("organization_id")];
  return Status::Ok();
}

Result<std::vector<std::string>> CompareSelfCounters(storage::Transaction& tx, std::string_view module,
                                                     const std::vector<std::string_view>& keys,
                                                     const SelfCounts& counts) {
  std::vector<std::string> out;
  for (const auto& [organization_id, recounted] : counts) {
    TS_ASSIGN_OR_RETURN(CounterMap stored, ReadCounters(tx, organization_id));
    for (std::string_view key : keys) {
      auto e = recounted.find(key);
      const int64_t want = e == recounted.end() ? 0 : e->second;
      auto s = stored.find(key);
      const int64_t have = s == stored.end() ? 0 : s->second.self;
      if (have == want) continue;
      if (auto* repair = CounterRepair::Active()) repair->ExpectSelf(organization_id, key, want);
      out.push_back(std::string(module) + ": organization " + std::to_string(organization_id) + " " + std::string(key) +
                    ": self is " + std::to_string(have) + ", expected " + std::to_string(want));
    }
  }
  return out;
}

}  // namespace tianshan::organizations
