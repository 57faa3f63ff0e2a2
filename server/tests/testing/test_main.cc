#include <gtest/gtest.h>

#include "core/crypto.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (!tianshan::InitCrypto()) return 2;
  return RUN_ALL_TESTS();
}
