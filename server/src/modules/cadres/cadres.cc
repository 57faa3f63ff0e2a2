#include "modules/cadres/cadres.h"

#include <cstdio>

namespace tianshan::cadres {

const ConsentText& CurrentConsent() {
  static const ConsentText text{
      std::string(kConsentVersion),
      "我同意与这位团干部建立直接联系（“1+100”）。团干部可以看到我的姓名和我所在的领域；会与我线上交流、"
      "邀请我参加线下活动、与我面对面谈心，并记录每次联系的日期、方式和所做的事，不记录对我个人的评价。"
      "我可以在“我的团干部”中看到关于我的全部记录，提出求助，并可随时结束联系。团组织的管理人员只能看到"
      "统计数字，看不到我的身份。",
      "I agree to keep direct contact with this league cadre (\"1+100\"). The cadre sees my name and my field; "
      "exchanges with me online, invites me to offline activities and talks with me face to face, and records the "
      "date, the way and what was done each time, never an opinion about me. On \"My cadres\" I see every record "
      "about me, can ask for help and can end the contact at any time. League administrators see figures only, "
      "never who I am."};
  return text;
}

int AgeOn(std::string_view birth_date, std::string_view today) {
  int by = 0, bm = 0, bd = 0, ty = 0, tm = 0, td = 0;
  if (std::sscanf(std::string(birth_date).c_str(), "%d-%d-%d", &by, &bm, &bd) != 3) return -1;
  if (std::sscanf(std::string(today).c_str(), "%d-%d-%d", &ty, &tm, &td) != 3) return -1;
  int age = ty - by;
  if (tm < bm || (tm == bm && td < bd)) --age;
  return age;
}

}  // namespace tianshan::cadres
