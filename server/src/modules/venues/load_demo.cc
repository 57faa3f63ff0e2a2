#include "modules/venues/load_demo.h"

#include "core/calendar.h"
#include "core/china_time.h"
#include "modules/organizations/public/counters.h"
#include "modules/venues/venue_repository.h"

namespace tianshan::venues {
namespace {

struct DemoRoom {
  const char* name;
  int capacity;
  const char* equipment;
};
struct DemoVenue {
  const char* organization;
  const char* name;
  const char* kind;
  const char* address;
  double latitude, longitude;
  std::vector<std::string> facilities;
  bool requires_approval;
  int opens, closes;  // every day
  std::vector<DemoRoom> rooms;
};

std::vector<DemoVenue> Venues() {
  return {
      {"克拉玛依市团委",
       "克拉玛依市青年空间",
       "youth_space",
       "克拉玛依市克拉玛依区准噶尔路",
       45.5958,
       84.8890,
       {"Wi-Fi", "投影", "书吧", "咖啡"},
       true,
       9 * 60,
       21 * 60,
       {{"多功能厅", 80, "投影仪、音响、舞台"}, {"研讨室", 12, "白板、电视"}, {"青年书吧", 30, nullptr}}},
      {"汉博中央广场非公企业团支部",
       "汉博中央广场群团服务站（阳光驿站）",
       "service_station",
       "克拉玛依市克拉玛依区汉博中央广场",
       45.5901,
       84.8702,
       {"饮水", "充电", "休息区"},
       false,
       10 * 60,
       20 * 60,
       {{"活动室", 20, "桌椅、投影"}, {"谈心室", 4, nullptr}}},
      {"天山街道团工委",
       "天山街道社区服务中心",
       "youth_home",
       "克拉玛依市克拉玛依区天山街道",
       45.6012,
       84.8815,
       {"青年之家", "图书角"},
       false,
       9 * 60,
       18 * 60,
       {{"青年之家活动室", 40, "音响"}}},
      {"克拉玛依市团委",
       "克拉玛依市青年社会组织培育发展中心",
       "incubation_centre",
       "克拉玛依市克拉玛依区迎宾路",
       45.5877,
       84.8766,
       {"孵化工位", "路演厅", "会议室"},
       true,
       9 * 60 + 30,
       18 * 60,
       {{"路演厅", 60, "LED 屏、音响"}, {"会议室", 16, "视频会议"}}},
      {"克拉玛依区团委",
       "克拉玛依区创业指导中心",
       "enterprise_centre",
       "克拉玛依市克拉玛依区友谊路",
       45.5930,
       84.8731,
       {"创业咨询", "培训教室"},
       true,
       9 * 60 + 30,
       18 * 60,
       {{"培训教室", 40, "投影、白板"}, {"洽谈室", 8, nullptr}}},
  };
}

}  // namespace

Status LoadDemoVenues(AppContext& ctx, DemoContext& demo) {
  if (!demo.organization_ids.count("克拉玛依市团委")) return Status::Ok();
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    const int64_t now = ctx.clock.NowMillis();
    const std::string today = TodayInChina(now);
    std::vector<std::pair<Venue, std::vector<Room>>> made;
    for (const auto& d : Venues()) {
      auto org = demo.organization_ids.find(d.organization);
      if (org == demo.organization_ids.end()) continue;
      auto ref = ctx.organizations->Find(tx, org->second);
      TS_RETURN_IF_ERROR(ref.status());
      if (!*ref) continue;
      Venue v;
      v.organization_id = org->second;
      v.org_path = (*ref)->path;
      v.f = {d.name,     d.kind,         d.address,           d.latitude, d.longitude, d.facilities,
             "值班青年", "0990-6231305", d.requires_approval, {},         {}};
      for (int day = 1; day <= 7; ++day) v.f.hours.push_back({day, d.opens, d.closes});
      v.f.exceptions = {{"2026-12-31", d.opens, 17 * 60, "跨年夜提前闭馆"}, {"2027-01-01", {}, {}, "元旦闭馆"}};
      v.created_at = v.updated_at = now;
      TS_ASSIGN_OR_RETURN(v.id, InsertVenue(tx, v));
      std::vector<Room> rooms;
      for (const auto& r : d.rooms) {
        Room room{0,   v.id, r.name, r.capacity, r.equipment ? std::optional<std::string>(r.equipment) : std::nullopt,
                  now, now};
        TS_ASSIGN_OR_RETURN(room.id, InsertRoom(tx, room));
        rooms.push_back(room);
      }
      made.emplace_back(std::move(v), std::move(rooms));
    }
    // A few bookings in the coming days: approved where the venue books at once, some pending.
    struct DemoBooking {
      size_t venue, room;
      int day, hour, hours;
      const char* who;
      const char* purpose;
      int attendees;
      const char* status;
    };
    const DemoBooking bookings[] = {
        {0, 0, 1, 14, 2, "风云社区团支部", "青年读书分享会", 40, "approved"},
        {0, 1, 2, 10, 2, "天山“心”家园社工服务社", "社工督导会", 10, "pending"},
        {0, 0, 3, 19, 2, "克拉玛依市青年志愿者协会", "行星团志愿者培训", 60, "pending"},
        {1, 0, 1, 15, 1, "汉博中央广场非公企业团支部", "新就业形态青年座谈", 15, "approved"},
        {3, 0, 2, 15, 2, "乐龄社工服务社", "青年社会组织项目路演", 50, "pending"},
        {4, 1, 1, 10, 1, "创业青年", "创业项目一对一咨询", 3, "approved"},
    };
    for (const auto& d : bookings) {
      if (d.venue >= made.size() || d.room >= made[d.venue].second.size()) continue;
      const Venue& v = made[d.venue].first;
      Booking b;
      b.room_id = made[d.venue].second[d.room].id;
      b.venue_id = v.id;
      b.organization_id = v.organization_id;
      b.org_path = v.org_path;
      b.booker_name = d.who;
      b.starts_at = ChinaMidnight(AddDays(today, d.day)) + d.hour * kHourMillis;
      b.ends_at = b.starts_at + d.hours * kHourMillis;
      b.purpose = d.purpose;
      b.attendees = d.attendees;
      b.status = v.f.requires_approval ? d.status : "approved";
      b.created_at = b.updated_at = now;
      TS_ASSIGN_OR_RETURN(b.id, InsertBooking(tx, b));
      if (b.status == "pending") {
        TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, b.organization_id, kPendingBookingsCounter, 1));
      }
    }
    return Status::Ok();
  });
}

}  // namespace tianshan::venues
