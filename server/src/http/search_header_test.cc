// SearchHeader (search_header.h): the one rule keeping personal search terms out of URLs. The
// routes using it are tested through HTTP on both databases (PeopleApiTest, CadresContactsApiTest,
// AuditApiTest); these are the rule's edges.

#include "http/search_header.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tianshan::http {
namespace {

HttpRequest RequestWithSearchHeader(std::string value, std::vector<std::pair<std::string, std::string>> query = {}) {
  HttpRequest req;
  req.query = std::move(query);
  req.headers.emplace_back("x-search-query", std::move(value));
  return req;
}

// The term and the field errors a route using the header would answer with.
std::pair<std::optional<std::string>, std::vector<FieldError>> ReadSearchTerm(const HttpRequest& req, size_t max = 5) {
  QueryReader query(req);
  auto term = SearchHeader(req, query, "q", kSearchQueryHeader, max);
  return {term, query.Finish().field_errors()};
}

TEST(SearchHeaderTest, DecodesTrimsAndKeepsAPlus) {
  EXPECT_EQ(ReadSearchTerm(RequestWithSearchHeader("%20%E5%8F%A4%E4%B8%BD%09")).first, "古丽");
  EXPECT_EQ(ReadSearchTerm(RequestWithSearchHeader("a+b")).first, "a+b")
      << "encodeURIComponent's encoding: + is a plus";
  EXPECT_EQ(ReadSearchTerm(RequestWithSearchHeader("%E5%8F%A4%E5%8F%A4%E5%8F%A4%E5%8F%A4%E5%8F%A4")).first,
            "古古古古古")
      << "the bound counts characters, not bytes";
  for (const char* blank : {"", "%20%20", " "}) {
    auto [term, errors] = ReadSearchTerm(RequestWithSearchHeader(blank));
    EXPECT_EQ(term, std::nullopt) << blank;
    EXPECT_TRUE(errors.empty()) << "a blank term searches nothing: " << blank;
  }
  HttpRequest none;
  EXPECT_EQ(ReadSearchTerm(none).first, std::nullopt);
  EXPECT_TRUE(ReadSearchTerm(none).second.empty());
}

TEST(SearchHeaderTest, RefusesTheTermInTheUrlNamingTheHeaderEvenBesideTheHeader) {
  for (const std::string& in_url : {std::string("13912345678"), std::string()}) {
    auto [term, errors] = ReadSearchTerm(RequestWithSearchHeader("13912345678", {{"q", in_url}}));
    EXPECT_EQ(term, std::nullopt);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "q");
    EXPECT_EQ(errors[0].message, "query.search_not_in_url");
    EXPECT_EQ(errors[0].param, "X-Search-Query");
  }
}

TEST(SearchHeaderTest, BadEncodingAndLongTermsAreFieldErrors) {
  for (const char* bad : {"%E5%8F", "%ZZ", "%FF", "%00", "%4"}) {
    auto [term, errors] = ReadSearchTerm(RequestWithSearchHeader(bad));
    EXPECT_EQ(term, std::nullopt) << bad;
    ASSERT_EQ(errors.size(), 1u) << bad;
    EXPECT_EQ(errors[0].field, "q");
    EXPECT_EQ(errors[0].message, "query.bad_search_header");
    EXPECT_EQ(errors[0].param, "X-Search-Query");
  }
  auto [term, errors] = ReadSearchTerm(RequestWithSearchHeader("abcdef"));
  EXPECT_EQ(term, std::nullopt);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "field.too_long");
  EXPECT_EQ(errors[0].param, "5");
}

}  // namespace
}  // namespace tianshan::http
