"""Python values as a Lua table literal, for scenario.lua to load with dofile()."""

import re

# A Lua identifier may stand as a table key without brackets and quotes.
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def lua_string(text):
    """A double-quoted Lua string; every byte outside printable ASCII (UTF-8 included) as a decimal escape."""
    out = []
    for byte in text.encode():
        if chr(byte) in '"\\':
            out.append("\\" + chr(byte))
        elif 32 <= byte < 127:
            out.append(chr(byte))
        else:
            out.append(f"\\{byte:03d}")  # always three digits: a digit after it cannot join the escape
    return '"' + "".join(out) + '"'


def to_lua(value, indent=""):
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return lua_string(value)
    inner = indent + "  "
    if isinstance(value, dict):
        items = [f"{inner}{_key(key)} = {to_lua(item, inner)}," for key, item in value.items() if item is not None]
    elif isinstance(value, list | tuple):
        items = [f"{inner}{to_lua(item, inner)}," for item in value]
    else:
        raise TypeError(f"No Lua literal for {type(value).__name__}")
    return "{\n" + "\n".join(items) + f"\n{indent}}}"


def _key(key):
    return key if IDENTIFIER.match(key) else f"[{lua_string(key)}]"


def scenario_file(scenario):
    """The file scenario.lua loads: method, expected status, marker, sample rate and the requests."""
    return "-- Written by bench/load.py; one request per reader's session.\nreturn " + to_lua(scenario) + "\n"
