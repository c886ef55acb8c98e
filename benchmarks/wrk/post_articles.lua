-- POST one JSON body per line of the file given after `--`, in turn, to the URL's path.
-- wrk -t2 -c16 -d15s --latency -s benchmarks/wrk/post_articles.lua URL -- bodies.jsonl
local bodies = {}
local counter = 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    if #line > 0 then
      bodies[#bodies + 1] = line
    end
  end
  file:close()
  counter = 0
end

function request()
  counter = counter % #bodies + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, bodies[counter])
end

