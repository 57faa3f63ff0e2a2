-- Shared by the wrk scripts (each wrk thread runs its own copy of the script and of this module).
-- Every script ends with one machine-readable line for bench/lib/wrk.sh:
--   REPORT rps=<requests/s> p50=<ms> p99=<ms> requests=<n> non2xx=<n> errors=<n> [key=value ...]
local M = {}

local threads = {}

-- wrk calls setup() in its main state once per thread: number the threads (the number becomes the
-- global `id` inside that thread) and keep them so done() can read their counters.
function M.setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function M.thread_count()
  return #threads
end

-- Lines of a file, without blanks; stops wrk with a clear message when the file is missing.
function M.lines(path)
  local f = assert(io.open(assert(path, "file path not set"), "r"), "cannot read " .. tostring(path))
  local out = {}
  for line in f:lines() do
    if line ~= "" then out[#out + 1] = line end
  end
  f:close()
  assert(#out > 0, path .. " is empty")
  return out
end

-- wrk.format() replaces wrk.headers (the -H options) by the table it is given: merge them.
function M.headers(extra)
  local h = {}
  for k, v in pairs(wrk.headers) do h[k] = v end
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

function M.urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Prints the REPORT line; `counters` names per-thread globals to sum into key=value pairs.
function M.report(summary, latency, counters)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local parts = {
    string.format("REPORT rps=%.0f p50=%.3f p99=%.3f requests=%d non2xx=%d errors=%d", summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, e.status,
      e.connect + e.read + e.write + e.timeout),
  }
  for _, name in ipairs(counters or {}) do
    local total = 0
    for _, t in ipairs(threads) do total = total + (tonumber(t:get(name)) or 0) end
    parts[#parts + 1] = string.format("%s=%d", name, total)
  end
  parts[#parts + 1] = string.format("seconds=%.2f", seconds)
  io.write(table.concat(parts, " "), "\n")
end

return M
