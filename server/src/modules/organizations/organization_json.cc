#include "modules/organizations/organization_json.h"

#include "core/clock.h"
#include "core/masking.h"
#include "modules/organizations/public/counters.h"

namespace tianshan::organizations {

void WriteOrganization(JsonOut& out, const Organization& o, bool full_phone, bool close) {
  const auto& f = o.fields;
  out.StartObject();
  out.Field("id", o.id);
  out.Field("parent_id", o.parent_id);
  out.Field("path", o.path);
  out.Field("depth", o.depth);
  out.Field("name", f.name);
  out.Field("short_name", f.short_name);
  out.Field("kind", f.kind);
  out.Field("setting", f.setting);
  out.Field("region_code", f.region_code);
  out.Field("address", f.address);
  out.Field("contact_name", f.contact_name);
  std::optional<std::string> phone = f.contact_phone;
  if (phone && !full_phone) phone = MaskPhone(*phone);
  out.Field("contact_phone", phone);
  out.Field("founded_on", f.founded_on);
  out.Field("status", o.status);
  out.Field("created_at", FormatUtc(o.created_at));
  out.Field("updated_at", FormatUtc(o.updated_at));
  if (close) out.EndObject();
}

std::string OrganizationAuditJson(const Organization& org) {
  JsonOut out;
  WriteOrganization(out, org, false);
  return out.Take();
}

void WriteCoverageUnit(JsonOut& out, const CoverageUnit& u, bool close) {
  out.StartObject();
  out.Field("id", u.id);
  out.Field("organization_id", u.organization_id);
  out.Field("name", u.name);
  out.Field("kind", u.kind);
  out.Field("young_employees", u.young_employees);
  out.Field("covered_by_organization_id", u.covered_by_organization_id);
  out.Field("covered", u.covered());
  out.Field("created_at", FormatUtc(u.created_at));
  out.Field("updated_at", FormatUtc(u.updated_at));
  if (close) out.EndObject();
}

void WriteListedCoverageUnit(JsonOut& out, const ListedCoverageUnit& u) {
  WriteCoverageUnit(out, u, false);
  out.Field("organization_name", u.organization_name);
  out.Field("covered_by_name", u.covered_by_name);
  out.EndObject();
}

void WriteChildCoverage(JsonOut& out, const ChildCoverage& row) {
  out.StartObject()
      .Field("id", row.id)
      .Field("name", row.name)
      .Field("kind", row.kind)
      .Field("units", row.units)
      .Field("covered", row.covered)
      .Field("uncovered", row.units - row.covered);
  out.Key("rate");
  if (auto rate = row.rate()) {
    out.Double(*rate);
  } else {
    out.Null();
  }
  out.EndObject();
}

std::string CoverageUnitAuditJson(const CoverageUnit& unit) {
  JsonOut out;
  WriteCoverageUnit(out, unit);
  return out.Take();
}

namespace {

void WriteSide(JsonOut& out, const CounterMap& counters, bool subtree) {
  auto get = [&](std::string_view key) -> int64_t {
    auto it = counters.find(key);
    if (it == counters.end()) return 0;
    return subtree ? it->second.subtree : it->second.self;
  };
  out.StartObject();
  out.Field("organizations", get(counter::kOrganizations));
  out.Key("by_kind").StartObject();
  for (const auto& kind : Kinds()) out.Field(kind, get("kind." + kind));
  out.EndObject();
  out.Field("members", get(counter::kMembers));
  out.Field("cadres", get(counter::kCadres));
  out.Field("youth", get(counter::kYouth));
  int64_t units = get(counter::kUnits), covered = get(counter::kCoveredUnits);
  out.Key("coverage").StartObject();
  out.Field("units", units);
  out.Field("covered", covered);
  out.Key("rate");
  if (units > 0) {
    out.Double(static_cast<double>(covered) / static_cast<double>(units));
  } else {
    out.Null();
  }
  out.EndObject();
  // Counters kept by other modules (volunteer.hours_minutes, ...) appear under their own keys.
  for (const auto& [key, value] : counters) {
    if (key.find('.') == std::string::npos || key.rfind("kind.", 0) == 0 || key.rfind("coverage.", 0) == 0) continue;
    out.Field(key, subtree ? value.subtree : value.self);
  }
  out.EndObject();
}

}  // namespace

std::string StatsJson(int64_t organization_id, const CounterMap& counters) {
  JsonOut out;
  out.StartObject();
  out.Field("organization_id", organization_id);
  out.Key("self");
  WriteSide(out, counters, false);
  out.Key("subtree");
  WriteSide(out, counters, true);
  out.EndObject();
  return out.Take();
}

}  // namespace tianshan::organizations
