-- GET /v1/brands?limit=50: the first page, every time.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

wrk.path = "/v1/brands?limit=50"

function request()
   return wrk.format("GET", wrk.path)
end
