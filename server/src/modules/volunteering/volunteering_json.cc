#include "modules/volunteering/volunteering_json.h"

#include "core/clock.h"

namespace tianshan::volunteering {
namespace {

std::optional<std::string> OptTime(const std::optional<int64_t>& t) {
  return t ? std::optional<std::string>(FormatUtc(*t)) : std::nullopt;
}

}  // namespace

void WriteMinutes(JsonOut& out, int64_t minutes) {
  out.Field("minutes", minutes).Field("hours", static_cast<double>(minutes) / 60.0);
}

void WriteTeam(JsonOut& out, const Team& t) {
  out.StartObject()
      .Field("id", t.id)
      .Field("organization_id", t.organization_id)
      .Field("name", t.name)
      .Field("description", t.description)
      .Field("partner_name", t.partner_name)
      .Field("status", t.status)
      .Field("created_at", FormatUtc(t.created_at))
      .EndObject();
}

void WriteMember(JsonOut& out, const TeamMember& m) {
  out.StartObject()
      .Field("id", m.id)
      .Field("team_id", m.team_id)
      .Field("person_id", m.person_id)
      .Field("name", m.name)
      .Field("role", m.role)
      .Field("status", m.status)
      .Field("message", m.message)
      .Field("created_at", FormatUtc(m.created_at))
      .EndObject();
}

void WriteProject(JsonOut& out, const Project& p, const std::optional<std::string>& team_name) {
  const auto& f = p.fields;
  out.StartObject()
      .Field("id", p.id)
      .Field("organization_id", p.organization_id)
      .Field("team_id", p.team_id)
      .Field("team_name", team_name)
      .Field("title", f.title)
      .Field("description", f.description)
      .Field("category", f.category)
      .Field("brand", f.brand)
      .Field("location", f.location)
      .Field("venue_id", f.venue_id)
      .Field("contact", f.contact)
      .Field("visibility", f.visibility)
      .Field("status", p.status)
      .Field("created_at", FormatUtc(p.created_at))
      .Field("updated_at", FormatUtc(p.updated_at))
      .EndObject();
}

void WriteShift(JsonOut& out, const Shift& s) {
  out.StartObject()
      .Field("id", s.id)
      .Field("project_id", s.project_id)
      .Field("starts_at", FormatUtc(s.starts_at))
      .Field("ends_at", FormatUtc(s.ends_at))
      .Field("capacity", s.capacity)
      .Field("confirmed", s.confirmed)
      .Field("waitlisted", s.waitlisted)
      .Field("seats_left", s.status == "open" ? s.capacity - s.confirmed : 0)
      .Field("role", s.role)
      .Field("requirements", s.requirements)
      .Key("min_age");
  if (s.min_age) {
    out.Int(*s.min_age);
  } else {
    out.Null();
  }
  out.Field("status", s.status).EndObject();
}

void WriteSignUp(JsonOut& out, const SignUp& s, std::optional<int64_t> waitlist_position, bool with_person) {
  out.StartObject().Field("id", s.id).Field("shift_id", s.shift_id);
  if (with_person) out.Field("person_id", s.person_id).Field("name", s.name);
  out.Field("status", s.status)
      .Field("waitlist_position", waitlist_position)
      .Field("guardian_consent", s.guardian_name.has_value())
      .Field("starts_at", FormatUtc(s.starts_at))
      .Field("ends_at", FormatUtc(s.ends_at))
      .Field("created_at", FormatUtc(s.created_at))
      .EndObject();
}

void WriteAttendance(JsonOut& out, const std::optional<Attendance>& a) {
  if (!a) {
    out.Null();
    return;
  }
  out.StartObject()
      .Field("id", a->id)
      .Field("sign_up_id", a->signup_id)
      .Field("checked_in_at", FormatUtc(a->checked_in_at))
      .Field("checked_out_at", OptTime(a->checked_out_at))
      .Field("in_method", a->in_method)
      .Field("out_method", a->out_method)
      .Field("hours_confirmed", a->ledger_entry_id.has_value())
      .Field("ledger_entry_id", a->ledger_entry_id)
      .EndObject();
}

void WriteEntry(JsonOut& out, const LedgerEntry& e) {
  out.StartObject()
      .Field("id", e.id)
      .Field("person_id", e.person_id)
      .Field("organization_id", e.organization_id)
      .Field("project_id", e.project_id)
      .Field("team_id", e.team_id)
      .Field("shift_id", e.shift_id)
      .Field("kind", e.kind);
  WriteMinutes(out, e.minutes);
  out.Field("raw_minutes", e.raw_minutes)
      .Field("hours_rule", e.hours_rule)
      .Field("worked_at", FormatUtc(e.worked_at))
      .Field("month", e.month)
      .Field("reason", e.reason)
      .Field("reverses_id", e.reverses_id)
      .Field("created_at", FormatUtc(e.created_at))
      .EndObject();
}

void WriteReport(JsonOut& out, const HourReport& r) {
  out.StartObject()
      .Field("id", r.id)
      .Field("person_id", r.person_id)
      .Field("name", r.name)
      .Field("team_id", r.team_id)
      .Field("project_id", r.project_id)
      .Field("worked_on", r.worked_on);
  WriteMinutes(out, r.minutes);
  out.Field("description", r.description)
      .Field("status", r.status)
      .Field("decision_reason", r.decision_reason)
      .Field("ledger_entry_id", r.ledger_entry_id)
      .Field("created_at", FormatUtc(r.created_at))
      .EndObject();
}

void WriteCertificate(JsonOut& out, const Certificate& c) {
  out.StartObject().Field("code", c.code).Field("name", c.name);
  WriteMinutes(out, c.total_minutes);
  out.Key("projects").StartArray();
  for (const auto& [title, minutes] : c.projects) {
    out.StartObject().Field("title", title);
    WriteMinutes(out, minutes);
    out.EndObject();
  }
  out.EndArray().Field("issued_on", ChinaDate(c.issued_at)).EndObject();
}

}  // namespace tianshan::volunteering
