// "1+100" contacts through the HTTP API on SQLite and PostgreSQL: a cadre invites, the young
// person consents, the cadre logs interactions and help, the young person sees every entry on
// 我的团干部 and can end the contact; the dashboard moves with it.

#include "modules/cadres/api_test_fixture.h"

namespace tianshan::cadres::testing {
namespace {

class CadresContactsApiTest : public CadresApiTest {};

TEST_P(CadresContactsApiTest, InviteConsentLogHelpAndTheYoungPersonSeesEverything) {
  auto cadre = LoggedIn("cadre");
  auto admin = LoggedIn("karamay-admin");
  auto young = MakeYouth("young-a");
  const auto before = Figures(*admin);

  auto me = cadre->Get("/api/v1/cadres/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["can"]["invite"], true);
  EXPECT_EQ(me.json()["cadre"]["organization_name"], "克拉玛依市团委");

  auto link = cadre->Post("/api/v1/cadres/me/invitations", nlohmann::json::object());
  ASSERT_EQ(link.status, 201) << link.body;
  EXPECT_NE(link.json()["qr_svg"].get<std::string>().find("<svg"), std::string::npos);
  EXPECT_EQ(link.json()["addressed"], false);
  const std::string token = link.json()["path"].get<std::string>().substr(std::string("/invite/").size());

  // The young person sees who the cadre is and the consent text, then agrees.
  auto offer = young.client->Get("/api/v1/cadres/invitations/" + token);
  ASSERT_EQ(offer.status, 200) << offer.body;
  EXPECT_EQ(offer.json()["cadre"]["organization_name"], "克拉玛依市团委");
  EXPECT_EQ(offer.json()["can"]["accept"], true);
  const std::string version = offer.json()["consent"]["version"];
  EXPECT_FALSE(offer.json()["consent"]["text"].get<std::string>().empty());
  auto accepted = young.client->Post("/api/v1/cadres/invitations/" + token + "/accept",
                                     nlohmann::json{{"field", "new_sector"}, {"consent_version", version}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  const int64_t contact = accepted.json()["id"];
  EXPECT_EQ(accepted.json()["status"], "active");
  EXPECT_EQ(accepted.json()["consent_version"], version);
  EXPECT_TRUE(accepted.json()["consent_at"].is_string());

  // The cadre sees whom they contact.
  auto list = cadre->Get("/api/v1/cadres/me/contacts", {{"X-Search-Query", "young-a"}});
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(list.json()["items"][0]["person_name"], young.name);
  EXPECT_EQ(list.json()["items"][0]["activity_due"], true);
  EXPECT_EQ(list.json()["items"][0]["talk_due"], true);
  EXPECT_EQ(cadre
                ->Get("/api/v1/cadres/me/contacts", {{"X-Search-Query", "%E9%9D%92%E5%B9%B4young-a"}})  // 青年young-a
                .json()["items"]
                .size(),
            1u);
  EXPECT_EQ(cadre->Get("/api/v1/cadres/me/contacts?field=new_sector").json()["items"].size(), 1u);
  const size_t talk_due = cadre->Get("/api/v1/cadres/me/contacts?due=talk").json()["items"].size();

  auto now = Figures(*admin);
  EXPECT_EQ(now["contacts"].get<int>(), before["contacts"].get<int>() + 1);
  EXPECT_EQ(now["by_field"]["new_sector"].get<int>(), before["by_field"]["new_sector"].get<int>() + 1);
  EXPECT_EQ(now["talk_due"].get<int>(), before["talk_due"].get<int>() + 1);

  // Interactions: an activity and a talk, today.
  const std::string today = me.json()["period"]["as_of"];
  for (const char* kind : {"activity", "talk", "online"}) {
    auto logged =
        cadre->Post("/api/v1/cadres/me/interactions", nlohmann::json{{"kind", kind},
                                                                     {"occurred_on", today},
                                                                     {"contact_ids", {contact}},
                                                                     {"summary", std::string("做了：") + kind}});
    ASSERT_EQ(logged.status, 201) << logged.body;
    EXPECT_EQ(logged.json()["contact_count"], 1);
  }
  now = Figures(*admin);
  EXPECT_EQ(now["talk_due"].get<int>(), before["talk_due"].get<int>());
  EXPECT_EQ(now["activity_due"].get<int>(), before["activity_due"].get<int>());
  EXPECT_EQ(cadre->Get("/api/v1/cadres/me/contacts?due=talk").json()["items"].size(), talk_due - 1);

  // Help: raised by the young person, moved on by the cadre.
  auto help = young.client->Post("/api/v1/cadres/contacts/" + std::to_string(contact) + "/help-requests",
                                 nlohmann::json{{"category", "employment"}, {"description", "想找实习"}});
  ASSERT_EQ(help.status, 201) << help.body;
  EXPECT_EQ(help.json()["can"]["update"], false);
  const std::string help_path = "/api/v1/cadres/help-requests/" + std::to_string(help.json()["id"].get<int64_t>());
  EXPECT_EQ(young.client->Patch(help_path, nlohmann::json{{"status", "resolved"}, {"help_given", "x"}}).status, 403);
  EXPECT_EQ(Figures(*admin)["help_open"].get<int>(), before["help_open"].get<int>() + 1);
  auto open = cadre->Get("/api/v1/cadres/me/help-requests?open=true&limit=1");  // newest first
  ASSERT_EQ(open.json()["items"].size(), 1u);
  EXPECT_EQ(open.json()["items"][0]["category"], "employment");
  EXPECT_EQ(open.json()["items"][0]["description"], "想找实习");
  EXPECT_EQ(open.json()["items"][0]["person_name"], young.name);
  ASSERT_EQ(cadre->Patch(help_path, nlohmann::json{{"status", "in_progress"}}).status, 200);
  auto resolved = cadre->Patch(help_path, nlohmann::json{{"status", "resolved"}, {"help_given", "推荐了两家企业"}});
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.json()["status"], "resolved");
  EXPECT_EQ(Figures(*admin)["help_open"].get<int>(), before["help_open"].get<int>());

  // 我的团干部: the contact, every interaction, the help and what was given.
  auto mine = young.client->Get("/api/v1/cadres/mine");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json()["contacts"].size(), 1u);
  EXPECT_EQ(mine.json()["contacts"][0]["can"]["end"], true);
  EXPECT_EQ(mine.json()["contacts"][0]["can"]["log"], false);
  ASSERT_EQ(mine.json()["help_requests"].size(), 1u);
  EXPECT_EQ(mine.json()["help_requests"][0]["help_given"], "推荐了两家企业");
  auto seen = young.client->Get("/api/v1/cadres/mine/interactions");
  ASSERT_EQ(seen.status, 200) << seen.body;
  ASSERT_EQ(seen.json()["items"].size(), 3u);
  EXPECT_EQ(seen.json()["items"][0]["kind"], "online");
  EXPECT_EQ(seen.json()["items"][2]["summary"], "做了：activity");
  EXPECT_EQ(seen.json()["items"][0]["contact_id"], contact);
  auto details = young.client->Get("/api/v1/cadres/contacts/" + std::to_string(contact));
  ASSERT_EQ(details.status, 200) << details.body;
  EXPECT_EQ(details.json()["interactions"].size(), 3u);
  EXPECT_EQ(details.json()["help_requests"].size(), 1u);
  auto cadres_view = cadre->Get("/api/v1/cadres/me/interactions?contact_id=" + std::to_string(contact));
  EXPECT_EQ(cadres_view.json()["items"].size(), 3u);

  // Either side ends it; it stays ended (nothing more can be logged) and leaves the figures.
  auto ended = young.client->Post("/api/v1/cadres/contacts/" + std::to_string(contact) + "/end", std::string());
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.json()["status"], "ended");
  EXPECT_EQ(ended.json()["ended_by"], "youth");
  EXPECT_EQ(Figures(*admin)["contacts"].get<int>(), before["contacts"].get<int>());
  auto late = cadre->Post("/api/v1/cadres/me/interactions",
                          nlohmann::json{{"kind", "online"}, {"occurred_on", today}, {"contact_ids", {contact}}});
  EXPECT_EQ(late.status, 422) << late.body;
  EXPECT_EQ(late.error_fields(), std::vector<std::string>{"contact_ids[0]"});
  EXPECT_EQ(young.client->Post("/api/v1/cadres/contacts/" + std::to_string(contact) + "/end", std::string()).status,
            409);
  // A new contact needs a new consent: the same link again makes a new one.
  const int64_t again = Accept(*young.client, token);
  EXPECT_NE(again, contact);
  EXPECT_EQ(young.client->Get("/api/v1/cadres/mine").json()["contacts"].size(), 2u);
}

TEST_P(CadresContactsApiTest, AskingFromTheCardWaitsForTheCadre) {
  auto cadre = LoggedIn("cadre");
  auto young = MakeYouth("young-b", "1995-07-01");
  const int64_t card = cadre->Get("/api/v1/cadres/me").json()["cadre"]["id"];
  ASSERT_GT(card, 0);
  auto view = young.client->Get("/api/v1/cadres/cards/" + std::to_string(card));
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.json()["can"]["request"], true);
  auto asked = young.client->Post(
      "/api/v1/cadres/cards/" + std::to_string(card) + "/requests",
      nlohmann::json{{"field", "freelance"}, {"consent_version", view.json()["consent"]["version"]}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json()["status"], "requested");
  const std::string path = "/api/v1/cadres/contacts/" + std::to_string(asked.json()["id"].get<int64_t>());
  // Only the cadre answers.
  EXPECT_EQ(young.client->Post(path + "/accept", std::string()).status, 403);
  auto waiting = cadre->Get("/api/v1/cadres/me/contacts?status=requested");
  ASSERT_EQ(waiting.json()["items"].size(), 1u);
  EXPECT_EQ(waiting.json()["items"][0]["can"]["accept"], true);
  auto ok = cadre->Post(path + "/accept", std::string());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["status"], "active");
  EXPECT_EQ(cadre->Post(path + "/decline", std::string()).status, 409);
}

TEST_P(CadresContactsApiTest, DecliningAndRevokingRecordNoContact) {
  auto cadre = LoggedIn("cadre");
  auto young = MakeYouth("young-e");
  const size_t contacts_before = young.client->Get("/api/v1/cadres/mine").json()["contacts"].size();
  // The addressee declines an invitation addressed to them.
  auto addressed = cadre->Post("/api/v1/cadres/me/invitations", nlohmann::json{{"person_id", young.person_id}});
  ASSERT_EQ(addressed.status, 201) << addressed.body;
  const std::string path = addressed.json()["path"];
  const std::string token = path.substr(path.rfind('/') + 1);
  auto declined = young.client->Post("/api/v1/cadres/invitations/" + token + "/decline", std::string());
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.json()["status"], "declined");
  EXPECT_EQ(declined.json()["can"]["accept"], false);
  // The cadre revokes a personal link; it can no longer be accepted.
  auto link = cadre->Post("/api/v1/cadres/me/invitations", nlohmann::json::object());
  ASSERT_EQ(link.status, 201);
  auto revoked = cadre->Post(
      "/api/v1/cadres/me/invitations/" + std::to_string(link.json()["id"].get<int64_t>()) + "/revoke", std::string());
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.json()["status"], "revoked");
  const std::string link_path = link.json()["path"];
  const std::string link_token = link_path.substr(link_path.rfind('/') + 1);
  auto offer = young.client->Get("/api/v1/cadres/invitations/" + link_token).json();
  EXPECT_EQ(offer["can"]["accept"], false);
  EXPECT_EQ(young.client
                ->Post("/api/v1/cadres/invitations/" + link_token + "/accept",
                       nlohmann::json{{"field", "student"}, {"consent_version", offer["consent"]["version"]}})
                .status,
            409);
  // The cadre declines a young person's request.
  const int64_t card = cadre->Get("/api/v1/cadres/me").json()["cadre"]["id"];
  auto asked = young.client->Post("/api/v1/cadres/cards/" + std::to_string(card) + "/requests",
                                  nlohmann::json{{"field", "other"}, {"consent_version", offer["consent"]["version"]}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  auto no = cadre->Post("/api/v1/cadres/contacts/" + std::to_string(asked.json()["id"].get<int64_t>()) + "/decline",
                        std::string());
  ASSERT_EQ(no.status, 200) << no.body;
  EXPECT_EQ(no.json()["status"], "declined");
  auto mine = young.client->Get("/api/v1/cadres/mine").json()["contacts"];
  ASSERT_EQ(mine.size(), contacts_before + 1);  // the declined request, shown to them as declined
  EXPECT_EQ(mine[0]["status"], "declined");
  EXPECT_EQ(mine[0]["can"]["end"], false);
}

// ASVS 8.3.1, 13.1.3: the search term is part of a young person's name, so it travels in the
// X-Search-Query header, percent-encoded, never in the URL (access logs, browser history and
// proxies keep URLs). A ?q= is refused with a 422 naming q and the header, not ignored: an old
// client would otherwise get the whole unsearched list.
TEST_P(CadresContactsApiTest, TheSearchTermGoesInAHeaderNeverInTheUrl) {
  auto cadre = LoggedIn("cadre");
  auto young = MakeYouth("young-s");
  Accept(*young.client, PersonalLink(*cadre));
  const std::string list = "/api/v1/cadres/me/contacts?status=all";
  auto search = [&](const std::string& encoded) { return cadre->Get(list, {{"X-Search-Query", encoded}}); };
  auto found = search("%E8%81%94%E7%B3%BB%E9%9D%92%E5%B9%B4young-s");  // 联系青年young-s
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.json()["items"].size(), 1u);
  EXPECT_EQ(found.json()["items"][0]["person_name"], young.name);
  EXPECT_TRUE(search("nobody-at-all").json()["items"].empty());
  const size_t all = cadre->Get(list).json()["items"].size();
  ASSERT_GE(all, 1u);
  EXPECT_EQ(search("%20%20").json()["items"].size(), all) << "a blank term searches nothing";
  EXPECT_EQ(search(std::string(50, 'a')).status, 200) << "50 characters are fine";

  for (const std::string& q : {std::string("young-s"), std::string("%E8%81%94"), std::string()}) {
    auto refused = cadre->Get(list + "&q=" + q);
    EXPECT_EQ(refused.status, 422) << q;
    EXPECT_EQ(refused.error_fields(), std::vector<std::string>{"q"}) << refused.body;
    EXPECT_NE(refused.body.find("X-Search-Query"), std::string::npos) << "the problem says where the term goes";
    EXPECT_EQ(refused.body.find("young-s"), std::string::npos) << "the answer does not repeat the term";
  }
  // Percent-encoding that does not decode to UTF-8 text, and a term over 50 characters.
  for (const std::string& bad :
       {std::string("%E8%81"), std::string("%ZZ"), std::string("%FF"), std::string("%00"), std::string(51, 'a')}) {
    auto r = search(bad);
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_EQ(r.error_fields(), std::vector<std::string>{"q"}) << r.body;
  }
  // Every field error at once: the refused term beside a bad status.
  auto both = cadre->Get("/api/v1/cadres/me/contacts?status=gone&q=young-s");
  EXPECT_EQ(both.status, 422);
  EXPECT_EQ(both.error_fields(), (std::vector<std::string>{"status", "q"})) << both.body;
}

TS_INSTANTIATE_FOR_DATABASES(CadresContactsApiTest);

}  // namespace
}  // namespace tianshan::cadres::testing
