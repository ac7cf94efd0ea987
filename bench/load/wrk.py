"""wrk's command line for one scenario, and the figures from the BENCH_RESULT line that scenario.lua prints."""

import re
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "scenario.lua"
RESULT_LINE = re.compile(r"^BENCH_RESULT (.*)$", re.M)
ERROR_KINDS = ("connect", "read", "write", "status", "timeout")


def command(url, data_file, *, duration, connections, threads=2, timeout=5):
    return [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={timeout}s",
        "-s",
        str(SCRIPT),
        url,
        "--",
        str(data_file),
    ]


@dataclass
class Figures:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    errors: dict  # kind -> count; "status" is any answer of 400 and up
    checked: int  # responses whose status and content were checked (a sample)
    wrong: int  # of those, not the page expected (wrong status, marker missing, the login page)
    first_wrong: str

    @property
    def requests_per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def faultless(self):
        """Answers came, none failed, and every checked one was the page expected. (A request still running
        when wrk stops counts nowhere, so a page slower than the whole run shows as no answer at all.)"""
        return self.requests > 0 and not any(self.errors.values()) and not self.wrong


def parse(output):
    """The figures of wrk's output; ValueError when the script's line is missing (wrk failed)."""
    match = RESULT_LINE.search(output)
    if not match:
        raise ValueError("wrk printed no BENCH_RESULT line:\n" + output[-2000:])
    fields = dict(pair.split("=", 1) for pair in match.group(1).split())
    number = {key: int(value) for key, value in fields.items() if key != "first_wrong"}
    return Figures(
        requests=number["requests"],
        seconds=number["duration_us"] / 1e6,
        p50_ms=number["p50_us"] / 1000,
        p95_ms=number["p95_us"] / 1000,
        p99_ms=number["p99_us"] / 1000,
        max_ms=number["max_us"] / 1000,
        errors={kind: number[kind] for kind in ERROR_KINDS},
        checked=number["checked"],
        wrong=number["wrong"],
        first_wrong=fields.get("first_wrong", "").replace("_", " "),
    )
