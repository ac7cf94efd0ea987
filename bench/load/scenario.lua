-- One scenario of the load benchmark (bench/load.py), for wrk 4:
--   wrk -t2 -c16 -d20s -s bench/load/scenario.lua http://127.0.0.1:PORT -- DATA.lua
-- DATA.lua (written by bench/load/lua_data.py) returns {method, expect, marker, sample, requests}: each request has
-- its own reader's session cookie, so consecutive requests come from different people. Responses are checked:
-- the expected status, the scenario's marker in the body, never the login form (a benchmark of the login
-- redirect would be worthless). done() prints one BENCH_RESULT line that bench/load/wrk.py reads.

local LOGIN_FORM = 'autocomplete="current-password"'
local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

local data, next_index, responses = nil, 0, 0
checked, wrong, first_wrong = 0, 0, ""

function init(args)
  data = dofile(args[1])
  -- Threads start at different readers, so that no two send the same session at the same moment.
  next_index = (thread_number * 97) % #data.requests
  math.randomseed(os.time() + thread_number * 7919)
end

local function submission_key()
  -- A fresh UUID per report: the form treats a repeated key as the same report sent twice.
  local hex = "0123456789abcdef"
  local out = {}
  for position = 1, 32 do
    local digit = math.random(1, 16)
    out[position] = hex:sub(digit, digit)
  end
  local s = table.concat(out)
  return s:sub(1, 8) .. "-" .. s:sub(9, 12) .. "-4" .. s:sub(14, 16) .. "-a" .. s:sub(18, 20) .. "-" .. s:sub(21, 32)
end

function request()
  next_index = next_index % #data.requests + 1
  local item = data.requests[next_index]
  local headers = {Cookie = item.cookie, ["Accept-Language"] = "da"}
  local body = nil
  if item.body then
    body = item.body:gsub("SUBMISSIONKEY", submission_key(), 1)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
  return wrk.format(data.method, item.path, headers, body)
end

local function is_wrong(status, body)
  if status ~= data.expect then
    return "status " .. status
  end
  if data.marker ~= "" and not body:find(data.marker, 1, true) then
    return "marker missing"
  end
  if body:find(LOGIN_FORM, 1, true) then
    return "login page"
  end
  return nil
end

function response(status, headers, body)
  responses = responses + 1
  if responses % data.sample ~= 0 then
    return
  end
  checked = checked + 1
  local problem = is_wrong(status, body)
  if problem then
    wrong = wrong + 1
    if first_wrong == "" then
      first_wrong = problem
    end
  end
end

function done(summary, latency, requests)
  local total_checked, total_wrong, example = 0, 0, ""
  for _, thread in ipairs(threads) do
    total_checked = total_checked + thread:get("checked")
    total_wrong = total_wrong + thread:get("wrong")
    if example == "" then
      example = thread:get("first_wrong")
    end
  end
  local errors = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d "
      .. "connect=%d read=%d write=%d status=%d timeout=%d checked=%d wrong=%d first_wrong=%s\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    total_checked, total_wrong, (example:gsub("%s", "_"))
  ))
end
