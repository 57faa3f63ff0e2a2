// A venue's photos through the API on SQLite and PostgreSQL: images only, told by their bytes;
// added and removed by the venue's managers; public to see on the venue's page; refusals name
// their field and store nothing. (Audit: venue_photo.create / .delete.)

#include "modules/venues/venues_api_test_fixture.h"

namespace tianshan::testing {
namespace {

class VenuePhotosApiTest : public VenuesApiTest {
 protected:
  static HttpResult AddPhoto(HttpClient& c, int64_t venue, const std::string& query, const std::string& bytes) {
    return c.Send("POST", "/api/v1/venues/" + std::to_string(venue) + "/photos" + query, bytes,
                  {{"Content-Type", "application/octet-stream"}});
  }
  const std::string png_ =
      std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);
};

TEST_P(VenuePhotosApiTest, ManagersAddImagesEveryoneSeesThem) {
  MakeRoom(false);
  const std::string page = "/api/v1/venues/" + std::to_string(venue_);
  auto admin = LoggedIn("karamay-admin");
  EXPECT_EQ(admin->Get(page).json()["can"]["add_photo"], true);
  EXPECT_EQ(Client()->Get(page).json()["can"]["add_photo"], false);

  // Refused: a PDF, markup named .png, nothing, no name; and by who may not manage the venue.
  for (const auto& [bytes, why] : std::vector<std::pair<std::string, std::string>>{
           {"%PDF-1.4\n%%EOF\n", "a PDF is no image"},
           {"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "SVG runs scripts"},
           {"", "empty"}}) {
    auto r = AddPhoto(*admin, venue_, "?name=x.png", bytes);
    EXPECT_EQ(r.status, 422) << why << ": " << r.body;
    EXPECT_EQ(r.error_fields(), (std::vector<std::string>{"body"})) << why;
  }
  auto no_name = AddPhoto(*admin, venue_, "", png_);
  EXPECT_EQ(no_name.status, 422);
  EXPECT_EQ(no_name.error_fields(), (std::vector<std::string>{"name"}));
  EXPECT_EQ(AddPhoto(*LoggedIn("cadre"), venue_, "?name=a.png", png_).status, 403) << "a cadre reads, not manages";
  EXPECT_EQ(AddPhoto(*LoggedIn("youth"), venue_, "?name=a.png", png_).status, 403);
  EXPECT_EQ(AddPhoto(*Client(), venue_, "?name=a.png", png_).status, 401);
  EXPECT_EQ(AddPhoto(*admin, 999999, "?name=a.png", png_).status, 404);
  EXPECT_TRUE(Client()->Get(page).json()["photos"].empty()) << "nothing stored";

  auto added = AddPhoto(*admin, venue_, "?name=%E5%A4%A7%E5%8E%85.png", png_);
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string url = added.json()["url"];
  const std::string key = added.json()["key"];
  EXPECT_EQ(added.json()["file_name"], "大厅.png");
  auto shown = Client()->Get(page);
  ASSERT_EQ(shown.status, 200);
  ASSERT_EQ(shown.json()["photos"].size(), 1u);
  EXPECT_EQ(shown.json()["photos"][0]["url"], url);
  auto image = Client()->Get(url);
  ASSERT_EQ(image.status, 200) << "public, no account";
  EXPECT_EQ(image.body, png_);
  EXPECT_EQ(image.header("content-type"), "image/png");
  EXPECT_EQ(image.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(Client()->Get("/api/v1/venues/" + std::to_string(venue_ + 1) + "/photos/" + key).status, 404)
      << "a photo only under its own venue";

  const std::string remove = page + "/photos?key=" + key;
  EXPECT_EQ(LoggedIn("cadre")->Send("DELETE", remove, "", {}).status, 403);
  EXPECT_EQ(admin->Send("DELETE", page + "/photos?key=nope", "", {}).status, 404);
  EXPECT_EQ(admin->Send("DELETE", remove, "", {}).status, 204);
  EXPECT_EQ(Client()->Get(url).status, 404);
  EXPECT_TRUE(Client()->Get(page).json()["photos"].empty());
}

TS_INSTANTIATE_FOR_DATABASES(VenuePhotosApiTest);

}  // namespace
}  // namespace tianshan::testing
