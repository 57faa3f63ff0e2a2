#include "modules/cadres/messages.h"

namespace tianshan::cadres {

std::vector<MessageText> Messages() {
  return {
      // Who may act.
      {"cadres.not_a_cadre", "只有担任团干部职务的账号才能这样做",
       "Only an account with an open cadre position can do this"},
      {"cadres.no_person", "账号尚未关联个人信息，无法建立联系",
       "This account has no person record, so it cannot be in contact"},
      {"cadres.only_the_cadre", "只有该联系的团干部能这样做", "Only the contact's cadre can do this"},
      {"cadres.not_found", "未找到该团干部", "No such cadre"},
      // Postings ("8+4").
      {"cadres.posting_not_found", "未找到该下沉安排", "No such posting"},
      {"cadres.only_the_posted_cadre", "只有下沉的团干部本人能这样做", "Only the posted cadre can do this"},
      {"cadres.posting_closed", "该下沉安排已确认或已取消", "This posting has been confirmed or cancelled"},
      {"cadres.posting_not_begun", "下沉尚未开始", "This posting has not begun yet"},
      {"cadres.posting_not_reported", "团干部尚未提交下沉报告", "The cadre has not reported on this posting yet"},
      {"cadres.posting_overlaps", "与该团干部的另一次下沉时间重叠", "This overlaps another posting of the cadre"},
      {"cadres.ends_before_start", "结束日期早于开始日期", "The end is before the start"},
      {"cadres.posting_too_long", "一次下沉不能超过一年", "A posting cannot last more than a year"},
      {"cadres.host_not_found", "未找到该基层组织，或不在你的管理范围内", "No such organization that you manage"},
      {"cadres.outside_posting", "日期不在下沉期间内", "This day is outside the posting"},
      // Contacts and invitations.
      {"cadres.contact_not_found", "未找到该联系", "No such contact"},
      {"cadres.invitation_not_found", "邀请不存在或已失效", "No such invitation"},
      {"cadres.bad_token", "邀请码格式不正确", "This is not an invitation code"},
      {"cadres.invitation_for_someone_else", "这份邀请是发给另一位青年的", "This invitation is for someone else"},
      {"cadres.invitation_closed", "这份邀请已经使用或撤回", "This invitation has been used or withdrawn"},
      {"cadres.invitation_expired", "这份邀请已过期，请向团干部索取新的邀请",
       "This invitation has expired; ask the cadre for a new one"},
      {"cadres.already_in_contact", "你们之间已经有一个有效的联系", "These two are already in contact"},
      {"cadres.self_contact", "不能与自己建立联系", "A cadre cannot be in contact with themself"},
      {"cadres.person_not_found", "未找到该人员，或你无权查看", "No such person that you may see"},
      {"cadres.age_out_of_range", "只有 14 至 35 周岁的青年可以建立联系",
       "Only young people aged 14 to 35 can be contacted"},
      {"cadres.consent_outdated", "同意书已更新，请阅读新版本后再确认",
       "The consent text has changed; read the new version and confirm again"},
      {"cadres.contact_closed", "该联系已结束", "This contact has ended"},
      {"cadres.not_requested", "该联系不是待确认的申请", "This contact is not a request waiting for an answer"},
      {"cadres.contact_not_active", "该联系不在有效状态", "This contact is not active"},
      // Interactions and help.
      {"cadres.no_contacts", "请至少选择一位联系青年", "Choose at least one contact"},
      {"cadres.duplicate_contact", "同一位青年重复选择", "The same contact is chosen twice"},
      {"cadres.date_in_future", "日期不能晚于今天", "The date cannot be in the future"},
      {"cadres.before_consent", "日期早于对方同意建立联系的日期",
       "The date is before the young person agreed to the contact"},
      {"cadres.help_not_found", "未找到该求助", "No such help request"},
      {"cadres.help_closed", "该求助已办结", "This help request is closed"},
      {"cadres.help_bad_transition", "求助只能从待处理转为处理中、已解决或已转介",
       "A help request moves from open to in progress, resolved or referred"},
      {"cadres.help_given_required", "办结求助时请填写提供的帮助", "Say what help was given when closing a request"},
      // Notifications (no young person is ever named: mail waits in an outbox admins see).
      {"cadres.notice.contact_started_title", "有青年接受了你的联系邀请", "A young person accepted your invitation"},
      {"cadres.notice.contact_started_body", "新的直接联系已建立，请在“我的联系青年”中查看。",
       "A new direct contact has started; see My contacts."},
      {"cadres.notice.contact_requested_title", "有青年希望与你建立联系", "A young person asks to be in contact"},
      {"cadres.notice.contact_requested_body", "请在“我的联系青年”中同意或婉拒。",
       "Accept or decline it under My contacts."},
      {"cadres.notice.contact_ended_title", "一个直接联系已结束", "A direct contact has ended"},
      {"cadres.notice.contact_ended_body", "对方结束了这个联系。", "The other side ended this contact."},
      {"cadres.notice.reminder_title", "联系青年提醒", "Contact reminders"},
      {"cadres.notice.reminder_body",
       "本季度待组织线下活动 {activity} 人，本年度待面对面谈心 {talk} 人，超过 7 天未办结的求助 {help} 件。",
       "{activity} contacts await an offline activity this quarter, {talk} a face-to-face talk this year; {help} "
       "help requests are open over 7 days."},
      {"cadres.notice.help_raised_title", "你联系的一位青年提出了求助",
       "A young person you are in contact with asks for help"},
      {"cadres.notice.help_raised_body", "请尽快查看并处理。", "Please look at it soon."},
      {"cadres.notice.request_accepted_title", "团干部同意了你的联系申请", "The cadre accepted your request"},
      {"cadres.notice.request_accepted_body", "你们已建立直接联系，可在“我的团干部”中查看。",
       "You are now in direct contact; see My cadres."},
      {"cadres.notice.request_declined_title", "团干部婉拒了你的联系申请", "The cadre declined your request"},
      {"cadres.notice.request_declined_body", "你可以向所在组织的其他团干部提出申请。",
       "You may ask another cadre of your organization."},
      {"cadres.notice.help_updated_title", "你的求助有了新进展", "Your help request has news"},
      {"cadres.notice.help_updated_body", "请在“我的团干部”中查看。", "See My cadres."},
  };
}

}  // namespace tianshan::cadres
