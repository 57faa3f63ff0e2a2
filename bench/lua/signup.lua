-- The sign-up storm: POST /api/v1/volunteering/shifts/$BENCH_SHIFT/sign-ups, each request as a
-- different logged-in young person from $BENCH_SESSIONS (lines "<session cookie> <csrf token>",
-- written by bench/sessions.py). Thread k of T takes lines k, k+T, k+2T, …, so no user signs up twice
-- and every request is one real sign-up (confirmed or waitlisted). Each carries its own
-- Idempotency-Key, as the web app's requests do. When a thread runs out of users it stops.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

local counters = {"confirmed", "waitlisted", "rejected", "exhausted"}
setup = common.setup
done = function(summary, latency) common.report(summary, latency, counters) end

local sessions, path, next_line, step

function init()
  sessions = common.lines(os.getenv("BENCH_SESSIONS"))
  path = "/api/v1/volunteering/shifts/" .. assert(os.getenv("BENCH_SHIFT"), "BENCH_SHIFT not set") .. "/sign-ups"
  step = tonumber(os.getenv("BENCH_THREADS") or "2")
  next_line = id or 1
  confirmed, waitlisted, rejected, exhausted = 0, 0, 0, 0
end

function request()
  local line = sessions[next_line]
  if not line then
    -- Out of users: stop this thread rather than send a second sign-up for anyone.
    exhausted = 1
    wrk.thread:stop()
    return wrk.format("GET", "/api/v1/health")
  end
  next_line = next_line + step
  local cookie, csrf = line:match("^(%S+)%s+(%S+)$")
  return wrk.format("POST", path, {
    ["Cookie"] = "tianshan_session=" .. cookie,
    ["X-CSRF-Token"] = csrf,
    ["Idempotency-Key"] = "bench-" .. next_line,
    ["Content-Type"] = "application/json",
  }, "{}")
end

function response(status, headers, body)
  if status == 201 and body:find('"status":"confirmed"', 1, true) then
    confirmed = confirmed + 1
  elseif status == 201 and body:find('"status":"waitlisted"', 1, true) then
    waitlisted = waitlisted + 1
  elseif status ~= 200 then
    rejected = rejected + 1
  end
end
