"""The load benchmark's figures as markdown: one section per database in bench/RESULTS.md, replaced on a rerun;
whatever else the file holds (the explanation, the analysis) is kept as it is."""

import datetime
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

GOAL_SHARE = 10  # the procedure page's requests/s, in % of the minimal view's
GOAL_P99_MS = 100  # the procedure page
GOAL_SEARCH_P95_MS = 100  # the search page, on PostgreSQL at 10,000 documents
HEADER = """# Load benchmark

Issue 6, point 3. Goals on this 2-core machine, with 2 gunicorn workers at 16 concurrent connections: a
procedure page for a logged-in reader at **at least 10 % of the minimal Django view's requests/s**, **p99 under
100 ms**, **no errors**; the search page's **p95 under 100 ms at 10,000 documents on PostgreSQL**.

Each section below is written by `bench/load.py` (see bench/README.md, «Load benchmark») for one database:
gunicorn with `gunicorn.conf.py` and the production settings (`bench/serve_settings.py`: DEBUG off, WhiteNoise,
Redis cache and cached sessions, plain HTTP), then wrk against 127.0.0.1, one scenario after another in the same
run, each after a warm-up. Every request carries another reader's own session (200 readers); a sample of the
answers is checked to be the page asked for, not the login page. Times are as wrk measures them, in ms, from
sending the request to the last byte of the answer.

<!-- load:end (sections above are written by bench/load.py; what follows is written by hand) -->
"""
END = "<!-- load:end"


@dataclass
class Row:
    name: str
    label: str
    request: str  # what is requested, for the table
    figures: object  # bench.load.wrk.Figures


@dataclass
class Section:
    database: str
    documents: int
    measured_at: datetime.datetime
    machine: str
    software: str
    load: tuple  # load averages before and after
    commands: list  # command lines, as run
    settings: str  # the parameters: duration, warm-up, connections, threads, workers
    rows: list = field(default_factory=list)
    reports_stored: int = 0  # deviations stored during the measured report scenario
    profiled: str = ""  # the scenario sampled with py-spy, if one was
    profile: list = field(default_factory=list)  # [(part of the stack, % of the samples)]

    @property
    def name(self):
        return {"sqlite": "SQLite", "postgres": "PostgreSQL"}[self.database]

    def row(self, name):
        return next((row for row in self.rows if row.name == name), None)

    def markdown(self):
        local = self.measured_at.astimezone(ZoneInfo("Europe/Copenhagen"))
        return "\n".join(
            [
                f"<!-- load:{self.database} -->",
                f"## {self.name}, {number(self.documents)} documents",
                "",
                f"Measured {local:%Y-%m-%d %H:%M} (Europe/Copenhagen) on {self.machine}; {self.software}.",
                f"Load average (1, 5, 15 min) before: {_load(self.load[0])}, after: {_load(self.load[1])} "
                "(the machine is shared; other work at the same time slows every figure alike).",
                f"{self.settings}.",
                "",
                "```",
                *self.commands,
                "```",
                "",
                "| scenario | request | requests/s | p50 | p95 | p99 | max | errors c/r/w/s/t | checked / wrong |",
                "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
                *[_table_row(row) for row in self.rows],
                "",
                "Milliseconds. Errors as wrk counts them: connect / read / write / status (an answer of 400 or up) / "
                "timeout. Checked: answers whose status and content were checked (every 10th; every report); wrong: "
                "of those, not the page expected.",
                "",
                *[f"- {line}" for line in self.verdicts()],
                *self._profile_lines(),
                f"<!-- /load:{self.database} -->",
            ]
        )

    def _profile_lines(self):
        if not self.profile:
            return []
        label = self.row(self.profiled).label if self.row(self.profiled) else self.profiled
        return [
            "",
            f"Where the time of the {label} goes in gunicorn's workers (py-spy, a run of its own right after the "
            "measured one; samples taken while a request was handled, each counted for the innermost frame in one "
            "of these parts):",
            "",
            *[f"- {part}: {share:.0f} %" for part, share in self.profile],
        ]

    def verdicts(self):
        lines = []
        minimal, procedure = self.row("minimal"), self.row("procedure")
        if minimal and procedure:
            share = share_of(procedure.figures, minimal.figures)
            lines.append(
                f"Procedure page: **{share:.1f} %** of the minimal view's requests/s "
                f"({procedure.figures.requests_per_second:.0f} against {minimal.figures.requests_per_second:.0f}; "
                f"goal ≥ {GOAL_SHARE} %: {met(share >= GOAL_SHARE)}), p99 **{procedure.figures.p99_ms:.0f} ms** "
                f"(goal < {GOAL_P99_MS} ms: {met(procedure.figures.p99_ms < GOAL_P99_MS)})."
            )
        search = self.row("search")
        if search:
            lines.append(
                f"Search page: p95 **{search.figures.p95_ms:.0f} ms** under load at {number(self.documents)} "
                f"documents (goal < {GOAL_SEARCH_P95_MS} ms on PostgreSQL at 10.000: "
                f"{met(search.figures.p95_ms < GOAL_SEARCH_P95_MS)})."
            )
        faulty = [row.name for row in self.rows if not row.figures.faultless]
        lines.append("Errors: " + (f"**in {', '.join(faulty)}** (goal missed)." if faulty else "none (goal met)."))
        report = self.row("report")
        if report:
            lines.append(
                f"Reports: {number(report.figures.requests)} receipts counted by wrk, "
                f"{number(self.reports_stored)} deviations stored in the same time (a request still in flight when "
                "wrk stops is stored but not counted)."
            )
        return lines


def share_of(figures, baseline):
    return 100 * figures.requests_per_second / baseline.requests_per_second if baseline.requests_per_second else 0.0


def met(condition):
    return "met" if condition else "**missed**"


def number(value):
    """10.000, the Danish way."""
    return f"{value:,}".replace(",", ".")


def _load(values):
    return ", ".join(f"{value:.1f}" for value in values)


def _table_row(row):
    f = row.figures
    errors = "/".join(str(f.errors[kind]) for kind in ("connect", "read", "write", "status", "timeout"))
    wrong = f"{f.wrong} ({f.first_wrong})" if f.wrong else "0"
    return (
        f"| {row.label} | `{row.request}` | {f.requests_per_second:.0f} | {f.p50_ms:.1f} | {f.p95_ms:.1f} | "
        f"{f.p99_ms:.1f} | {f.max_ms:.0f} | {errors} | {number(f.checked)} / {wrong} |"
    )


def write(path, section):
    """Replaces the database's section, or adds it (SQLite before PostgreSQL); the rest of the file stays."""
    text = path.read_text() if path.exists() else HEADER
    pattern = re.compile(rf"<!-- load:{section.database} -->.*?<!-- /load:{section.database} -->", re.S)
    block = section.markdown()
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text)
    elif section.database == "sqlite" and "<!-- load:postgres -->" in text:
        text = text.replace("<!-- load:postgres -->", f"{block}\n\n<!-- load:postgres -->")
    elif END in text:
        text = text.replace(END, f"{block}\n\n{END}", 1)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)
