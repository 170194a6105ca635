-- PATCH /v1/brands/{id} {"notes": ...} with If-Match, without conflicts between connections: each wrk thread owns
-- every BENCH_THREADS-th brand and keeps those not in flight in a free list, with the version of their last ETag
-- (BENCH_VERSION: infra/bench/throughput sets every bench brand to it before each run). A connection takes a
-- free brand; the response puts it back with its new ETag (the brand's id is read from the body).
--
-- With more connections than brands per thread the free list runs dry. delay() then holds the request back, but wrk
-- sends it after that delay in any case: if still nothing is free, it goes to the brand in flight longest, with
-- If-Match of the version that brand's pending request will give it. To make that likely to succeed, the delay is
-- the average response time so far (at least 1 ms), the time a pending request needs to finish. Requests that
-- still collide get 412 and count as non-2xx; a non-2xx answer has no brand id, so it is charged to the oldest
-- brand sent twice.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local ffi = require("ffi")
ffi.cdef [[
   typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
   int clock_gettime(int clock, bench_timespec *now);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
   ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
   return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local free = {}        -- brand numbers not in flight, least recently returned first
local version = {}     -- brand number -> version of its last ETag
local sent = {}        -- brand number -> If-Match of its latest request
local in_flight = {}   -- brand number -> requests in flight
local sent_at = {}     -- brand number -> when its oldest request in flight was sent (ms)
local doubled = {}     -- brands sent while already in flight, oldest first
local response_ms = 1  -- moving average of the response time
local auth = wrk.headers["Authorization"]
local sequence = 0

function init(args)
   local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
   local first_version = tonumber(os.getenv("BENCH_VERSION") or "0")
   for n = thread_index + 1, brands, threads do
      free[#free + 1] = n
      version[n] = first_version
      in_flight[n] = 0
   end
end

function delay()
   return #free > 0 and 0 or math.max(1, math.floor(response_ms))
end

local function longest_in_flight()
   local oldest
   for n, count in pairs(in_flight) do
      if count > 0 and (oldest == nil or sent_at[n] < sent_at[oldest]) then
         oldest = n
      end
   end
   return oldest
end

function request()
   local n, if_match
   if #free > 0 then
      n = table.remove(free, 1)
      if_match = version[n]
      sent_at[n] = now_ms()
   else
      n = longest_in_flight()
      if_match = sent[n] + 1
      doubled[#doubled + 1] = n
   end
   sent[n] = if_match
   in_flight[n] = in_flight[n] + 1
   sequence = sequence + 1
   return wrk.format("PATCH", brand_path(n), {
      ["Authorization"] = auth,
      ["If-Match"] = '"' .. if_match .. '"',
      ["Content-Type"] = "application/json",
   }, string.format('{"notes":"bench %d"}', sequence))
end

local function settle(n)
   in_flight[n] = in_flight[n] - 1
   if in_flight[n] == 0 then
      response_ms = 0.9 * response_ms + 0.1 * (now_ms() - sent_at[n])
      free[#free + 1] = n
   end
   for i, d in ipairs(doubled) do
      if d == n then
         table.remove(doubled, i)
         break
      end
   end
end

function response(status, headers, body)
   if status >= 200 and status < 300 then
      local n = tonumber(body:match('"id":"b0000000%-0000%-4000%-8000%-(%d+)"'))
      local tag = tonumber((headers["ETag"] or headers["etag"] or ""):match("%d+"))
      if n and tag and in_flight[n] and in_flight[n] > 0 then
         version[n] = math.max(version[n], tag)
         settle(n)
      end
   else
      failures[status] = (failures[status] or 0) + 1
      if #doubled > 0 then
         settle(doubled[1])
      end
   end
end
