#pragma once
// Hints a statement gives the PostgreSQL driver about its plan, as a leading SQL comment (so the
// text stays portable: SQLite, and PostgreSQL itself, read it as a comment).

#include <string_view>

namespace tianshan::storage {

// Plan this statement for each execution's values instead of reusing a prepared one. After five
// executions PostgreSQL may switch a prepared statement to one generic plan for all values; for
// a statement whose best plan depends on its values that plan can cost many times more (the
// trigram name search at region scale: a bitmap AND over the whole subtree's path range, 13 ms
// against 0.5 ms). Costs a planning each time: use only where that was measured to pay.
//   tx.Query(std::string(storage::kPlanEachTime) + "SELECT …", params)
inline constexpr std::string_view kPlanEachTime = "/* plan each time */ ";

// The caller needs no answer from this write: in a PostgreSQL write transaction the statement is
// not sent by itself but in one pipeline with the transaction's next statement, or with its
// COMMIT (one round trip for both). Its order among the transaction's statements is kept. Execute
// returns 0 (the rows it changed are not known yet); when it fails, that next statement or the
// COMMIT fails with its error, so the transaction fails as a whole and nothing of it is kept.
// SQLite, and PostgreSQL in a read-only transaction, run it at once. For writes whose failure is
// an error of the whole transaction anyway (an audit entry, a bookkeeping UPDATE).
//   tx.Execute(std::string(storage::kNoAnswer) + "INSERT …", params)
inline constexpr std::string_view kNoAnswer = "/* no answer */ ";

}  // namespace tianshan::storage
