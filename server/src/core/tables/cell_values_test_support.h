#pragma once
// Shared by the tests of cell readers (header only): the value a reader accepted, or the
// message key of the problem it reported, failing the test when it did the other.

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "core/tables/cell_values.h"
#include "core/tables/xlsx_writer.h"

namespace tianshan::tables::testing {

template <typename T>
std::optional<std::string> Ok(const CellResult<T>& r) {
  EXPECT_TRUE(std::holds_alternative<T>(r)) << std::get<CellProblem>(r).message;
  return std::holds_alternative<T>(r) ? std::get<T>(r) : std::nullopt;
}

template <typename T>
std::string Problem(const CellResult<T>& r) {
  EXPECT_TRUE(std::holds_alternative<CellProblem>(r));
  return std::holds_alternative<CellProblem>(r) ? std::get<CellProblem>(r).message : "";
}

}  // namespace tianshan::tables::testing
