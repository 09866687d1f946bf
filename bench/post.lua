-- POST the design in $DESIGN to $ENDPOINT (e.g. /api/v1/designs/validate or /api/v1/handoffs);
-- the result line is labelled $LABEL (wrk -s post.lua). With $PAUSE_MS, each connection waits that
-- long between requests (wrk's delay() hook): a paced rate of connections x 1000 / PAUSE_MS per second.
local f = assert(io.open(os.getenv("DESIGN") or "examples/designs/wifi-fem-2g4.json", "rb"))
local body = f:read("*a"); f:close()
local label = os.getenv("LABEL") or "post"
wrk.method = "POST"
wrk.path = os.getenv("ENDPOINT")
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("KEY")
local pause = tonumber(os.getenv("PAUSE_MS") or "0")
if pause > 0 then
  function delay() return pause end
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %s rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d\n", label,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
