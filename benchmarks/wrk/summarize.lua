-- wrk script: POST a mix of real articles to /v1/summarize.
-- The request bodies (one JSON object per line) are written by benchmarks/load.py and
-- named by the BODIES environment variable; each thread starts at a different line.
-- Optional API_KEY is sent as "Authorization: Bearer". done() prints one JSON line.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
  local path = os.getenv("BODIES")
  for line in io.lines(path) do
    if #line > 0 then
      table.insert(bodies, line)
    end
  end
  if #bodies == 0 then
    error("no request bodies in " .. tostring(path))
  end
  position = ((id - 1) * 7919) % #bodies
  wrk.method = "POST"
  wrk.path = "/v1/summarize"
  wrk.headers["Content-Type"] = "application/json"
  local key = os.getenv("API_KEY")
  if key and #key > 0 then
    wrk.headers["Authorization"] = "Bearer " .. key
  end
  not_ok = 0
end

function request()
  position = position % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[position])
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + (thread:get("not_ok") or 0)
  end
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "non_200": %d, ' ..
    '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, ' ..
    '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
    summary.requests, summary.duration, summary.bytes, failed,
    errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
