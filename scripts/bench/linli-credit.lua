-- POST /api/v1/points/accounts/{id}/corrections through Linli's gateway: a points credit (更正, +1) with a
-- fresh reference per request, spread over the scale load's ledger accounts (CREDIT_ACCOUNTS: their ids,
-- comma-separated, as `scale-facts` prints them) so that the ledger's per-account ordering is not the only thing
-- measured. Bearer token from TOKEN (a county or street admin).
local wrk_dir = os.getenv("BENCH_WRK_DIR")
  or ((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "../../../shared/bench/wrk/")
dofile(wrk_dir .. "report.lua")
local token = os.getenv("TOKEN") or ""
local accounts = {}
for id in string.gmatch(os.getenv("CREDIT_ACCOUNTS") or "", "[^,]+") do
  accounts[#accounts + 1] = id
end
if #accounts == 0 then
  error("CREDIT_ACCOUNTS is empty: run `scale-facts` on a loaded stack and export its CREDIT_ACCOUNTS")
end
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
  local account = accounts[(counter * 7 + (tid or 0)) % #accounts + 1]
  local body = '{"amount":1,"reference":"bench:' .. tag .. '-' .. counter .. '","note":"scale benchmark"}'
  return wrk.format("POST", "/api/v1/points/accounts/" .. account .. "/corrections", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end
