-- GET /api/v1/handoffs/{id} for an existing handoff (wrk -s status.lua).
wrk.method = "GET"
wrk.path = "/api/v1/handoffs/" .. os.getenv("HANDOFF")
wrk.headers["X-API-Key"] = os.getenv("KEY")
function done(summary, latency, requests)
  io.write(string.format("RESULT status rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
