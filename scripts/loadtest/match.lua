-- POST /match/default, one single-person yente query per request, rotating
-- over real names from the bundled lists (see NAMES in loadtest.sh).
dofile(os.getenv("LOADTEST_DIR") .. "/report.lua")

local names = {}
for n in string.gmatch(os.getenv("LOADTEST_NAMES"), "[^|]+") do
  table.insert(names, n)
end
local key = os.getenv("LOADTEST_KEY")
local bodies = {}
for i, n in ipairs(names) do
  bodies[i] = '{"queries":{"q1":{"schema":"Person","properties":{"name":["' .. n .. '"]}}}}'
end
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }

request = function()
  counter = counter + 1
  return wrk.format("POST", "/match/default", headers, bodies[(counter % #bodies) + 1])
end
