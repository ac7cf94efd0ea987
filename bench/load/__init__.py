"""The load benchmark's parts (bench/load.py runs them): the readers' sessions and the scenarios' requests
(prepare), the data wrk's Lua script reads (lua_data), gunicorn (server), wrk itself (wrk) and the results
file (results). The Lua script is scenario.lua beside them."""
