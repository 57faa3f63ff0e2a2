#include "modules/cadres/cadres_json.h"

namespace tianshan::cadres {

void WriteCard(JsonOut& out, const CadreCard& card) {
  out.StartObject()
      .Field("id", card.id)
      .Field("name", card.name)
      .Field("title", card.title)
      .Field("employment", card.employment)
      .Field("organization_id", card.organization_id)
      .Field("organization_name", card.organization_name)
      .EndObject();
}

void WritePeriod(JsonOut& out, const Period& p) {
  out.StartObject()
      .Field("as_of", p.as_of)
      .Field("quarter_start", p.quarter_start)
      .Field("year_start", p.year_start)
      .EndObject();
}

void WriteConsent(JsonOut& out, Lang lang) {
  const ConsentText& c = CurrentConsent();
  out.StartObject().Field("version", c.version).Field("text", lang == Lang::kEn ? c.en : c.zh).EndObject();
}

int64_t DaysSince(const std::string& from, const std::string& today) { return DayNumber(today) - DayNumber(from); }

}  // namespace tianshan::cadres
