#pragma once
// The statistics cache is public (public/stats_cache.h): other modules' dashboards use it too.

#include "modules/organizations/public/stats_cache.h"
