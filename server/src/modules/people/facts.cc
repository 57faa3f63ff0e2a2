// The people module's facts for other modules (public/facts.h).
#include "modules/people/public/facts.h"

#include <algorithm>

namespace tianshan::people {
namespace {

constexpr const char* kPositionColumns = "id, person_id, organization_id, title, employment, started_on";

Result<std::vector<OpenPosition>> ReadPositions(Result<storage::Rows> rows) {
  TS_RETURN_IF_ERROR(rows.status());
  std::vector<OpenPosition> out;
  for (const auto& r : *rows) {
    out.push_back({r.Int("id"), r.Int("person_id"), r.Int("organization_id"), r.Text("title"), r.Text("employment"),
                   r.Text("started_on")});
  }
  return out;
}

}  // namespace

Result<std::vector<OpenPosition>> OpenPositionsOf(storage::Transaction& tx, int64_t person_id) {
  return ReadPositions(tx.Query(std::string("SELECT ") + kPositionColumns +
                                    " FROM people_positions WHERE person_id = ? AND ended_on IS NULL ORDER BY "
                                    "CASE WHEN employment = 'full_time' THEN 0 ELSE 1 END, started_on, id",
                                {person_id}));
}

Result<std::vector<OpenPosition>> OpenPositionsAt(storage::Transaction& tx, int64_t organization_id) {
  return ReadPositions(tx.Query(std::string("SELECT ") + kPositionColumns +
                                    " FROM people_positions WHERE organization_id = ? AND ended_on IS NULL ORDER BY "
                                    "started_on, id",
                                {organization_id}));
}

Result<std::map<int64_t, PersonBrief>> PeopleByIds(storage::Transaction& tx, const std::vector<int64_t>& ids) {
  std::map<int64_t, PersonBrief> out;
  if (ids.empty()) return out;
  if (ids.size() > 1000) return Status::Internal("error.internal").WithDetail("PeopleByIds: too many ids");
  // The list is padded (repeating the last id) to a power of two, so that the statement cache
  // holds a handful of texts, not one per list length.
  size_t slots = 8;
  while (slots < ids.size()) slots *= 2;
  std::string sql = "SELECT id, name, birth_date, organization_id, is_member FROM people_persons WHERE id IN (";
  std::vector<storage::Param> params;
  for (size_t i = 0; i < slots; ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(ids[std::min(i, ids.size() - 1)]);
  }
  sql += ")";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  for (const auto& r : rows) {
    out[r.Int("id")] = {r.Int("id"), r.Text("name"), r.Text("birth_date"), r.Int("organization_id"),
                        r.Bool("is_member")};
  }
  return out;
}

}  // namespace tianshan::people
