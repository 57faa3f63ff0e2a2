// The raw SQLite limits of two read scenarios of `make bench`, on the benchmark's own database and
// inputs: the same SQL statements the server runs for them, with the server's pragmas, one
// connection per thread, prepared once, no HTTP, no JSON, no copies of the rows (each column is
// read in place with sqlite3_column_*). What the server adds on top of this is its own cost.
//
//   people subtree walk  (GET /organizations/{id}/people?scope=subtree&limit=20, three pages deep,
//                         modules/people/list_people.cc): per page one read transaction with the
//                         organization by id, the page of 21 rows (persons with their active
//                         membership, in path order after the cursor) and the name of each
//                         distinct organization on the page
//   organization search  (GET /organizations/search?q=…&limit=20 as an administrator of the root,
//                         modules/organizations/organization_search.cc): the trigram (FTS5) query
//                         for 3 characters or more; for 1–2 characters the id-window prefix query,
//                         then the name-index query when the window did not fill a page
//
//   g++ -O2 -std=c++20 -pthread bench/sqlite_reads.cc -lsqlite3 -o sqlite_reads
//   sqlite_reads DB WORK SECONDS THREADS    prints raw_people_pages_per_s, raw_search_per_s and
//                                           the CPU milliseconds of each (…_cpu_ms)
// WORK holds bench/fixtures.py's walk_orgs.txt and search_paths.txt. The database is only read.
// Keep the statements in step with the server's when those change (the comments name the files).
#include <sqlite3.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void Die(sqlite3* db, const std::string& what) {
  std::fprintf(stderr, "sqlite_reads: %s: %s\n", what.c_str(), db ? sqlite3_errmsg(db) : "cannot open");
  std::exit(1);
}

std::vector<std::string> Lines(const std::string& file) {
  std::ifstream in(file);
  if (!in) {
    std::fprintf(stderr, "sqlite_reads: cannot read %s\n", file.c_str());
    std::exit(1);
  }
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// The q= parameter of a search path, percent-decoded.
std::string QueryOf(const std::string& path) {
  size_t at = path.find("q=");
  std::string raw = path.substr(at + 2, path.find('&', at) - at - 2), out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size()) {
      out += static_cast<char>(std::stoi(raw.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += raw[i] == '+' ? ' ' : raw[i];
    }
  }
  return out;
}

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string UpperBound(std::string s) {
  s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

const char* const kOrgColumns =
    "o.id, o.parent_id, o.path, o.depth, o.name, o.short_name, o.kind, o.setting, o.region_code, o.address, "
    "o.contact_name, o.contact_phone, o.founded_on, o.status, o.created_at, o.updated_at";
const char* const kFilters =
    " AND (CAST(? AS TEXT) IS NULL OR o.kind = ?) AND (CAST(? AS TEXT) IS NULL OR o.setting = ?) AND (CAST(? AS TEXT) "
    "IS NULL OR o.status = ?)";

class Connection {
 public:
  explicit Connection(const std::string& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      Die(db_, "open");
    }
    sqlite3_busy_timeout(db_, 5000);
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                               "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-32000"}) {
      if (sqlite3_exec(db_, pragma, nullptr, nullptr, nullptr) != SQLITE_OK) Die(db_, pragma);
    }
  }
  ~Connection() {
    for (sqlite3_stmt* s : statements_) sqlite3_finalize(s);
    sqlite3_close_v2(db_);
  }
  sqlite3_stmt* Prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      Die(db_, sql);
    }
    statements_.push_back(stmt);
    return stmt;
  }
  // Steps through every row, reading each column in place; returns the number of rows.
  int Run(sqlite3_stmt* stmt, const std::function<void(sqlite3_stmt*)>& row = nullptr) {
    int rows = 0, rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      ++rows;
      for (int c = 0, n = sqlite3_column_count(stmt); c < n; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_TEXT) {
          sink_ += sqlite3_column_bytes(stmt, c) + *sqlite3_column_text(stmt, c);
        } else {
          sink_ += sqlite3_column_int64(stmt, c);
        }
      }
      if (row) row(stmt);
    }
    if (rc != SQLITE_DONE) Die(db_, sqlite3_sql(stmt));
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rows;
  }
  sqlite3* db() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
  long long sink_ = 0;  // keeps the column reads from being optimized away
};

