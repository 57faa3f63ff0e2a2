#include "modules/volunteering/volunteering_json.h"

#include "core/clock.h"
#include "kit/permission.h"

namespace tianshan::volunteering {
namespace {

std::optional<std::string> OptTime(const std::optional<int64_t>& t) {
  return t ? std::optional<std::string>(FormatUtc(*t)) : std::nullopt;
}

// The fields every hours record (ledger entry, report) shares: whose, for which team and
// project, how long.
void WriteCredit(JsonOut& out, int64_t person_id, std::optional<int64_t> team_id, std::optional<int64_t> project_id,
                 int64_t minutes) {
  out.Field("person_id", person_id).Field("team_id", team_id).Field("project_id", project_id);
  WriteMinutes(out, minutes);
}

// The members of a team, project or shift object, without its braces: the plain answer and
// the caller's view (with "can") share them.
void TeamBody(JsonOut& out, const Team& t) {
  out.Field("id", t.id)
      .Field("organization_id", t.organization_id)
      .Field("name", t.name)
      .Field("description", t.description)
      .Field("partner_name", t.partner_name)
      .Field("status", t.status)
      .Field("created_at", FormatUtc(t.created_at));
}

void ProjectBody(JsonOut& out, const Project& p) {
  const auto& f = p.fields;
  out.Field("id", p.id)
      .Field("organization_id", p.organization_id)
      .Field("team_id", p.team_id)
      .Field("team_name", p.team_name)
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
      .Field("updated_at", FormatUtc(p.updated_at));
}

void ShiftBody(JsonOut& out, const Shift& s, int64_t now) {
  std::optional<int64_t> min_age;
  if (s.min_age) min_age = *s.min_age;
  out.Field("id", s.id)
      .Field("project_id", s.project_id)
      .Field("starts_at", FormatUtc(s.starts_at))
      .Field("ends_at", FormatUtc(s.ends_at))
      .Field("capacity", s.capacity)
      .Field("confirmed", s.confirmed)
      .Field("waitlisted", s.waitlisted)
      .Field("seats_left", s.status == "open" ? s.capacity - s.confirmed : 0)
      .Field("role", s.role)
      .Field("requirements", s.requirements)
      .Field("min_age", min_age)
      .Field("status", s.status)
      .Field("state", ShiftState(s, now))
      .Field("ended", now >= s.ends_at);
}

// {…the members `body` writes…}
template <typename T, typename Body>
void InObject(JsonOut& out, const T& value, Body body) {
  out.StartObject();
  body(out, value);
  out.EndObject();
}

}  // namespace

std::string JsonText(const std::function<void(JsonOut&)>& write) {
  JsonOut out;
  write(out);
  return out.Take();
}

void WriteMinutes(JsonOut& out, int64_t minutes) {
  out.Field("minutes", minutes).Field("hours", static_cast<double>(minutes) / 60.0);
}

void WriteTeam(JsonOut& out, const Team& t) { InObject(out, t, TeamBody); }

void WriteTeamView(JsonOut& out, const TeamView& v) {
  out.StartObject();
  TeamBody(out, v.team);
  out.Key("my_membership");
  if (v.membership) {
    out.StartObject()
        .Field("id", v.membership->id)
        .Field("role", v.membership->role)
        .Field("status", v.membership->status)
        .EndObject();
  } else {
    out.Null();
  }
  const TeamCan& c = v.can;
  WriteCan(out, {{"edit", c.edit},
                 {"join", c.join},
                 {"decide_members", c.decide_members},
                 {"add_leader", c.add_leader},
                 {"add_project", c.add_project},
                 {"report_hours", c.report_hours}});
  out.EndObject();
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
      .Field("decision_reason", m.decision_reason)
      .Field("created_at", FormatUtc(m.created_at))
      .EndObject();
}

void WriteProject(JsonOut& out, const Project& p) { InObject(out, p, ProjectBody); }

void WriteProjectView(JsonOut& out, const ProjectView& v) {
  out.StartObject();
  ProjectBody(out, v.project);
  const ProjectCan& c = v.can;
  WriteCan(out,
           {{"edit", c.edit}, {"publish", c.publish}, {"change_status", c.change_status}, {"add_shift", c.add_shift}});
  out.EndObject();
}

void WriteShift(JsonOut& out, const Shift& s, int64_t now) {
  InObject(out, s, [now](JsonOut& o, const Shift& shift) { ShiftBody(o, shift, now); });
}

void WriteShiftView(JsonOut& out, const ShiftView& v) {
  out.StartObject();
  ShiftBody(out, v.shift, v.now);
  out.Key("my_sign_up");
  if (v.mine) {
    out.StartObject()
        .Field("id", v.mine->id)
        .Field("status", v.mine->status)
        .Field("waitlist_position", v.my_waitlist_position)
        .EndObject();
  } else {
    out.Null();
  }
  const ShiftCan& c = v.can;
  WriteCan(out, {{"sign_up", c.sign_up},
                 {"cancel_sign_up", c.cancel_sign_up},
                 {"manage_roster", c.manage_roster},
                 {"cancel", c.cancel}});
  out.EndObject();
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
  out.StartObject().Field("id", e.id).Field("organization_id", e.organization_id).Field("shift_id", e.shift_id);
  WriteCredit(out, e.person_id, e.team_id, e.project_id, e.minutes);
  out.Field("kind", e.kind)
      .Field("raw_minutes", e.raw_minutes)
      .Field("hours_rule", e.hours_rule)
      .Field("worked_at", FormatUtc(e.worked_at))
      .Field("month", e.month)
      .Field("reason", e.reason)
      .Field("reverses_id", e.reverses_id)
      .Field("created_at", FormatUtc(e.created_at))
      .EndObject();
}

void WriteReport(JsonOut& out, const HourReport& r) {
  out.StartObject().Field("id", r.id).Field("name", r.name);
  WriteCredit(out, r.person_id, r.team_id, r.project_id, r.minutes);
  out.Field("worked_on", r.worked_on)
      .Field("description", r.description)
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
  out.EndArray()
      .Field("issued_on", ChinaDate(c.issued_at))
      .Field("organization_id", c.organization_id)
      .Field("organization_name", c.organization_name)
      .EndObject();
}

}  // namespace tianshan::volunteering
