#include "modules/cadres/load_demo.h"

#include "core/calendar.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/interaction_repository.h"
#include "modules/cadres/figures.h"
#include "modules/cadres/postings/demo_postings.h"
#include "modules/cadres/units/demo_units.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {
namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;

}  // namespace

Status LoadDemo(AppContext& ctx, DemoContext& demo) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    const int64_t now = ctx.clock.NowMillis();
    const std::string today = Today(ctx);
    TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, today, true));
    for (const char* name : {"克拉玛依市团委", "克拉玛依区团委", "天山街道团工委"}) {
      auto org = demo.organization_ids.find(name);
      if (org == demo.organization_ids.end()) continue;
      TS_ASSIGN_OR_RETURN(auto positions, people::OpenPositionsAt(tx, org->second));
      for (const auto& p : positions) TS_RETURN_IF_ERROR(EnrollPerson(tx, ctx, p.person_id, "person_id").status());
    }
    TS_RETURN_IF_ERROR(LoadDemoPostings(tx, ctx, demo));
    TS_RETURN_IF_ERROR(LoadDemoUnits(tx, ctx, demo));
    auto cadre_person = demo.person_ids.find("cadre");
    if (cadre_person == demo.person_ids.end()) return Status::Ok();
    TS_ASSIGN_OR_RETURN(Cadre cadre, EnrollPerson(tx, ctx, cadre_person->second, "person_id"));
    // Dates inside this quarter (its first day at the earliest) and after the consent.
    const int64_t consent_at = now - 60 * kDayMs;
    const std::string consent_day = TodayInChina(consent_at);
    auto on_or_after = [&](int64_t days_ago) {
      std::string d = AddDays(today, -days_ago);
      return std::max({d, period.quarter_start, consent_day});
    };
    const std::string activity_on = on_or_after(30), talk_on = on_or_after(10), online_on = on_or_after(2);
    struct DemoContact {
      const char* key;
      const char* field;
      bool talk;
    };
    std::vector<int64_t> contact_ids;
    for (const DemoContact& d : {DemoContact{"youth", "employee", true}, DemoContact{"member", "student", false}}) {
      auto person = demo.person_ids.find(d.key);
      if (person == demo.person_ids.end()) continue;
      Contact c;
      c.cadre_id = cadre.id;
      c.person_id = person->second;
      c.organization_id = cadre.organization_id;
      c.org_path = cadre.org_path;
      c.field = d.field;
      c.status = "active";
      c.origin = "invitation";
      c.consent_version = CurrentConsent().version;
      c.consent_at = c.created_at = consent_at;
      c.started_at = consent_at;
      c.updated_at = now;
      c.last_activity_on = activity_on;
      c.last_online_on = online_on;
      if (d.talk) c.last_talk_on = talk_on;
      TS_ASSIGN_OR_RETURN(c.id, InsertContact(tx, c));
      TS_RETURN_IF_ERROR(TouchLastDate(tx, c.id, "activity", activity_on, now));
      TS_RETURN_IF_ERROR(TouchLastDate(tx, c.id, "online", online_on, now));
      if (d.talk) TS_RETURN_IF_ERROR(TouchLastDate(tx, c.id, "talk", talk_on, now));
      TS_RETURN_IF_ERROR(ApplyFigures(tx, cadre, ActiveContactDelta(c, period, +1)));
      contact_ids.push_back(c.id);
    }
    if (contact_ids.empty()) return Status::Ok();
    struct DemoInteraction {
      const char* kind;
      std::string on;
      const char* summary;
      size_t contacts;
    };
    for (const auto& d :
         {DemoInteraction{"activity", activity_on, "风云社区“青春光影”观影交流活动", contact_ids.size()},
          DemoInteraction{"talk", talk_on, "面对面谈心：了解求职进展", 1},
          DemoInteraction{"online", online_on, "微信交流：转发招聘会信息", contact_ids.size()}}) {
      Interaction i;
      i.cadre_id = cadre.id;
      i.org_path = cadre.org_path;
      i.kind = d.kind;
      i.occurred_on = d.on;
      i.summary = d.summary;
      i.contact_count = static_cast<int>(d.contacts);
      i.created_by = 0;
      i.created_at = now;
      TS_RETURN_IF_ERROR(InsertInteraction(tx, i, {contact_ids.begin(), contact_ids.begin() + d.contacts}).status());
    }
    // Help: the young person's request, open for 10 days; the member's, resolved.
    struct DemoHelp {
      size_t contact;
      const char* category;
      const char* description;
      const char* status;
      const char* given;
      int64_t days_ago;
    };
    for (const auto& d : {DemoHelp{0, "employment", "想了解创业补贴政策", "open", nullptr, 10},
                          DemoHelp{contact_ids.size() - 1, "study", "想参加成人高考辅导", "resolved",
                                   "推荐了青年之家的免费辅导班", 20}}) {
      HelpRequest h;
      h.contact_id = contact_ids[d.contact];
      h.cadre_id = cadre.id;
      h.org_path = cadre.org_path;
      h.category = d.category;
      h.description = d.description;
      h.status = d.status;
      if (d.given) h.help_given = d.given;
      h.raised_by = "youth";
      h.created_on = AddDays(today, -d.days_ago);
      h.created_at = now - d.days_ago * kDayMs;
      h.updated_at = now;
      if (!HelpIsOpen(h.status)) h.closed_at = now;
      TS_RETURN_IF_ERROR(InsertHelpRequest(tx, h).status());
      if (HelpIsOpen(h.status)) {
        FigureDelta delta;
        delta.help_open = 1;
        delta.help_overdue = period.HelpOverdue(h.created_on) ? 1 : 0;
        delta.help_changed = true;
        TS_ASSIGN_OR_RETURN(cadre, LockCadre(tx, cadre.id, now));
        TS_RETURN_IF_ERROR(ApplyFigures(tx, cadre, delta));
      }
    }
    return Status::Ok();
  });
}

}  // namespace tianshan::cadres
