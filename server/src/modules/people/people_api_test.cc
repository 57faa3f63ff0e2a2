// People API: registration, reading with masking by role, search and pagination, positions,
// and every kind of bad input answered 4xx naming the field with nothing changed — on SQLite
// and PostgreSQL.

#include <set>

#include "core/tables/table.h"
#include "modules/people/people_test_support.h"

namespace tianshan::testing {
namespace {

class PeopleApiTest : public PeopleApiTestBase {};

std::set<std::string> Fields(const HttpResult& r) {
  auto f = r.error_fields();
  return {f.begin(), f.end()};
}

TEST_P(PeopleApiTest, SecretaryRegistersMemberAndYouthAndCountsMove) {
  auto sec = As("sec-a");
  const std::string id_number = TestIdentity("19990101", 11);
  auto r = sec->Post("/api/v1/people", MemberBody("王示例", id_number, "A"));
  ASSERT_EQ(r.status, 201) << r.body;
  auto j = r.json();
  EXPECT_EQ(j["kind"], "member");
  EXPECT_EQ(j["organization"]["id"], Org("A"));
  EXPECT_EQ(j["membership"]["status"], "active");
  EXPECT_EQ(j["phone"], "13912345678") << "a branch secretary sees phones";
  EXPECT_EQ(j["identity_number"], id_number.substr(0, 4) + "**********" + id_number.substr(14));
  auto y = sec->Post("/api/v1/people", YouthBody("李青年", "A"));
  ASSERT_EQ(y.status, 201) << y.body;
  EXPECT_EQ(y.json()["kind"], "youth");
  EXPECT_EQ(Stat("A", "members"), 1);
  EXPECT_EQ(Stat("A", "youth"), 1);
  EXPECT_EQ(Stat("R", "members", true), 1);
  EXPECT_EQ(Stat("R", "youth", true), 1);
  EXPECT_TRUE(VerifyCounters().empty());
}

TEST_P(PeopleApiTest, SiblingSecretaryCannotReadAndCommitteeAdminReadsEverythingBelow) {
  auto sec_a = As("sec-a");
  int64_t in_a = CreateMember(*sec_a, "张示例", TestIdentity("19980202", 21), "A");
  auto sec_e = As("sec-e");
  int64_t in_e = CreateMember(*sec_e, "赵示例", TestIdentity("19970303", 31), "E");
  auto sec_b = As("sec-b");
  EXPECT_EQ(sec_b->Get("/api/v1/people/" + std::to_string(in_a)).status, 404);
  EXPECT_EQ(sec_b->Get("/api/v1/organizations/" + std::to_string(Org("A")) + "/people").status, 404);
  EXPECT_EQ(sec_b->Patch("/api/v1/people/" + std::to_string(in_a), {{"occupation", "x"}}).status, 404);
  auto city = As("city-admin");
  auto full = city->Get("/api/v1/people/" + std::to_string(in_a));
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(full.json()["identity_number"], TestIdentity("19980202", 21)) << "committee admin sees identity";
  EXPECT_EQ(full.json()["masked"], false);
  EXPECT_EQ(city->Get("/api/v1/people/" + std::to_string(in_e)).status, 404) << "city D is beside city C";
  auto list = city->Get("/api/v1/organizations/" + std::to_string(Org("C")) + "/people?scope=subtree");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1u);
  auto root = As("root-admin");
  auto all = root->Get("/api/v1/organizations/" + std::to_string(Org("R")) + "/people?scope=subtree");
  EXPECT_EQ(all.json()["items"].size(), 2u);
}

TEST_P(PeopleApiTest, MaskingFollowsTheRole) {
  auto sec = As("sec-a");
  const std::string idn = TestIdentity("19960404", 41);
  int64_t id = CreateMember(*sec, "孙示例", idn, "A");
  auto path = "/api/v1/people/" + std::to_string(id);
  auto cadre = As("cadre-c")->Get(path);
  ASSERT_EQ(cadre.status, 200);
  EXPECT_EQ(cadre.json()["phone"], "139****5678");
  EXPECT_EQ(cadre.json()["identity_number"], idn.substr(0, 4) + "**********" + idn.substr(14));
  auto secretary = sec->Get(path).json();
  EXPECT_EQ(secretary["phone"], "13912345678");
  EXPECT_NE(secretary["identity_number"], idn);
  auto admin = As("street-admin")->Get(path).json();
  EXPECT_EQ(admin["phone"], "13912345678");
  EXPECT_EQ(admin["identity_number"], idn);
  // The cadre's list is masked too.
  auto list = As("cadre-c")->Get("/api/v1/organizations/" + std::to_string(Org("C")) + "/people?scope=subtree");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["items"][0]["phone"], "139****5678");
  EXPECT_EQ(list.json()["items"][0]["masked"], true);
}

