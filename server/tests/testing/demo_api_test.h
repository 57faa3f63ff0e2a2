#pragma once
// Base of the API tests that start on the demo network (load_demo of every module: the seed
// article's organizations, places and demo people). Tests needing more options override Options().

#include "testing/test_server.h"

namespace tianshan::testing {

class DemoApiTest : public ApiTest {
 protected:
  TestServerOptions Options() const override { return {.demo = true}; }
};

}  // namespace tianshan::testing
