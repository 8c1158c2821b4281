-- POST /api/v1/points/accounts/{id}/corrections through Linli's gateway: a points credit (更正, +1) with a
-- fresh reference per request, spread over 1000 accounts (ACCOUNT_PREFIX-0000 … -0999) so that the ledger's
-- per-account ordering is not the only thing measured. Bearer token from TOKEN (a county or street admin).
local wrk_dir = os.getenv("BENCH_WRK_DIR")
  or ((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "../../../shared/bench/wrk/")
dofile(wrk_dir .. "report.lua")
local token = os.getenv("TOKEN") or ""
local prefix = os.getenv("ACCOUNT_PREFIX") or "scale-bench"
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
  tag = tostring(tid or 0) .. "-" .. tostring(math.random(1, 1e9))
end
function request()
  counter = counter + 1
  local account = string.format("%s-%04d", prefix, (counter * 7 + (tid or 0)) % 1000)
  local body = '{"amount":1,"reference":"bench:' .. tag .. '-' .. counter .. '","note":"scale benchmark"}'
  return wrk.format("POST", "/api/v1/points/accounts/" .. account .. "/corrections", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end