TEST_P(PeopleApiTest, MemberReadsOnlyTheirOwnRecord) {
  auto sec = As("sec-a");
  int64_t me = CreateMember(*sec, "周示例", TestIdentity("19950505", 51), "A");
  int64_t other = CreateMember(*sec, "吴示例", TestIdentity("19950506", 52), "A");
  ASSERT_GT(server().CreateAccount("member-a", {{Org("A"), auth::Role::kMember}}, me), 0);
  auto member = As("member-a");
  auto own = member->Get("/api/v1/people/" + std::to_string(me));
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.json()["identity_number"], TestIdentity("19950505", 51)) << "one's own data in full";
  EXPECT_EQ(member->Get("/api/v1/people/" + std::to_string(other)).status, 404);
  EXPECT_EQ(member->Get("/api/v1/organizations/" + std::to_string(Org("A")) + "/people").status, 403);
  EXPECT_EQ(member->Post("/api/v1/people", YouthBody("x", "A")).status, 403);
}

TEST_P(PeopleApiTest, CadreMayReadButNotWrite) {
  auto cadre = As("cadre-c");
  auto r = cadre->Post("/api/v1/people", YouthBody("马青年", "A"));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(CountRows("people_persons"), 0);
}

TEST_P(PeopleApiTest, DuplicateIdentityNamesTheOrganizationOnlyWhenReadable) {
  auto sec_a = As("sec-a");
  const std::string idn = TestIdentity("19940606", 61);
  CreateMember(*sec_a, "胡示例", idn, "A");
  auto city = As("city-admin");
  city->set_language("en");
  auto dup = city->Post("/api/v1/people", MemberBody("胡示例", idn, "B"));
  EXPECT_EQ(dup.status, 409);
  EXPECT_NE(dup.json()["detail"].get<std::string>().find("测试甲社区团支部"), std::string::npos) << dup.body;
  EXPECT_EQ(Fields(dup), std::set<std::string>{"identity_number"});
  auto sec_e = As("sec-e");
  sec_e->set_language("en");
  auto hidden = sec_e->Post("/api/v1/people", MemberBody("胡示例", idn, "E"));
  EXPECT_EQ(hidden.status, 409);
  EXPECT_EQ(hidden.json()["detail"].get<std::string>().find("测试甲社区团支部"), std::string::npos);
  EXPECT_NE(hidden.json()["detail"].get<std::string>().find("another organization"), std::string::npos);
  // Lower-case x is the same number.
  EXPECT_EQ(CountRows("people_persons"), 1);
  EXPECT_EQ(Stat("E", "members"), 0);
}

