-- The booking storm: POST /api/v1/rooms/{id}/bookings by many logged-in young people from
-- $BENCH_SESSIONS (lines "<session cookie> <csrf token>", bench/sessions.py) for rooms from
-- $BENCH_ROOMS (one id a line). Request k of thread t books slot number n = t + T·k: room
-- n mod R, half an hour starting $BENCH_FROM (epoch seconds, a China-time half hour) + 30 min ·
-- (n div R). No two requests of a run ask for the same room at overlapping times, so every
-- request should be a booking (201); bench/services.sh then checks the database for any two
-- approved bookings of one room that overlap. Counts: booked (201), refused (other answers).
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

local counters = {"booked", "refused"}
setup = common.setup
done = function(summary, latency) common.report(summary, latency, counters) end

local sessions, rooms, from, threads, k

local function iso(epoch)
  -- China time without a zone (the API reads it as China time).
  return os.date("!%Y-%m-%dT%H:%M", epoch + 8 * 3600)
end

function init()
  sessions = common.lines(os.getenv("BENCH_SESSIONS"))
  rooms = common.lines(os.getenv("BENCH_ROOMS"))
  from = tonumber((assert(os.getenv("BENCH_FROM"), "BENCH_FROM not set")))
  threads = tonumber(os.getenv("BENCH_THREADS") or "2")
  k = 0
  booked, refused = 0, 0
end

function request()
  local n = (id - 1) + threads * k
  k = k + 1
  local room = rooms[(n % #rooms) + 1]
  local starts = from + 1800 * math.floor(n / #rooms)
  local line = sessions[(n % #sessions) + 1]
  local cookie, csrf = line:match("^(%S+)%s+(%S+)$")
  local body = string.format('{"starts_at":"%s","ends_at":"%s","purpose":"压力测试","attendees":4}', iso(starts),
    iso(starts + 1800))
  return wrk.format("POST", "/api/v1/rooms/" .. room .. "/bookings", {
    ["Cookie"] = "tianshan_session=" .. cookie,
    ["X-CSRF-Token"] = csrf,
    ["Content-Type"] = "application/json",
  }, body)
end

function response(status, headers, body)
  if status == 201 then
    booked = booked + 1
  else
    refused = refused + 1
  end
end
