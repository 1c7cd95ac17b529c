-- GET /search?q=NAME rotating over real names from the bundled lists.
dofile(os.getenv("LOADTEST_DIR") .. "/report.lua")

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local paths = {}
for n in string.gmatch(os.getenv("LOADTEST_NAMES"), "[^|]+") do
  table.insert(paths, "/search?q=" .. urlencode(n))
end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("LOADTEST_KEY") }

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end
