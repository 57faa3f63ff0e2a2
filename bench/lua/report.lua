-- One fixed request (the URL and -H headers given to wrk), reported by common.lua.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
done = function(summary, latency) common.report(summary, latency) end
