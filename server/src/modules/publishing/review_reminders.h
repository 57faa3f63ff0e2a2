#pragma once
// The daily "publishing.review_reminders" job: articles submitted more than kReviewOverdueDays
// ago and not yet reviewed are counted per organization ("overdue.publishing_review", shown on
// the organization's overdue view) and the organization's committee admins are reminded once a
// day. A submitted article cannot be edited, so its updated_at is the time it was submitted.

#include "kit/module.h"

namespace tianshan::publishing {

inline constexpr int kReviewOverdueDays = 2;
inline constexpr const char* kOverdueReviewCounter = "overdue.publishing_review";

Status RemindWaitingReview(const AppContext& ctx, const JobRun& run);

}  // namespace tianshan::publishing
