#pragma once
// Fictional people for the generated network: names, birth dates (14 to 28 years old at the
// generation epoch), valid GB 11643 identity numbers, phones and membership dates. No I/O.
//
// Identity numbers are unique: each local committee has its own region code, its people are
// made together (StartRegion, then Make for each), and the sequence digits count people per
// birth date and gender within the region. Phones are unique too (derived from the person id).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "generate/synthetic.h"

namespace tianshan::generate {

struct FakePerson {
  std::string name;
  bool male = false;
  std::string birth_date;
  std::optional<std::string> ethnicity;
  std::optional<std::string> phone;
  std::optional<std::string> identity_number;
  std::optional<std::string> education;
  std::optional<std::string> occupation;
  bool member = false;
  std::string member_since;  // when member
  int64_t created_at = 0;
};

class PersonMaker {
 public:
  explicit PersonMaker(uint64_t seed);
  // Begins the people of the local committee with six-digit `region_code`.
  void StartRegion(std::string region_code);
  // The person with `id`; about nine in ten are league members.
  FakePerson Make(int64_t id);

 private:
  Rng rng_;
  std::string region_code_;
  std::vector<uint16_t> per_day_;  // people made per (birth day, gender) in this region
};

}  // namespace tianshan::generate
