-- Prints one machine-readable line: REPORT <requests/s> <p50 ms> <p99 ms>
done = function(summary, latency, requests)
  local rps = summary.requests / (summary.duration / 1e6)
  io.write(string.format("REPORT %.0f %.3f %.3f\n", rps, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
