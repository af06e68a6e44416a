-- Sets the request wrk repeats from the environment, so the scenario definition in
-- scenarios.mjs stays the single source of method, headers and body (run.mjs sets these).
-- Only static setup here: no request()/response() callbacks, so wrk pays no Lua cost per request.
wrk.method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
if body ~= nil and body ~= "" then
  wrk.body = body
end
local headers = os.getenv("WRK_HEADERS") or ""
for name, value in headers:gmatch("([^:\n]+):%s*([^\n]*)\n") do
  wrk.headers[name] = value
end
