-- GETs the paths listed in $BENCH_PATHS (one per line) in turn, each thread starting at its own
-- offset, so the server sees many different queries or ids instead of one cached answer.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
done = function(summary, latency) common.report(summary, latency) end

local paths, next_index

function init()
  paths = common.lines(os.getenv("BENCH_PATHS"))
  next_index = ((id or 1) * 7919) % #paths
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
