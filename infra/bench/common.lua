-- Shared by the wrk scripts (loaded with dofile): the bearer token, the brand count and a one-line summary that
-- infra/bench/throughput reads. Settings come from the environment: BENCH_TOKEN, BENCH_BRANDS.
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("BENCH_TOKEN"), "BENCH_TOKEN is not set")
brands = tonumber(os.getenv("BENCH_BRANDS") or "1")

-- the bench agency's brand n (infra/bench/seed.sql)
function brand_path(n)
   return string.format("/v1/brands/b0000000-0000-4000-8000-%012d", n)
end

local threads = {}

function setup(thread)
   thread:set("thread_index", #threads)
   table.insert(threads, thread)
end

-- scripts that look at responses count the statuses of failures here (status -> count)
failures = {}

function done(summary, latency, requests)
   local errors = summary.errors
   local counts = {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("failures") or {}) do
         counts[status] = (counts[status] or 0) + count
      end
   end
   local statuses = {}
   for status, count in pairs(counts) do
      statuses[#statuses + 1] = status .. "x" .. count
   end
   io.write(string.format("BENCH requests=%d duration_us=%d non2xx=%d socket_errors=%d p50_us=%d p99_us=%d %s\n",
      summary.requests, summary.duration, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
      latency:percentile(50), latency:percentile(99), #statuses > 0 and "statuses=" .. table.concat(statuses, ",") or ""))
end
