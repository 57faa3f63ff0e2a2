#include "modules/cadres/contacts/contacts_json.h"

#include "core/clock.h"
#include "core/qr_code.h"
#include "kit/permission.h"
#include "modules/cadres/cadres_json.h"

namespace tianshan::cadres {
namespace {

JsonOut& OptTime(JsonOut& out, std::string_view key, const std::optional<int64_t>& t) {
  out.Key(key);
  return t ? out.String(FormatUtc(*t)) : out.Null();
}

}  // namespace

void WriteWorkspace(JsonOut& out, const Workspace& w) {
  const Cadre& f = w.figures;
  out.StartObject().Key("cadre");
  WriteCard(out, w.card);
  out.Field("active", w.active).Field("registered", f.id != 0).Key("figures").StartObject();
  out.Field("contact_target", f.contact_target)
      .Field("active_contacts", f.active_contacts)
      .Field("fields_covered", f.fields_covered)
      .Field("activity_due", f.activity_due)
      .Field("talk_due", f.talk_due)
      .Field("help_open", f.help_open)
      .Field("help_overdue", f.help_overdue)
      .Field("oldest_help_on", f.oldest_help_on)
      .Field("posting_days", f.posting_days)
      .Field("service_minutes", f.service_minutes)
      .Field("requested", w.requested)
      .EndObject();
  out.Key("period");
  WritePeriod(out, w.period);
  WriteCan(out, {{"invite", w.active}, {"log", w.active}});
  out.EndObject();
}

void WriteContact(JsonOut& out, const ContactView& v) {
  const Contact& c = v.contact;
  out.StartObject()
      .Field("id", c.id)
      .Field("status", c.status)
      .Field("origin", c.origin)
      .Field("field", c.field)
      .Field("person_name", v.person_name)
      .Field("consent_version", c.consent_version)
      .Field("consent_at", FormatUtc(c.consent_at));
  OptTime(out, "started_at", c.started_at);
  OptTime(out, "ended_at", c.ended_at);
  out.Field("ended_by", c.ended_by)
      .Field("last_online_on", c.last_online_on)
      .Field("last_activity_on", c.last_activity_on)
      .Field("last_talk_on", c.last_talk_on)
      .Field("activity_due", v.activity_due)
      .Field("talk_due", v.talk_due)
      .Key("cadre");
  WriteCard(out, v.cadre);
  WriteCan(out, {{"accept", v.can_accept},
                 {"decline", v.can_decline},
                 {"end", v.can_end},
                 {"log", v.can_log},
                 {"ask_help", v.can_ask_help}});
  out.EndObject();
}

void WriteInvitation(JsonOut& out, const InvitationView& v, const std::string& base_url) {
  const Invitation& i = v.invitation;
  const std::string path = "/invite/" + i.token;
  auto svg = QrSvg(base_url + path);
  out.StartObject()
      .Field("id", i.id)
      .Field("status", i.status)
      .Field("addressed", i.person_id.has_value())
      .Field("person_name", v.person_name)
      .Field("field", i.field)
      .Field("accepted_count", i.accepted_count)
      .Field("created_at", FormatUtc(i.created_at))
      .Field("expires_at", FormatUtc(i.expires_at))
      .Field("path", path)
      .Field("url", base_url + path)
      .Field("qr_svg", svg.ok() ? *svg : std::string());
  WriteCan(out, {{"revoke", i.status == "open"}});
  out.EndObject();
}

void WriteOffer(JsonOut& out, const InvitationOffer& o, Lang lang) {
  out.StartObject().Key("cadre");
  WriteCard(out, o.cadre);
  out.Field("status", o.invitation.status)
      .Field("addressed", o.invitation.person_id.has_value())
      .Field("field", o.invitation.field)
      .Field("expires_at", FormatUtc(o.invitation.expires_at))
      .Field("for_you", o.for_you)
      .Field("expired", o.expired)
      .Field("existing_contact_id", o.existing_contact_id)
      .Key("consent");
  WriteConsent(out, lang);
  WriteCan(out, {{"accept", o.can_accept}, {"decline", o.can_decline}});
  out.EndObject();
}

void WriteCardView(JsonOut& out, const CardView& v, Lang lang) {
  out.StartObject().Key("cadre");
  WriteCard(out, v.card);
  out.Field("existing_contact_id", v.existing_contact_id).Key("consent");
  WriteConsent(out, lang);
  WriteCan(out, {{"request", v.can_request}});
  out.EndObject();
}

void WriteInteraction(JsonOut& out, const Interaction& i, std::optional<int64_t> contact_id) {
  out.StartObject()
      .Field("id", i.id)
      .Field("kind", i.kind)
      .Field("occurred_on", i.occurred_on)
      .Field("summary", i.summary)
      .Field("contact_count", i.contact_count)
      .Field("created_at", FormatUtc(i.created_at));
  if (contact_id) out.Field("contact_id", *contact_id);
  out.EndObject();
}

void WriteHelp(JsonOut& out, const HelpRequest& h, const std::string& today, bool can_update,
               const std::optional<std::string>& name) {
  const bool open = HelpIsOpen(h.status);
  out.StartObject()
      .Field("id", h.id)
      .Field("contact_id", h.contact_id)
      .Field("person_name", name)
      .Field("category", h.category)
      .Field("description", h.description)
      .Field("status", h.status)
      .Field("help_given", h.help_given)
      .Field("raised_by", h.raised_by)
      .Field("created_on", h.created_on)
      .Field("age_days", DaysSince(h.created_on, today))
      .Field("created_at", FormatUtc(h.created_at))
      .Field("updated_at", FormatUtc(h.updated_at));
  OptTime(out, "closed_at", h.closed_at);
  WriteCan(out, {{"update", can_update && open}});
  out.EndObject();
}

void WriteContactDetails(JsonOut& out, const ContactDetails& d, const std::string& today) {
  out.StartObject().Key("contact");
  WriteContact(out, d.view);
  out.Key("interactions").StartArray();
  for (const auto& i : d.interactions) WriteInteraction(out, i);
  out.EndArray().Key("help_requests").StartArray();
  for (const auto& h : d.help) WriteHelp(out, h, today, d.view.viewer_is_cadre);
  out.EndArray().Key("period");
  WritePeriod(out, d.period);
  out.EndObject();
}

void WriteMyCadres(JsonOut& out, const MyCadres& m, const std::string& today, Lang lang) {
  out.StartObject().Key("contacts").StartArray();
  for (const auto& c : m.contacts) WriteContact(out, c);
  out.EndArray().Key("help_requests").StartArray();
  for (const auto& h : m.help) WriteHelp(out, h, today, false);
  out.EndArray().Key("consent");
  WriteConsent(out, lang);
  out.EndObject();
}

}  // namespace tianshan::cadres
