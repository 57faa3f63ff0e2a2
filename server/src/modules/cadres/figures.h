#pragma once
// A cadre's maintained figures: one change of contacts, help, postings or units moves the
// cadre's register row and the organization counters (public/counters.h) at the cadre's
// organization, in the caller's transaction, so that dashboards never count rows.
//
// Call with the cadre locked (cadre_repository.h LockCadre) so that concurrent changes of one
// cadre apply one after the other. Time-based parts (due, overdue, this year) are for the
// stored period (period.h); the caller decides them with it.

#include <map>
#include <string>

#include "modules/cadres/cadres.h"
#include "storage/database.h"

namespace tianshan::cadres {

struct FigureDelta {
  int contacts = 0;  // active contacts
  std::map<std::string, int> by_field;
  int activity_due = 0;
  int talk_due = 0;
  int help_open = 0;
  int help_overdue = 0;
  bool help_changed = false;  // recompute the oldest open help request's day
  int postings = 0;
  int posted = 0;  // the cadre has (1) / no longer has (-1) a posting this year
  int posting_days = 0;
  int unreported = 0;
  int served_units = 0;
  int service_minutes = 0;
};

// Applies `d`; recounts the fields covered when `by_field` is not empty and moves at_quota when
// the active contacts cross the cadre's target.
[[nodiscard]] Status ApplyFigures(storage::Transaction& tx, const Cadre& cadre, const FigureDelta& d);

// A new register row's own counters (cadres.cadres).
[[nodiscard]] Status CountNewCadre(storage::Transaction& tx, const Cadre& cadre);
// Sets the cadre's target (after a settings change), moving at_quota when the cadre crosses it.
[[nodiscard]] Status Retarget(storage::Transaction& tx, const Cadre& cadre, int target);

}  // namespace tianshan::cadres
