#include "modules/people/list_people.h"

#include <charconv>
#include <map>

#include "modules/people/person_repository.h"
#include "storage/sql_text.h"

namespace tianshan::people {
namespace {

struct Cursor {
  std::string path;
  int64_t id = 0;
};

std::optional<int64_t> ParsePositive(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

// "<id>" for scope=self, "<path>:<id>" for scope=subtree.
Result<std::optional<Cursor>> ParseCursor(const std::optional<std::string>& raw, bool subtree) {
  if (!raw) return std::optional<Cursor>();
  Cursor c;
  std::string_view s = *raw;
  if (subtree) {
    size_t colon = s.rfind(':');
    if (colon == std::string_view::npos) return Status::Invalid("cursor", "query.bad_cursor");
    c.path = std::string(s.substr(0, colon));
    if (c.path.size() < 3 || c.path.front() != '/' || c.path.back() != '/' ||
        c.path.find_first_not_of("0123456789/") != std::string::npos) {
      return Status::Invalid("cursor", "query.bad_cursor");
    }
    s = s.substr(colon + 1);
  }
  auto id = ParsePositive(s);
  if (!id) return Status::Invalid("cursor", "query.bad_cursor");
  c.id = *id;
  return std::optional<Cursor>(c);
}

// Position columns are renamed so that they do not meet the person's own in the row.
constexpr std::string_view kPositionAs = "position_";

}  // namespace

Result<PeoplePage> ListPeople(const AppContext& ctx, const auth::Actor& actor, const ListPeopleInput& in) {
  TS_ASSIGN_OR_RETURN(auto cursor, ParseCursor(in.cursor, in.subtree));
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<PeoplePage> {
    TS_ASSIGN_OR_RETURN(auto org, LoadListedOrganization(tx, actor, in.organization_id));
    if (!CanListPeople(actor, org.path)) return Status::Forbidden();
    const bool cadre = in.kind && *in.kind == "cadre";
    // Rows are keyed by the position for cadres, by the person otherwise.
    const std::string t = cadre ? "x" : "p";
    // Members carry their membership's date and number (the people export has them).
    std::string sql = "SELECT " + PersonColumns("p.") + ", m.member_since, m.member_number";
    if (cadre) {
      sql += ", " + PositionColumns("x.", kPositionAs) +
             " FROM people_positions x JOIN people_persons p ON p.id = x.person_id";
    } else {
      sql += " FROM people_persons p";
    }
    sql += " LEFT JOIN people_memberships m ON m.person_id = p.id AND m.status = 'active'";
    sql += cadre ? " WHERE x.ended_on IS NULL" : " WHERE 1 = 1";
    std::vector<storage::Param> params;
    const std::string upper = storage::PrefixUpperBound(org.path);
    if (in.subtree) {
      sql += " AND " + t + ".org_path >= ? AND " + t + ".org_path < ?";
      params.insert(params.end(), {storage::Param(org.path), storage::Param(upper)});
      if (cursor && tx.dialect() == storage::Dialect::kPostgres) {
        // A row comparison is one range on the (org_path, id) index; PostgreSQL plans the OR
        // below as two bitmap scans and a sort of every row after the cursor in the subtree.
        sql += " AND (" + t + ".org_path, " + t + ".id) > (?, ?)";
        params.insert(params.end(), {storage::Param(cursor->path), cursor->id});
      } else if (cursor) {
        sql += " AND (" + t + ".org_path > ? OR (" + t + ".org_path = ? AND " + t + ".id > ?))";
        params.insert(params.end(), {storage::Param(cursor->path), storage::Param(cursor->path), cursor->id});
      }
    } else {
      sql += " AND " + t + ".organization_id = ?";
      params.emplace_back(org.id);
      if (cursor) {
        sql += " AND " + t + ".id > ?";
        params.emplace_back(cursor->id);
      }
    }
    if (in.kind && *in.kind == "member") sql += " AND p.is_member = 1";
    if (in.kind && *in.kind == "youth") sql += " AND p.is_member = 0";
    if (in.ethnicity) {
      sql += " AND p.ethnicity = ?";
      params.emplace_back(*in.ethnicity);
    }
    if (in.education) {
      sql += " AND p.education = ?";
      params.emplace_back(*in.education);
    }
    if (!in.ids.empty()) {
      sql += " AND p.id IN (?";
      for (size_t i = 1; i < in.ids.size(); ++i) sql += ", ?";
      sql += ")";
      for (int64_t id : in.ids) params.emplace_back(id);
    }
    std::string like, identity;
    if (in.q) {
      like = storage::ContainsPattern(*in.q);
      identity = NormalizeIdentityNumber(*in.q);
      sql += " AND (p.name LIKE ? ESCAPE '\\' OR p.identity_number = ? OR p.phone = ?)";
      params.insert(params.end(), {storage::Param(like), storage::Param(identity), storage::Param(*in.q)});
    }
    sql += in.subtree ? " ORDER BY " + t + ".org_path, " + t + ".id" : " ORDER BY " + t + ".id";
    sql += " LIMIT ?";
    params.emplace_back(in.limit + 1);
    TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));

    PeoplePage page;
    // The listed organization was read above: rows of its own people need no second look-up.
    std::map<int64_t, std::optional<auth::OrganizationRef>> refs{
        {org.id, auth::OrganizationRef{org.id, org.path, org.fields.name}}};
    auto ref_of = [&](int64_t id) -> Result<std::optional<auth::OrganizationRef>> {
      auto it = refs.find(id);
      if (it != refs.end()) return it->second;
      TS_ASSIGN_OR_RETURN(auto ref, FindOrganizationRef(tx, ctx, id));
      refs[id] = ref;
      return ref;
    };
    for (size_t i = 0; i < rows.size() && static_cast<int>(i) < in.limit; ++i) {
      const auto& r = rows[i];
      ListedPerson item;
      item.person = ReadPerson(r);
      item.member_since = r.OptText("member_since");
      item.member_number = r.OptText("member_number");
      std::string key_path = item.person.org_path;
      int64_t key_id = item.person.id, key_org = item.person.organization_id;
      if (cadre) {
        item.position = ReadPosition(r, kPositionAs);
        key_path = item.position->org_path;
        key_id = item.position->id;
        key_org = item.position->organization_id;
      }
      if (static_cast<int>(i) + 1 == in.limit && rows.size() > static_cast<size_t>(in.limit)) {
        page.next_cursor = in.subtree ? key_path + ":" + std::to_string(key_id) : std::to_string(key_id);
      }
      // Stored paths may predate a move of the organization: decide on the current one.
      TS_ASSIGN_OR_RETURN(auto key_ref, ref_of(key_org));
      const std::string current = key_ref ? key_ref->path : key_path;
      if (current.compare(0, org.path.size(), org.path) != 0) continue;
      TS_ASSIGN_OR_RETURN(auto own_ref, ref_of(item.person.organization_id));
      if (own_ref) {
        item.person.org_path = own_ref->path;
        item.organization_name = own_ref->name;
      }
      if (cadre) item.position_organization_name = key_ref ? key_ref->name : "";
      item.view = PersonView(actor, {current, item.person.org_path}, IsSelf(actor, item.person.id));
      if (item.view == View::kNone) continue;
      page.items.push_back(std::move(item));
    }
    return page;
  });
}

}  // namespace tianshan::people
