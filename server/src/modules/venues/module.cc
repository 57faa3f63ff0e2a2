#include "modules/venues/module.h"

#include "modules/organizations/public/counters.h"
#include "modules/venues/handlers.h"
#include "modules/venues/load_demo.h"
#include "modules/venues/permissions.h"
#include "modules/venues/use_cases.h"
#include "modules/venues/venue_repository.h"
#include "storage/sql_text.h"

namespace tianshan::venues {
namespace {

std::vector<MessageText> Messages() {
  return {
      {"venues.not_found", "未找到该场地", "No such venue"},
      {"venues.room_not_found", "未找到该房间", "No such room"},
      {"venues.booking_not_found", "未找到该预约", "No such booking"},
      {"venues.name_taken", "本组织已有同名场地", "This organization already has a venue with that name"},
      {"venues.room_name_taken", "该场地已有同名房间", "This venue already has a room with that name"},
      {"venues.room_archived", "该房间已移除，不再接受预约", "This room has been removed and takes no bookings"},
      {"venues.room_has_bookings", "该房间还有尚未结束的预约或待审批申请：{}。请先取消或改约后再移除",
       "This room still has upcoming or pending bookings: {}. Cancel or move them before removing it"},
      {"venues.capacity_below_bookings", "已有预约的人数为 {} 人，容量不能少于此数",
       "An upcoming booking is for {} people; the capacity cannot be lower"},
      {"venues.coordinates_pair", "经度和纬度须同时填写", "Give both latitude and longitude"},
      {"venues.closes_before_opens", "关门时间须晚于开门时间", "Closing time must be after opening time"},
      {"venues.hours_pair", "开门和关门时间须同时填写（都不填表示全天闭馆）",
       "Give both opening and closing time (neither means closed all day)"},
      {"venues.date_repeated", "日期 {} 重复", "The date {} is repeated"},
      {"venues.bad_clock", "时间须为 HH:MM 格式", "Use HH:MM for a time of day"},
      {"venues.bad_time", "时间格式不正确", "Not a valid date and time"},
      {"venues.bad_phone", "电话号码格式不正确", "Not a valid phone number"},
      {"venues.must_be_number", "须为数字", "Must be a number"},
      {"venues.ends_before_starts", "结束时间须晚于开始时间", "The end must be after the start"},
      {"venues.in_past", "不能预约过去的时间", "That time has passed"},
      {"venues.too_far_ahead", "最多只能预约 {} 天以内", "Book at most {} days ahead"},
      {"venues.outside_hours", "所选时间不在场地开放时间内", "The venue is not open for the whole of that time"},
      {"venues.over_capacity", "人数超过房间容量（{} 人）", "More people than the room holds ({})"},
      {"venues.overlap", "该时段已被预约", "The room is already booked for that time"},
      {"venues.checkin_forged", "签到码无效", "The check-in code is not valid"},
      {"venues.checkin_expired", "签到码已过期（预约已结束）", "The check-in code has expired (the booking is over)"},
      {"venues.checkin_other_venue", "该签到码属于另一个场地的预约", "This code is for a booking at another venue"},
      {"venues.checkin_other_day", "该预约在 {}，不是今天", "This booking is on {}, not today"},
      {"venues.checked_in_already", "该预约已签到", "This booking has already been checked in"},
      {"venues.booking_ended", "该预约已结束", "This booking is over"},
      {"venues.photo_not_found", "未找到该照片", "No such photo"},
      {"venues.too_many_photos", "每个场地最多 {} 张照片", "A venue has at most {} photos"},
      {"venues.booking_state", "该预约当前状态（{}）不允许此操作", "Not possible for a booking that is {}"},
  };
}

Result<std::vector<std::string>> Verify(AppContext& ctx) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<std::string>> {
    organizations::SelfCounts counts;
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, kPendingBookingsCounter, kPendingBookingsSql, counts));
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, kNoShowsCounter, kNoShowsSql, counts));
    TS_RETURN_IF_ERROR(
        organizations::AddCountedOrganizations(tx, "SELECT DISTINCT organization_id FROM venues_venues", counts));
    return organizations::CompareSelfCounters(tx, "venues", {kPendingBookingsCounter, kNoShowsCounter}, counts);
  });
}

}  // namespace

ModuleDefinition VenuesModule() {
  ModuleDefinition m;
  m.name = "venues";
  m.migrations = storage::EmbeddedMigrations("venues", "modules/venues/migrations/");
  m.messages = Messages();
  m.permissions = Permissions();
  m.counters = {{std::string(kPendingBookingsCounter), "待审批的场地预约", "Room bookings awaiting approval", "",
                 "/app/organizations/{id}/bookings"},
                {std::string(kNoShowsCounter), "预约未到场", "Room bookings nobody came to", "",
                 "/app/organizations/{id}/bookings"}};
  m.jobs = {{"venues.no_shows", "已批准但到结束仍未签到的场地预约记为未到场", JobSchedule::Interval(15 * 60), 5, 300,
             [](const AppContext& ctx, const JobRun&) { return RecordNoShows(ctx).status(); }}};
  m.register_routes = [](http::Router& router, AppContext& ctx) { RegisterRoutes(router, ctx); };
  m.load_demo = LoadDemoVenues;
  m.verify_counters = Verify;
  // Venues and bookings keep their organization's path; rewrite it when a subtree moves.
  m.on_subtree_moved = [](storage::Transaction& tx, const std::string& from, const std::string& to) -> Status {
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "venues_venues", "org_path", from, to));
    return storage::RewritePathPrefix(tx, "venues_bookings", "org_path", from, to);
  };
  return m;
}

}  // namespace tianshan::venues
