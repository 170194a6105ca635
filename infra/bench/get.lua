-- GET /v1/brands/{id} of a random brand of the bench agency.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

function init(args)
   math.randomseed(os.time() * 16 + thread_index)
end

function request()
   return wrk.format("GET", brand_path(math.random(brands)))
end
