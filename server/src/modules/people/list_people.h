#pragma once
// Use case: the people of an organization (scope=self) or of its whole subtree
// (scope=subtree), optionally only members, youth or cadres, searched by name substring or
// by exact identity number or phone, by ethnic group and education, or only the people of a
// selection (ids); keyset pagination.
//
// Readable by committee_admin, branch_secretary and cadre covering the organization (404 when
// the organization is unseen, 403 for other roles); every row is masked for the reader.
// Order: scope=self by id (cursor "<id>"); scope=subtree by (path, id) (cursor "<path>:<id>"),
// one range scan on the path index. kind=cadre lists open positions (one row per position,
// ordered and paged by the position) with their holder.

#include "modules/people/public/person.h"
#include "modules/people/use_case_support.h"

namespace tianshan::people {

struct ListPeopleInput {
  int64_t organization_id = 0;
  bool subtree = false;
  std::optional<std::string> kind;  // member, youth, cadre
  std::optional<std::string> q;
  std::optional<std::string> ethnicity;  // a GB/T 3304 code
  std::optional<std::string> education;  // a GB/T 4658 code
  std::vector<int64_t> ids;              // only these people (an export of a selection); empty: all
  int limit = 50;
  std::optional<std::string> cursor;
};

struct ListedPerson {
  Person person;
  View view = View::kNone;
  std::string organization_name;
  std::optional<std::string> member_since;   // members: of the active membership
  std::optional<std::string> member_number;  // members, when recorded
  std::optional<Position> position;          // kind=cadre
  std::string position_organization_name;
};

struct PeoplePage {
  std::vector<ListedPerson> items;
  std::optional<std::string> next_cursor;
};

Result<PeoplePage> ListPeople(const AppContext& ctx, const auth::Actor& actor, const ListPeopleInput& input);

}  // namespace tianshan::people