TEST_P(PeopleApiTest, BadInputIsRefusedNamingTheFieldAndChangesNothing) {
  auto sec = As("sec-a");
  auto good = MemberBody("郑示例", TestIdentity("19930707", 71), "A");
  auto with = [&](const std::string& key, nlohmann::json value) {
    auto b = good;
    b[key] = value;
    return b;
  };
  std::string bad_check = TestIdentity("19930707", 71);
  bad_check.back() = bad_check.back() == '1' ? '2' : '1';
  struct Case {
    nlohmann::json body;
    int status;
    std::string field;
  };
  const Case cases[] = {
      {with("identity_number", bad_check), 422, "identity_number"},
      {with("birth_date", "2999-01-01"), 422, "birth_date"},
      {with("phone", "12345"), 422, "phone"},
      {with("phone", "12912345678"), 422, "phone"},
      {with("gender", "other"), 422, "gender"},
      {with("membership", {{"organization_id", 999999}, {"member_since", "2015-05-04"}}), 422,
       "membership.organization_id"},
      {with("membership", {{"organization_id", Org("E")}, {"member_since", "2015-05-04"}}), 422,
       "membership.organization_id"},
      {with("membership", {{"organization_id", Org("A")}, {"member_since", "2015-05-04"}, {"x", 1}}), 422,
       "membership.x"},
      {with("favourite_colour", "red"), 422, "favourite_colour"},
      {with("birth_date", "1993-07-08"), 422, "birth_date"},
      // Sequence 071: an odd 17th digit, a man's number.
      {with("gender", "female"), 422, "gender"},
      {with("ethnicity", "汉族"), 422, "ethnicity"},
      {with("ethnicity", "57"), 422, "ethnicity"},
      {with("education", "本科"), 422, "education"},
      {with("education", "10"), 422, "education"},
  };
  for (const auto& c : cases) {
    auto r = sec->Post("/api/v1/people", c.body);
    EXPECT_EQ(r.status, c.status) << c.body.dump() << " → " << r.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
    EXPECT_TRUE(Fields(r).count(c.field)) << c.field << " not named in " << r.body;
  }
  auto youth = YouthBody("x", "A");
  youth["organization_id"] = 424242;
  auto unknown = sec->Post("/api/v1/people", youth);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(Fields(unknown), std::set<std::string>{"organization_id"});
  auto bad_path = sec->Get("/api/v1/people/abc");
  EXPECT_EQ(bad_path.status, 400);
  EXPECT_EQ(Fields(bad_path), std::set<std::string>{"id"});
  EXPECT_EQ(sec->Get("/api/v1/organizations/1x/people").status, 400);
  EXPECT_EQ(sec->Patch("/api/v1/people/-3", {{"occupation", "x"}}).status, 400);
  EXPECT_EQ(CountRows("people_persons"), 0);
  EXPECT_EQ(CountRows("people_memberships"), 0);
  EXPECT_EQ(Stat("A", "members"), 0);
}

