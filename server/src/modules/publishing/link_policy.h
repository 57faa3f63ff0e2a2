#pragma once
// The link policy: a maintained deny-list of domains and phrases that injected content carries
// (gambling sites, "线路检测"-style redirect pages), checked on every field an editor writes —
// titles, sources, URLs, column names (the breadcrumb), the body's text, links and image texts.
//
// Matching is on a normalized copy of the text, so that the usual disguises do not pass:
// full-width letters and digits (３６５．ｃｏｍ), upper case, ideographic full stops (365。com),
// zero-width characters and spaces inside a phrase (线 路 检 测). A domain matches on its own or
// as a subdomain ("www.365.com"), not inside a longer name ("365.community"). What a match
// reports is the original text that matched, with adjacent matches joined ("365.com线路检测"),
// so that an editor sees exactly what to remove.
//
// The list itself is in link_policy.cc (kDeniedDomains, kDeniedPhrases): add an entry there with
// a test in link_policy_test.cc. Thread-safe (immutable after construction).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tianshan::publishing {

// The offending original text when `text` matches the deny-list; nullopt when it is clean.
std::optional<std::string> FindDeniedText(std::string_view text);

// Field name and text, checked in order; the errors name each offending field and its text.
struct CheckedField {
  std::string field;
  std::string_view text;
};
struct LinkPolicyError {
  std::string field;
  std::string offending;
};
std::vector<LinkPolicyError> CheckFields(const std::vector<CheckedField>& fields);

}  // namespace tianshan::publishing
