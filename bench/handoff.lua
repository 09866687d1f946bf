-- POST /api/v1/handoffs with the Wi-Fi example; each request is a new handoff (wrk -s handoff.lua).
local f = assert(io.open(os.getenv("DESIGN") or "examples/designs/wifi-fem-2g4.json", "rb"))
local body = f:read("*a"); f:close()
wrk.method = "POST"
wrk.path = "/api/v1/handoffs"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("KEY")
function done(summary, latency, requests)
  io.write(string.format("RESULT handoff-submit rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