TEST_P(PeopleApiTest, PatchChangesOtherFieldsButNotIdentity) {
  auto sec = As("sec-a");
  int64_t id = CreateMember(*sec, "冯示例", TestIdentity("19920808", 81), "A");
  auto path = "/api/v1/people/" + std::to_string(id);
  auto locked = sec->Patch(path, {{"name", "新名字"}, {"identity_number", "x"}});
  EXPECT_EQ(locked.status, 422);
  EXPECT_EQ(Fields(locked), (std::set<std::string>{"name", "identity_number"}));
  auto bad = sec->Patch(path, {{"phone", "123"}});
  EXPECT_EQ(bad.status, 422);
  auto ok = sec->Patch(path, {{"phone", "13800001111"}, {"occupation", "教师"}, {"employer", nullptr}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["phone"], "13800001111");
  EXPECT_EQ(ok.json()["occupation"], "教师");
  EXPECT_EQ(ok.json()["name"], "冯示例");
  EXPECT_EQ(As("cadre-c")->Patch(path, {{"occupation", "x"}}).status, 403);
  auto audit = server().app().db().Read([&](storage::Transaction& tx) {
    return tx.Query("SELECT before_json, after_json FROM audit_entries WHERE action = 'person.update'");
  });
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_NE((*audit)[0].Text(1).find("138****1111"), std::string::npos) << "audit masks the phone";
  EXPECT_EQ((*audit)[0].Text(1).find("13800001111"), std::string::npos);
}

TEST_P(PeopleApiTest, ListSearchesFiltersAndPages) {
  auto admin = As("street-admin");
  for (int i = 0; i < 7; ++i) {
    CreateMember(*admin, "林示例" + std::to_string(i), TestIdentity("19910101", 100 + i), i % 2 ? "A" : "B");
  }
  ASSERT_EQ(admin->Post("/api/v1/people", YouthBody("高青年", "A")).status, 201);
  const std::string base = "/api/v1/organizations/" + std::to_string(Org("W")) + "/people?scope=subtree";
  std::set<int64_t> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto r = admin->Get(base + "&limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(r.status, 200) << r.body;
    const auto j = r.json();
    for (const auto& item : j["items"]) seen.insert(item["id"].get<int64_t>());
    cursor = j["next_cursor"].is_null() ? "" : j["next_cursor"].get<std::string>();
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(seen.size(), 8u);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(admin->Get(base + "&kind=youth").json()["items"].size(), 1u);
  EXPECT_EQ(admin->Get(base + "&kind=member").json()["items"].size(), 7u);
  // The search term travels in the X-Search-Query header, percent-encoded.
  auto search = [&](const std::string& encoded) { return admin->Get(base, {{"X-Search-Query", encoded}}); };
  EXPECT_EQ(search("%E6%9E%97").json()["items"].size(), 7u);  // 林
  auto exact = search(TestIdentity("19910101", 103));
  ASSERT_EQ(exact.json()["items"].size(), 1u);
  EXPECT_EQ(exact.json()["items"][0]["name"], "林示例3");
  EXPECT_EQ(search("13912345678").json()["items"].size(), 7u);
  EXPECT_EQ(search("%25").json()["items"].size(), 0u) << "% is literal";
  EXPECT_EQ(search("%20%20").json()["items"].size(), 8u) << "a blank term searches nothing";
  auto self = admin->Get("/api/v1/organizations/" + std::to_string(Org("A")) + "/people?scope=self");
  EXPECT_EQ(self.json()["items"].size(), 4u);
  EXPECT_EQ(admin->Get("/api/v1/organizations/" + std::to_string(Org("W")) + "/people?scope=all").status, 422);
  EXPECT_EQ(admin->Get(base + "&kind=alien").status, 422);
  EXPECT_EQ(admin->Get(base + "&cursor=zzz").status, 422);
}

// ASVS 8.3.1: a search term may be an identity number or a phone, so it never travels in the URL
// (access logs, browser history and proxies keep URLs). The list and its export refuse ?q= with
// a 422 naming q, instead of answering the unsearched list, and take the term from a header.
TEST_P(PeopleApiTest, TheSearchTermGoesInAHeaderNeverInTheUrl) {
  auto admin = As("street-admin");
  const std::string idn = TestIdentity("19910101", 111);
  CreateMember(*admin, "林搜索", idn, "A");
  CreateMember(*admin, "王搜索", TestIdentity("19910101", 112), "B");
  const std::string list = "/api/v1/organizations/" + std::to_string(Org("W")) + "/people?scope=subtree";
  const std::string sheet = "/api/v1/organizations/" + std::to_string(Org("W")) + "/people/export?scope=subtree";
  for (const std::string& path : {list, sheet}) {
    for (const std::string& q : {idn, std::string("13912345678"), std::string("%E6%9E%97"), std::string()}) {
      auto refused = admin->Get(path + "&q=" + q);
      EXPECT_EQ(refused.status, 422) << path << " q=" << q;
      EXPECT_EQ(Fields(refused), std::set<std::string>{"q"}) << refused.body;
      EXPECT_NE(refused.body.find("X-Search-Query"), std::string::npos) << "the problem says where the term goes";
      EXPECT_EQ(refused.body.find(idn), std::string::npos) << "the answer does not repeat the term";
    }
    // Percent-encoding that does not decode to UTF-8, and a term over 50 characters.
    for (const std::string& bad :
         {std::string("%E6%9E"), std::string("%ZZ"), std::string("%FF"), std::string(51, 'a')}) {
      auto r = admin->Get(path, {{"X-Search-Query", bad}});
      EXPECT_EQ(r.status, 422) << path << " " << bad;
      EXPECT_EQ(Fields(r), std::set<std::string>{"q"}) << r.body;
    }
  }
  auto found = admin->Get(list, {{"X-Search-Query", idn}});
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.json()["items"].size(), 1u);
  EXPECT_EQ(found.json()["items"][0]["name"], "林搜索");
  EXPECT_EQ(admin->Get(list, {{"X-Search-Query", std::string(50, 'a')}}).status, 200) << "50 characters are fine";
  // The export of a search holds the found rows only (one person: the header row and one more).
  auto exported = admin->Get(sheet, {{"X-Search-Query", idn}});
  ASSERT_EQ(exported.status, 200);
  auto t = tables::ReadXlsx(exported.body);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1][0].text, "林搜索");
}

