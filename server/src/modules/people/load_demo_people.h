#pragma once
// Demo people: a few thousand deterministic, clearly fictional people spread over the demo
// branches (organizations whose name ends in 团支部), members and youth, with cadre positions
// in branches and committees, and the people of the demo accounts (DemoContext::person_ids
// "branch-secretary", "member", "youth" in 风云社区团支部, "cadre" in 克拉玛依市团委).
//
// Fictional by construction: names are a surname plus 示例/演示/样例-style given names;
// identity numbers use the region-level code 650000 (which no individual carries) with a
// sequence starting with 9 and a valid check character; phones are 1990000xxxx. Everything is
// inserted in one transaction and counters are adjusted once per organization.

#include "kit/module.h"

namespace tianshan::people {

inline constexpr int kDemoPeople = 2400;

Status LoadDemoPeople(AppContext& ctx, DemoContext& demo);

// The fictional identity number of demo person `i` (0 <= i < 4000): unique per i.
std::string DemoIdentityNumber(int i);

}  // namespace tianshan::people
