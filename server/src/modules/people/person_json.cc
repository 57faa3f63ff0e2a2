#include "modules/people/person_json.h"

#include "core/masking.h"
#include "kit/permission.h"

namespace tianshan::people {

std::optional<std::string> VisiblePhone(const std::optional<std::string>& phone, View view) {
  if (!phone) return std::nullopt;
  return view == View::kFull || view == View::kPhone ? *phone : MaskPhone(*phone);
}

std::optional<std::string> VisibleIdentity(const std::optional<std::string>& identity, View view) {
  if (!identity) return std::nullopt;
  return view == View::kFull ? *identity : MaskIdentity(*identity);
}

void WritePersonFields(JsonOut& out, const Person& p, View view, const std::string& organization_name) {
  const PersonFields& f = p.fields;
  out.Field("id", p.id)
      .Field("name", f.name)
      .Field("gender", f.gender)
      .Field("birth_date", f.birth_date)
      .Field("ethnicity", f.ethnicity)
      .Field("phone", VisiblePhone(f.phone, view))
      .Field("identity_number", VisibleIdentity(f.identity_number, view))
      .Field("education", f.education)
      .Field("occupation", f.occupation)
      .Field("employer", f.employer)
      .Field("kind", p.is_member ? "member" : "youth");
  out.Key("organization").StartObject().Field("id", p.organization_id).Field("name", organization_name).EndObject();
  out.Field("created_at", FormatUtc(p.created_at)).Field("updated_at", FormatUtc(p.updated_at));
}

void WritePosition(JsonOut& out, const Position& p, const std::string& organization_name) {
  out.StartObject()
      .Field("id", p.id)
      .Field("person_id", p.person_id)
      .Field("title", p.title)
      .Field("employment", p.employment)
      .Field("started_on", p.started_on)
      .Field("ended_on", p.ended_on);
  out.Key("organization").StartObject().Field("id", p.organization_id).Field("name", organization_name).EndObject();
  out.EndObject();
}

std::string PersonDetailsJson(const PersonDetails& d) {
  auto name_of = [&](int64_t id) {
    auto it = d.organization_names.find(id);
    return it == d.organization_names.end() ? std::string() : it->second;
  };
  JsonOut out;
  const Person& p = d.visible.person;
  out.StartObject();
  WritePersonFields(out, p, d.visible.view, name_of(p.organization_id));
  out.Field("masked", d.visible.view != View::kFull);
  out.Key("membership");
  if (d.membership) {
    const Membership& m = *d.membership;
    out.StartObject()
        .Field("id", m.id)
        .Field("member_since", m.member_since)
        .Field("member_number", m.member_number)
        .Field("status", m.status);
    out.Key("organization").StartObject().Field("id", m.organization_id).Field("name", name_of(m.organization_id));
    out.EndObject().EndObject();
  } else {
    out.Null();
  }
  out.Key("positions").StartArray();
  for (const auto& pos : d.positions) WritePosition(out, pos, name_of(pos.organization_id));
  out.EndArray();
  WriteCan(out, {{"people.update", d.can.update},
                 {"people.request_correction", d.can.request_correction},
                 {"people.appoint_position", d.can.appoint_position},
                 {"people.transfer", d.can.transfer}});
  out.EndObject();
  return out.Take();
}

}  // namespace tianshan::people
