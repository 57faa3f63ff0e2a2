-- The login storm: POST /api/v1/session with $BENCH_LOGIN / $BENCH_PASSWORD, an account whose
-- password hash has the production Argon2id cost (interactive), from every connection at once.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
done = function(summary, latency) common.report(summary, latency) end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"login":"%s","password":"%s"}', os.getenv("BENCH_LOGIN") or "", os.getenv("BENCH_PASSWORD") or "")
