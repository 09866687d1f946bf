-- POST the design in $DESIGN to $ENDPOINT (e.g. /api/v1/designs/validate or /api/v1/handoffs);
-- the result line is labelled $LABEL (wrk -s post.lua).
local f = assert(io.open(os.getenv("DESIGN") or "examples/designs/wifi-fem-2g4.json", "rb"))
local body = f:read("*a"); f:close()
local label = os.getenv("LABEL") or "post"
wrk.method = "POST"
wrk.path = os.getenv("ENDPOINT")
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("KEY")
function done(summary, latency, requests)
  io.write(string.format("RESULT %s rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d\n", label,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