TEST_P(PeopleApiTest, GenderAndClosedListsFollowTheStandards) {
  auto sec = As("sec-a");
  // 17th digit 2 (even): a woman; 3 (odd): a man.
  auto woman = MemberBody("韩示例", TestIdentity("19950505", 52), "A");
  woman["ethnicity"] = "05";
  woman["education"] = "20";
  auto created = sec->Post("/api/v1/people", woman);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["gender"], "female");
  EXPECT_EQ(created.json()["ethnicity"], "05");
  EXPECT_EQ(created.json()["education"], "20");
  auto man = MemberBody("韩示例乙", TestIdentity("19950505", 53), "A");
  man["gender"] = "female";
  auto refused = sec->Post("/api/v1/people", man);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Fields(refused), std::set<std::string>{"gender"});
  EXPECT_NE(refused.body.find("性别与身份证号不一致"), std::string::npos) << refused.body;
  EXPECT_EQ(CountRows("people_persons"), 1) << "nothing of the refused one is stored";
  // A PATCH of the gender is checked against the stored number too; the record stays.
  const std::string path = "/api/v1/people/" + std::to_string(created.json()["id"].get<int64_t>());
  auto patch = sec->Patch(path, {{"gender", "male"}});
  EXPECT_EQ(patch.status, 422) << patch.body;
  EXPECT_EQ(Fields(patch), std::set<std::string>{"gender"});
  auto bad_list = sec->Patch(path, {{"ethnicity", "维吾尔族"}, {"education", "大专"}});
  EXPECT_EQ(bad_list.status, 422);
  EXPECT_EQ(Fields(bad_list), (std::set<std::string>{"ethnicity", "education"}));
  EXPECT_EQ(sec->Get(path).json()["gender"], "female");
  EXPECT_EQ(sec->Get(path).json()["ethnicity"], "05");
  auto cleared = sec->Patch(path, {{"ethnicity", nullptr}, {"education", "30"}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.json()["ethnicity"].is_null());
  EXPECT_EQ(cleared.json()["education"], "30");
}

