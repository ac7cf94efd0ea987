"""A generated document's published versions: 1.0 first, then revisions as an editor makes them.

Each later version changes the body as editors do (a step added or dropped, the purpose reworded, a note
added) and says so in its change summary; a significant one raises the major version (1.3 to 2.0), as
handbook.versioning numbers them. The versions are dated in order and never after yesterday, so a document
drawn late simply has fewer of them.
"""

import copy
import datetime
from dataclasses import dataclass

from bench.datagen.text import Writer

FIRST_VERSION_SUMMARY = "Første udgave."
# A revision is significant (raises the major version and asks readers to confirm) this often.
SIGNIFICANT_SHARE = 0.25
DAYS_BETWEEN_VERSIONS = (45, 330)


@dataclass
class PlannedVersion:
    major: int
    minor: int
    published: datetime.date
    summary: str
    significant: bool
    body: list  # raw StreamField data of the body as published in this version

    @property
    def label(self):
        return f"{self.major}.{self.minor}"


def plan(writer: Writer, body, first_published, count, last_day):
    """Up to `count` versions from `body` published on `first_published`, none after `last_day`."""
    versions = [PlannedVersion(1, 0, first_published, FIRST_VERSION_SUMMARY, False, body)]
    rng = writer.rng
    while len(versions) < count:
        previous = versions[-1]
        published = previous.published + datetime.timedelta(days=rng.randint(*DAYS_BETWEEN_VERSIONS))
        if published > last_day:
            break
        significant = rng.random() < SIGNIFICANT_SHARE
        new_body, changes = revise(writer, previous.body, 2 if significant else 1)
        major, minor = (previous.major + 1, 0) if significant else (previous.major, previous.minor + 1)
        versions.append(PlannedVersion(major, minor, published, _summary(changes, significant), significant, new_body))
    return versions


def _summary(changes, significant):
    text = " ".join(changes)
    return f"Væsentlig ændring. {text}" if significant else text


def revise(writer: Writer, body, how_many):
    """A copy of the body with `how_many` edits, and a sentence describing each for the change summary."""
    body = copy.deepcopy(body)
    edits = [_add_step, _drop_step, _reword_purpose, _add_note]
    changes = []
    for edit in writer.rng.sample(edits, len(edits)):
        if len(changes) == how_many:
            break
        change = edit(writer, body)
        if change:
            changes.append(change)
    return body, changes


def _steps(body):
    return next((block["value"]["steps"] for block in body if block["type"] == "steps"), None)


def _add_step(writer, body):
    steps = _steps(body)
    if steps is None:
        return ""
    title = writer.step_title()
    position = writer.rng.randint(0, len(steps))
    step = {"title": title, "text": writer.paragraph(1, 2), "responsible": writer.role()[0].capitalize()}
    steps.insert(position, step)
    return f"Nyt trin {position + 1}: «{title}»."


def _drop_step(writer, body):
    steps = _steps(body)
    if steps is None or len(steps) < 4:
        return ""
    step = steps.pop(writer.rng.randrange(len(steps)))
    return f"Trinnet «{step['title']}» er udgået."


def _reword_purpose(writer, body):
    purpose = next((block for block in body if block["type"] == "purpose"), None)
    if purpose is None:
        return ""
    purpose["value"] = writer.paragraph(2, 4)
    return "Formålet er omskrevet og præciseret."


def _add_note(writer, body):
    noun = writer.noun()
    text = writer.paragraph(1, 2)
    body.append({"type": "note", "value": {"kind": "info", "title": "Bemærk", "text": text}})
    return f"Tilføjet en bemærkning om {noun[3]}."
