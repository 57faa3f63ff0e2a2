#include "generate/person_maker.h"

#include <algorithm>
#include <cstdio>

#include "modules/people/public/person.h"

namespace tianshan::generate {
namespace {

// Birth days: 14 to 28 years before the epoch.
constexpr int64_t kYoungestDay = kEpochDay - 14 * 365 - 4;
constexpr int64_t kOldestDay = kEpochDay - 28 * 365 - 7;
constexpr int64_t kBirthDays = kYoungestDay - kOldestDay + 1;

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
                                 "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于",
                                 "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢",
                                 "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟"};
const char* const kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
                              "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "鹏",
                              "飞", "鑫", "宇", "浩", "凯", "晨", "欣", "怡", "佳", "雪", "琳", "婷", "雨", "梓",
                              "轩", "涵", "博", "文", "思", "睿", "子", "天", "阳", "昊", "然", "瑞", "嘉", "俊",
                              "航", "诗", "晴", "悦", "帆", "彤", "萱", "泽", "铭", "阿", "依", "努", "尔", "古"};
// GB/T 3304 codes (modules/people/code_lists.h): 维吾尔族, 哈萨克族, 回族, 蒙古族, 柯尔克孜族, 锡伯族, 满族, 藏族.
const char* const kEthnicities[] = {"05", "17", "03", "02", "29", "38", "11", "04"};
// GB/T 4658 codes: 初中, 普通高中, 中等职业教育, 大学专科, 大学本科 (twice), 硕士研究生.
const char* const kEducation[] = {"70", "60", "40", "30", "20", "20", "14"};
const char* const kOccupations[] = {"学生", "学生",     "学生",   "企业职工", "公务员",
                                    "教师", "医务人员", "农牧民", "个体经营", "自由职业"};

}  // namespace

PersonMaker::PersonMaker(uint64_t seed) : rng_(seed, 3), per_day_(static_cast<size_t>(kBirthDays) * 2, 0) {}

void PersonMaker::StartRegion(std::string region_code) {
  region_code_ = std::move(region_code);
  std::fill(per_day_.begin(), per_day_.end(), 0);
}

FakePerson PersonMaker::Make(int64_t id) {
  FakePerson p;
  p.male = rng_.Chance(500);
  p.name = rng_.Pick(kSurnames);
  p.name += rng_.Pick(kGiven);
  if (rng_.Chance(700)) p.name += rng_.Pick(kGiven);
  int64_t birth = kOldestDay + static_cast<int64_t>(rng_.Below(kBirthDays));
  p.birth_date = DateOfDay(birth);
  if (rng_.Chance(100))
    p.ethnicity = rng_.Pick(kEthnicities);
  else
    p.ethnicity = "01";  // 汉族
  if (rng_.Chance(800)) {
    char phone[16];
    std::snprintf(phone, sizeof phone, "13%09lld", static_cast<long long>(id % 1'000'000'000));
    p.phone = phone;
  }
  uint16_t& seen = per_day_[static_cast<size_t>(birth - kOldestDay) * 2 + (p.male ? 1 : 0)];
  if (!region_code_.empty() && seen < 500) {
    // Region (6), birth date (8), sequence (3, odd for men), check character.
    char first17[24];
    std::string ymd = p.birth_date.substr(0, 4) + p.birth_date.substr(5, 2) + p.birth_date.substr(8, 2);
    std::snprintf(first17, sizeof first17, "%s%s%03d", region_code_.c_str(), ymd.c_str(), seen * 2 + (p.male ? 1 : 0));
    ++seen;
    p.identity_number = std::string(first17) + people::IdentityCheckChar(first17);
  }
  p.education = rng_.Pick(kEducation);
  p.occupation = rng_.Pick(kOccupations);
  p.member = rng_.Chance(900);
  p.created_at = kEpochMillis - static_cast<int64_t>(rng_.Below(1000)) * kDayMillis;
  if (p.member) {
    // Joined between the 14th birthday and four years later, never after the epoch.
    int64_t from = birth + 14 * 365 + 4;
    int64_t span = std::min<int64_t>(4 * 365, kEpochDay - 1 - from);
    p.member_since =
        DateOfDay(from + static_cast<int64_t>(rng_.Below(static_cast<uint64_t>(std::max<int64_t>(span, 1)))));
  }
  return p;
}

}  // namespace tianshan::generate
