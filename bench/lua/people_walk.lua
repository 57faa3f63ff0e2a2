-- Walks the people of an organization's subtree page by page, the way the web app does:
-- GET /api/v1/organizations/{id}/people?scope=subtree&limit=20, then the same with
-- &cursor=<next_cursor of the previous page>, $BENCH_DEPTH pages deep (default 3), then starts a
-- new walk at the next organization of $BENCH_ORGS (ids, one per line).
-- wrk does not tie a response to its request, so each request carries an X-Request-Id
-- ("w<depth>o<org>n<n>") that the server echoes back; response() reads the depth from it.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
done = function(summary, latency) common.report(summary, latency, {"pages", "walks", "broken"}) end

local orgs, next_org, depth_limit, pending, n

function init()
  orgs = common.lines(os.getenv("BENCH_ORGS"))
  depth_limit = tonumber(os.getenv("BENCH_DEPTH") or "3")
  next_org = ((id or 1) * 31) % #orgs
  pending = {} -- follow-up pages: {org, depth, cursor}
  n = 0
  pages, walks, broken = 0, 0, 0
end

local function page_request(org, depth, cursor)
  n = n + 1
  local path = "/api/v1/organizations/" .. org .. "/people?scope=subtree&limit=20"
  if cursor then path = path .. "&cursor=" .. common.urlencode(cursor) end
  return wrk.format("GET", path, common.headers({["X-Request-Id"] = string.format("w%do%sn%d", depth, org, n)}))
end

function request()
  local p = table.remove(pending)
  if p then return page_request(p[1], p[2], p[3]) end
  next_org = next_org % #orgs + 1
  return page_request(orgs[next_org], 1, nil)
end

function response(status, headers, body)
  local rid = headers["X-Request-Id"] or headers["x-request-id"] or ""
  local depth, org = rid:match("^w(%d+)o(%d+)n")
  depth = tonumber(depth)
  if status ~= 200 or not depth then
    broken = broken + 1
    return
  end
  pages = pages + 1
  local cursor = body:match('"next_cursor":"(.-)"')
  if depth >= depth_limit or not cursor then
    walks = walks + 1
    return
  end
  table.insert(pending, {org, depth + 1, (cursor:gsub("\\/", "/"))})
end