TEST_P(PeopleApiTest, ListFiltersByClosedListsAndBySelectionWithinTheScope) {
  auto admin = As("street-admin");
  std::vector<int64_t> ids;
  for (int i = 0; i < 6; ++i) {
    auto body = MemberBody("钱示例" + std::to_string(i), TestIdentity("19960606", 60 + i), i % 2 ? "A" : "B");
    body["ethnicity"] = i < 2 ? "17" : "01";
    body["education"] = i % 3 == 0 ? "14" : "20";
    auto r = admin->Post("/api/v1/people", body);
    ASSERT_EQ(r.status, 201) << r.body;
    ids.push_back(r.json()["id"].get<int64_t>());
  }
  int64_t beside = CreateMember(*As("sec-e"), "钱别处", TestIdentity("19960606", 70), "E");
  const std::string base = "/api/v1/organizations/" + std::to_string(Org("W")) + "/people?scope=subtree";
  auto names = [&](const std::string& query) {
    std::set<std::string> out;
    auto r = admin->Get(base + query);
    EXPECT_EQ(r.status, 200) << query << " → " << r.body;
    const auto answer = r.json();  // a temporary's member would dangle in the range-for
    for (const auto& item : answer["items"]) out.insert(item["name"].get<std::string>());
    return out;
  };
  EXPECT_EQ(names("&ethnicity=17"), (std::set<std::string>{"钱示例0", "钱示例1"}));
  EXPECT_EQ(names("&education=14"), (std::set<std::string>{"钱示例0", "钱示例3"}));
  EXPECT_EQ(names("&ethnicity=01&education=14"), (std::set<std::string>{"钱示例3"}));
  const std::string selection =
      "&ids=" + std::to_string(ids[1]) + "," + std::to_string(ids[4]) + "," + std::to_string(beside);
  EXPECT_EQ(names(selection), (std::set<std::string>{"钱示例1", "钱示例4"})) << "a selection stays within the scope";
  EXPECT_EQ(names(selection + "&ethnicity=17"), (std::set<std::string>{"钱示例1"}));
  // The export of a selection holds the selected people only, 民族 and 学历 by name.
  auto file =
      admin->Get("/api/v1/organizations/" + std::to_string(Org("W")) + "/people/export?scope=subtree" + selection);
  ASSERT_EQ(file.status, 200) << file.body;
  auto t = tables::ReadXlsx(file.body);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 3u);
  std::set<std::string> exported, ethnic;
  for (size_t r = 1; r < t->rows.size(); ++r) {
    exported.insert(t->rows[r][0].text);
    ethnic.insert(t->rows[r][3].text);
  }
  EXPECT_EQ(exported, (std::set<std::string>{"钱示例1", "钱示例4"}));
  EXPECT_EQ(ethnic, (std::set<std::string>{"哈萨克族", "汉族"}));
  // Bad filters name their parameter.
  for (const char* q : {"&ethnicity=57", "&education=12", "&ids=1,x", "&ids=0", "&ids=1,,2", "&ids=1,"}) {
    auto r = admin->Get(base + q);
    EXPECT_EQ(r.status, 422) << q << " → " << r.body;
    EXPECT_EQ(Fields(r).size(), 1u) << r.body;
  }
  std::string many = "&ids=1";
  for (int i = 2; i <= 1001; ++i) many += "," + std::to_string(i);
  auto too_many = admin->Get(base + many);
  EXPECT_EQ(too_many.status, 422);
  EXPECT_EQ(Fields(too_many), std::set<std::string>{"ids"});
}