void BindText(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

// Parameters 1-6 of both prefix statements: the name range twice (name, short name), then the scope.
void BindPrefixAndScope(sqlite3_stmt* s, const std::string& q, const std::string& upper, const std::string& scope,
                        const std::string& scope_upper) {
  BindText(s, 1, q);
  BindText(s, 2, upper);
  BindText(s, 3, q);
  BindText(s, 4, upper);
  BindText(s, 5, scope);
  BindText(s, 6, scope_upper);
}

// One thread's walk: pages of the people of each organization's subtree, three deep.
long long WalkPeople(const std::string& file, const std::vector<long long>& orgs, size_t first, Clock::time_point stop) {
  Connection c(file);
  sqlite3_stmt* begin = c.Prepare("BEGIN");
  sqlite3_stmt* commit = c.Prepare("COMMIT");
  sqlite3_stmt* org = c.Prepare(std::string("SELECT ") + kOrgColumns + " FROM organizations_organizations o WHERE id = ?");
  const std::string head =
      "SELECT p.id, p.name, p.gender, p.birth_date, p.ethnicity, p.phone, p.identity_number, p.education, "
      "p.occupation, p.employer, p.organization_id, p.org_path, p.is_member, p.created_at, p.updated_at, "
      "m.member_since, m.member_number FROM people_persons p LEFT JOIN people_memberships m ON m.person_id = p.id "
      "AND m.status = 'active' WHERE 1 = 1 AND p.org_path >= ? AND p.org_path < ?";
  sqlite3_stmt* first_page = c.Prepare(head + " ORDER BY p.org_path, p.id LIMIT ?");
  sqlite3_stmt* next_page =
      c.Prepare(head + " AND (p.org_path > ? OR (p.org_path = ? AND p.id > ?)) ORDER BY p.org_path, p.id LIMIT ?");
  sqlite3_stmt* ref = c.Prepare("SELECT id, path, name FROM organizations_organizations WHERE id = ?");
  long long pages = 0;
  for (size_t i = first; Clock::now() < stop; ++i) {
    const long long id = orgs[i % orgs.size()];
    std::string cursor_path;
    long long cursor_id = 0;
    for (int depth = 0; depth < 3; ++depth) {
      c.Run(begin);
      std::string path;
      sqlite3_bind_int64(org, 1, id);
      c.Run(org, [&](sqlite3_stmt* s) { path = reinterpret_cast<const char*>(sqlite3_column_text(s, 2)); });
      sqlite3_stmt* page = depth == 0 ? first_page : next_page;
      BindText(page, 1, path);
      BindText(page, 2, UpperBound(path));
      int limit_at = 3;
      if (depth > 0) {
        BindText(page, 3, cursor_path);
        BindText(page, 4, cursor_path);
        sqlite3_bind_int64(page, 5, cursor_id);
        limit_at = 6;
      }
      sqlite3_bind_int64(page, limit_at, 21);
      std::set<long long> org_ids;
      int row = 0;
      c.Run(page, [&](sqlite3_stmt* s) {
        org_ids.insert(sqlite3_column_int64(s, 10));
        if (++row == 20) {
          cursor_path = reinterpret_cast<const char*>(sqlite3_column_text(s, 11));
          cursor_id = sqlite3_column_int64(s, 0);
        }
      });
      for (long long o : org_ids) {
        sqlite3_bind_int64(ref, 1, o);
        c.Run(ref);
      }
      c.Run(commit);
      ++pages;
      if (row <= 20) break;
    }
  }
  return pages;
}

// One thread's searches, as an administrator of `scope` (the root's path).
long long Search(const std::string& file, const std::vector<std::string>& queries, const std::string& scope,
                 size_t first, Clock::time_point stop) {
  Connection c(file);
  sqlite3_stmt* begin = c.Prepare("BEGIN");
  sqlite3_stmt* commit = c.Prepare("COMMIT");
  sqlite3_stmt* trigram = c.Prepare(
      std::string("SELECT ") + kOrgColumns +
      " FROM organizations_search s JOIN organizations_organizations o ON o.id = s.rowid WHERE organizations_search "
      "MATCH ? AND ((o.path >= ? AND o.path < ?)) AND s.rowid > ?" +
      kFilters + " ORDER BY s.rowid LIMIT ?");
  sqlite3_stmt* window = c.Prepare(
      std::string("SELECT ") + kOrgColumns +
      " FROM organizations_organizations o WHERE ((+o.name >= ? AND +o.name < ?) OR (+o.short_name >= ? AND "
      "+o.short_name < ?)) AND ((+o.path >= ? AND +o.path < ?)) AND o.id <= COALESCE((SELECT id FROM "
      "organizations_organizations WHERE id > ? ORDER BY id LIMIT 1 OFFSET 4095), 9223372036854775807) AND o.id > ?" +
      kFilters + " ORDER BY o.id LIMIT ?");
  sqlite3_stmt* names = c.Prepare(
      std::string("SELECT ") + kOrgColumns +
      " FROM organizations_organizations o WHERE ((o.name >= ? AND o.name < ?) OR (o.short_name >= ? AND "
      "o.short_name < ?)) AND ((+o.path >= ? AND +o.path < ?)) AND +o.id > ?" +
      kFilters + " ORDER BY o.id LIMIT ?");
  const std::string scope_upper = UpperBound(scope);
  long long done = 0;
  for (size_t i = first; Clock::now() < stop; ++i) {
    const std::string& q = queries[i % queries.size()];
    c.Run(begin);
    if (Utf8Length(q) >= 3) {
      std::string phrase = "\"";
      for (char ch : q) phrase += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      BindText(trigram, 1, phrase + "\"");
      BindText(trigram, 2, scope);
      BindText(trigram, 3, scope_upper);
      sqlite3_bind_int64(trigram, 4, 0);
      sqlite3_bind_int64(trigram, 11, 21);
      c.Run(trigram);
    } else {
      const std::string upper = UpperBound(q);
      BindPrefixAndScope(window, q, upper, scope, scope_upper);
      sqlite3_bind_int64(window, 7, 0);
      sqlite3_bind_int64(window, 8, 0);
      sqlite3_bind_int64(window, 15, 21);
      if (c.Run(window) <= 20) {
        BindPrefixAndScope(names, q, upper, scope, scope_upper);
        sqlite3_bind_int64(names, 7, 0);
        sqlite3_bind_int64(names, 14, 21);
        c.Run(names);
      }
    }
    c.Run(commit);
    ++done;
  }
  return done;
}

// CPU seconds (user + system) of this process so far.
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Rate {
  double per_s = 0;
  double cpu_ms = 0;  // CPU per operation
};

template <typename Work>
Rate PerSecond(double seconds, int threads, Work work) {
  const double cpu = CpuSeconds();
  const auto start = Clock::now();
  const auto stop = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  std::atomic<long long> total{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back([&, t] { total += work(static_cast<size_t>(t) * 97, stop); });
  for (auto& th : pool) th.join();
  const double n = static_cast<double>(total.load());
  return {n / std::chrono::duration<double>(Clock::now() - start).count(), (CpuSeconds() - cpu) * 1000 / n};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: sqlite_reads DB WORK SECONDS THREADS\n");
    return 2;
  }
  const std::string file = argv[1], work = argv[2];
  const double seconds = std::atof(argv[3]);
  const int threads = std::max(1, std::atoi(argv[4]));
  std::vector<long long> orgs;
  for (const auto& line : Lines(work + "/walk_orgs.txt")) orgs.push_back(std::atoll(line.c_str()));
  std::vector<std::string> queries;
  for (const auto& line : Lines(work + "/search_paths.txt")) queries.push_back(QueryOf(line));
  std::string root;
  {
    Connection c(file);
    sqlite3_stmt* s = c.Prepare("SELECT path FROM organizations_organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1");
    c.Run(s, [&](sqlite3_stmt* st) { root = reinterpret_cast<const char*>(sqlite3_column_text(st, 0)); });
    if (root.empty()) Die(c.db(), "no root organization");
  }
  const Rate pages = PerSecond(seconds, threads, [&](size_t first, Clock::time_point stop) {
    return WalkPeople(file, orgs, first, stop);
  });
  const Rate searches = PerSecond(seconds, threads, [&](size_t first, Clock::time_point stop) {
    return Search(file, queries, root, first, stop);
  });
  std::printf(
      "raw_people_pages_per_s=%.0f\nraw_people_page_cpu_ms=%.4f\nraw_search_per_s=%.0f\nraw_search_cpu_ms=%.4f\n"
      "raw_read_threads=%d\n",
      pages.per_s, pages.cpu_ms, searches.per_s, searches.cpu_ms, threads);
  return 0;
}