TEST_P(PeopleApiTest, PositionsCountCadres) {
  auto sec = As("sec-a");
  int64_t id = CreateMember(*sec, "邓示例", TestIdentity("19900909", 91), "A");
  auto path = "/api/v1/people/" + std::to_string(id) + "/positions";
  nlohmann::json body = {
      {"organization_id", Org("A")}, {"title", "secretary"}, {"employment", "part_time"}, {"started_on", "2024-01-01"}};
  auto r = sec->Post(path, body);
  ASSERT_EQ(r.status, 201) << r.body;
  int64_t position = r.json()["id"];
  EXPECT_EQ(sec->Post(path, body).status, 409) << "one open position per organization";
  EXPECT_EQ(sec->Post(path, {{"organization_id", Org("C")},
                             {"title", "secretary"},
                             {"employment", "full_time"},
                             {"started_on", "2024-01-01"}})
                .status,
            422)
      << "a branch secretary cannot see the city committee";
  auto bad = sec->Post(
      path, {{"organization_id", Org("A")}, {"title", "king"}, {"employment", "x"}, {"started_on", "2999-01-01"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Stat("A", "cadres"), 1);
  auto cadres = sec->Get("/api/v1/organizations/" + std::to_string(Org("A")) + "/people?kind=cadre");
  ASSERT_EQ(cadres.json()["items"].size(), 1u);
  EXPECT_EQ(cadres.json()["items"][0]["position"]["title"], "secretary");
  auto end = "/api/v1/positions/" + std::to_string(position) + "/end";
  EXPECT_EQ(As("sec-b")->Post(end, std::string()).status, 404);
  EXPECT_EQ(sec->Post(end, nlohmann::json{{"ended_on", "2023-01-01"}}).status, 422) << "before the start";
  EXPECT_EQ(sec->Post(end, std::string()).status, 200);
  EXPECT_EQ(sec->Post(end, std::string()).status, 409);
  EXPECT_EQ(Stat("A", "cadres"), 0);
  EXPECT_TRUE(VerifyCounters().empty());
}

// Every answer about one person says what the caller may do with them now: exactly the four
// person-scoped permissions, decided by the server; organization answers carry the
// organization-scoped ones; lists carry a member's joining date and number.
TEST_P(PeopleApiTest, AnswersSayWhatTheCallerMayDo) {
  auto sec = As("sec-a");
  auto created = sec->Post("/api/v1/people", MemberBody("钱示例", TestIdentity("19940404", 61), "A"));
  ASSERT_EQ(created.status, 201) << created.body;
  auto can = created.json()["can"];
  std::set<std::string> keys;
  for (const auto& [k, v] : can.items()) keys.insert(k);
  EXPECT_EQ(keys, (std::set<std::string>{"people.update", "people.request_correction", "people.appoint_position",
                                         "people.transfer"}));
  for (const auto& [k, v] : can.items()) EXPECT_EQ(v, true) << k;
  const int64_t id = created.json()["id"];
  const std::string path = "/api/v1/people/" + std::to_string(id);
  // The answer is kept in a variable: a range-for over part of a temporary reads freed memory.
  const auto cadre_can = As("cadre-c")->Get(path).json()["can"];
  for (const auto& [k, v] : cadre_can.items()) EXPECT_EQ(v, false) << "cadre " << k;
  // A pending correction rules out a second one; a pending transfer, a second transfer.
  ASSERT_EQ(sec->Post(path + "/corrections", {{"name", "钱更正"}, {"reason", "错字"}}).status, 201);
  ASSERT_EQ(sec->Post("/api/v1/transfers", {{"person_id", id}, {"to_organization_id", Org("B")}}).status, 201);
  auto after = sec->Patch(path, {{"occupation", "教师"}});
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.json()["can"]["people.update"], true);
  EXPECT_EQ(after.json()["can"]["people.request_correction"], false);
  EXPECT_EQ(after.json()["can"]["people.transfer"], false);
  // A member may start the transfer of their own membership, and nothing else.
  int64_t me = CreateMember(*sec, "孙自己", TestIdentity("19940405", 62), "A");
  ASSERT_GT(server().CreateAccount("member-a", {{Org("A"), auth::Role::kMember}}, me), 0);
  auto own = As("member-a")->Get("/api/v1/people/" + std::to_string(me)).json()["can"];
  EXPECT_EQ(own, (nlohmann::json{{"people.update", false},
                                 {"people.request_correction", false},
                                 {"people.appoint_position", false},
                                 {"people.transfer", true}}));
  // A young person has no membership to transfer.
  auto youth = sec->Post("/api/v1/people", YouthBody("李青年", "A"));
  ASSERT_EQ(youth.status, 201);
  EXPECT_EQ(youth.json()["can"]["people.transfer"], false);
  EXPECT_EQ(youth.json()["can"]["people.update"], true);

  auto org = sec->Get("/api/v1/organizations/" + std::to_string(Org("A"))).json()["can"];
  for (const char* p :
       {"people.list", "people.create", "people.transfers", "people.corrections", "people.manage_positions"}) {
    EXPECT_EQ(org[p], true) << p;
  }
  EXPECT_FALSE(org.contains("people.update")) << "person-scoped permissions are not the organization's";
  auto cadre_org = As("cadre-c")->Get("/api/v1/organizations/" + std::to_string(Org("C"))).json()["can"];
  EXPECT_EQ(cadre_org["people.list"], true);
  EXPECT_EQ(cadre_org["people.create"], false);

  auto list = sec->Get("/api/v1/organizations/" + std::to_string(Org("A")) + "/people?kind=member");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto listed = list.json();
  for (const auto& item : listed["items"]) EXPECT_EQ(item["member_since"], "2015-05-04") << item;
  auto young = sec->Get("/api/v1/organizations/" + std::to_string(Org("A")) + "/people?kind=youth").json();
  ASSERT_EQ(young["items"].size(), 1u);
  EXPECT_TRUE(young["items"][0]["member_since"].is_null());
}

TS_INSTANTIATE_FOR_DATABASES(PeopleApiTest);

}  // namespace
}  // namespace tianshan::testing
