"""Many deviations and improvement proposals, as the report form stores them and the WorkSmarter group handles them.

Cases are received over the last three years, numbered in the order they came in from the year's counter
(AFV-2026-0001, as forms.models.numbering gives them), and stand in every state of their lifecycle: the
older a case, the likelier it is finished. Each is stored as a submission is (live, one revision by its
reporter, or by no one when reported anonymously; the form's extra answers), and a handled case carries what
its state requires (handler, due date, cause, action, effectiveness check, reason for rejection), its moves
in the timeline (StatusChange) and in its history (log entries). Some proposals are on the board with a
public text.

Written in batches with bulk inserts inside a transaction, like bench.datagen.documents: no save() runs,
so no mail is queued and no per-case query is made; the batch is indexed in one call per case type.
"""

import datetime
import uuid
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone, translation
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import ModelLogEntry, Revision

from bench.datagen.documents import index
from bench.datagen.text import Writer
from forms.admin_views import STATUS_CHANGE_ACTION
from forms.demo import BENEFIT, DISCOVERED, IMPACT
from forms.lifecycle import Status
from forms.models import CaseNumberCounter, Deviation, ImprovementProposal, StatusChange
from forms.report_form import answer_text
from handbook.models import ControlledDocumentPage, DocumentVersion, SectionPage

DEVIATION_SHARE = 0.6
ANONYMOUS_SHARE = 0.08
DAYS_BACK = 3 * 365
# The states a case of a given age is in, with their weights: new cases are open, old ones mostly finished.
STATES_BY_AGE = [
    (10, {Status.RECEIVED: 60, Status.IN_PROGRESS: 35, Status.REJECTED: 5}),
    (
        60,
        {Status.RECEIVED: 15, Status.IN_PROGRESS: 40, Status.ACTION_TAKEN: 20, Status.CLOSED: 15, Status.REJECTED: 10},
    ),
    (None, {Status.RECEIVED: 2, Status.IN_PROGRESS: 5, Status.ACTION_TAKEN: 5, Status.CLOSED: 75, Status.REJECTED: 13}),
]
PATHS = {
    Status.RECEIVED: [],
    Status.IN_PROGRESS: [Status.IN_PROGRESS],
    Status.ACTION_TAKEN: [Status.IN_PROGRESS, Status.ACTION_TAKEN],
    Status.CLOSED: [Status.IN_PROGRESS, Status.ACTION_TAKEN, Status.CLOSED],
}
HANDLED = (Status.IN_PROGRESS, Status.ACTION_TAKEN, Status.CLOSED)


class Handbook:
    """The live documents cases can name: their section and versions (published moment, label), read once."""

    def __init__(self):
        sections = {path: pk for pk, path in SectionPage.objects.values_list("pk", "path")}
        versions = defaultdict(list)
        rows = DocumentVersion.objects.filter(document__live=True).order_by("published_at")
        for document_id, published_at, major, minor in rows.values_list(
            "document_id", "published_at", "major", "minor"
        ):
            versions[document_id].append((published_at, f"{major}.{minor}"))
        self.documents = []  # (id, section id, versions)
        for pk, path, depth in ControlledDocumentPage.objects.live().order_by("pk").values_list("pk", "path", "depth"):
            if versions[pk]:
                section = sections.get(path[: (depth - 1) * 4])  # the parent: a document's section
                self.documents.append((pk, section, versions[pk]))

    def version_on(self, versions, moment):
        """The version in force at the moment (the first one, for a report older than the document)."""
        in_force = [label for published_at, label in versions if published_at <= moment]
        return in_force[-1] if in_force else versions[0][1]


class CaseFactory:
    """Builds unsaved cases with their handling, timeline and history, drawn from one seeded random."""

    def __init__(self, rng, people, handbook, now=None):
        self.rng = rng
        self.people = people
        self.handbook = handbook
        self.now = now or timezone.now()
        self.writer = Writer(rng)

    def received_moments(self, count):
        """`count` working hours over the last three years, oldest first."""
        today = timezone.localdate(self.now)
        moments = []
        for _ in range(count):
            day = today - datetime.timedelta(days=self.rng.randint(1, DAYS_BACK))
            at = datetime.time(self.rng.randint(8, 15), self.rng.randrange(60))
            moments.append(timezone.make_aware(datetime.datetime.combine(day, at)))
        return sorted(moments)

    def build(self, received_at):
        model = Deviation if self.rng.random() < DEVIATION_SHARE else ImprovementProposal
        anonymous = self.rng.random() < ANONYMOUS_SHARE
        case = model(
            title="",
            received_at=received_at,
            status_changed_at=received_at,
            reporter_id=None if anonymous else self.people.pick_employee(),
            anonymous=anonymous,
            submission_key=uuid.UUID(int=self.rng.getrandbits(128), version=4),
            live=True,
            has_unpublished_changes=False,
            first_published_at=received_at,
        )
        self._concerns(case)
        self._report(case)
        case._moves = self._handle(case)
        case.last_published_at = case.status_changed_at
        return case

    def _concerns(self, case):
        """The handbook document reported on, for most deviations and some proposals, with the version read."""
        share = 0.55 if isinstance(case, Deviation) else 0.3
        kinds = [kind for kind in type(case).Kind.values if kind != "document"]
        case.kind = self.rng.choice(kinds)
        if not self.handbook.documents or self.rng.random() >= share:
            return
        document_id, section_id, versions = self.rng.choice(self.handbook.documents)
        case.document_id, case.section_id = document_id, section_id
        case.document_version = self.handbook.version_on(versions, case.received_at)
        case.kind = type(case).Kind.DOCUMENT

    def _report(self, case):
        writer, rng = self.writer, self.rng
        noun, other = writer.noun(), writer.noun()
        if isinstance(case, Deviation):
            case.title = rng.choice(
                [
                    f"Frist for {noun[1]} overskredet",
                    f"{noun[1].capitalize()} sendt uden klagevejledning",
                    f"{noun[2].capitalize()} ikke {writer.verb()[4]} som beskrevet",
                    f"Fejl i {noun[1]} om {other[3]}",
                    f"Klage over {noun[1]}",
                ]
            )
            discovered = case.received_at.date() - datetime.timedelta(days=rng.randint(0, 14))
            with translation.override("da"):
                case.answers = [
                    {"label": DISCOVERED, "value": answer_text(discovered)},
                    {"label": IMPACT, "value": writer.sentences(1, 2)},
                ]
        else:
            case.title = rng.choice(
                [
                    f"Skabelon til {noun[2]}",
                    f"Tjekliste ved {noun[2]}",
                    f"Automatisk påmindelse om {noun[3]}",
                    f"Fælles postkasse til {noun[2]}",
                    f"Færre trin ved {noun[1]}",
                ]
            )
            case.answers = [{"label": BENEFIT, "value": writer.sentences(1, 2)}]
        case.description = writer.sentences(2, 5)

    def _status(self, age_days):
        for limit, weights in STATES_BY_AGE:
            if limit is None or age_days < limit:
                return self.rng.choices(list(weights), list(weights.values()))[0]
        raise AssertionError("the last age band has no limit")

    def _path(self, status):
        if status == Status.REJECTED:
            return [Status.REJECTED] if self.rng.random() < 0.5 else [Status.IN_PROGRESS, Status.REJECTED]
        return PATHS[status]

    def _handle(self, case):
        """Takes the case to a state fitting its age and fills in what that state requires; returns its moves
        [(old, new, when)]."""
        rng, writer = self.rng, self.writer
        status = self._status((self.now - case.received_at).days)
        path = self._path(status)
        span = (self.now - case.received_at).total_seconds() * 0.9
        moments = sorted(case.received_at + datetime.timedelta(seconds=rng.random() * span) for _ in path)
        if Status.IN_PROGRESS in path or rng.random() < 0.25:  # some new cases have a handler already
            case.handler_id = self.people.pick_handler()
            case.due_date = case.received_at.date() + datetime.timedelta(days=rng.randint(14, 90))
        if Status.ACTION_TAKEN in path:
            case.cause = writer.sentences(1, 3) if isinstance(case, Deviation) else ""
            case.action = writer.sentences(1, 3)
        if status == Status.CLOSED and isinstance(case, Deviation):
            case.effectiveness_check = f"Stikprøve: {writer.sentences(1, 2)}"
        if status == Status.REJECTED:
            case.rejection_reason = writer.sentences(1, 2)
        case.status = status
        if moments:
            case.status_changed_at = moments[-1]
        if status in (Status.CLOSED, Status.REJECTED):
            case.closed_at = moments[-1]
        if isinstance(case, ImprovementProposal) and status != Status.RECEIVED and rng.random() < 0.35:
            case.on_board = True
            case.public_title = case.title
            case.public_summary = writer.sentences(1, 2)
            case.public_outcome = case.action or case.rejection_reason
        return list(zip([Status.RECEIVED, *path], path, moments, strict=False))


def _reserve_references(model, cases):
    """References for the cases (oldest first), from each year's counter as next_case_reference gives them."""
    by_year = defaultdict(list)
    for case in cases:
        by_year[timezone.localtime(case.received_at).year].append(case)
    for year, year_cases in by_year.items():
        counter, _created = CaseNumberCounter.objects.select_for_update().get_or_create(
            prefix=model.reference_prefix, year=year
        )
        first = counter.last_number + 1
        counter.last_number += len(year_cases)
        counter.save(update_fields=["last_number"])
        for number, case in enumerate(year_cases, start=first):
            case.reference = f"{model.reference_prefix}-{year}-{number:04d}"


def _record_history(model, cases):
    """A live revision per case, its moves in the timeline and its history in the log."""
    content_type = ContentType.objects.get_for_model(model)
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(case.pk),
            created_at=case.status_changed_at,
            user_id=case.handler_id if case._moves else case.reporter_id,
            object_str=str(case),
            content=get_serializable_data_for_fields(case),
        )
        for case in cases
    )
    for case, revision in zip(cases, revisions, strict=True):
        case.latest_revision_id = case.live_revision_id = revision.pk
    # One UPDATE with a subquery: bulk_update's CASE per row costs more than the rest of the batch's writes.
    own_revision = Revision.objects.filter(content_type=content_type, object_id=Cast(OuterRef("pk"), CharField()))
    own_revision = Subquery(own_revision.order_by("-pk").values("pk")[:1])
    model.objects.filter(pk__in=[case.pk for case in cases]).update(
        latest_revision=own_revision, live_revision=own_revision
    )
    StatusChange.objects.bulk_create(
        StatusChange(content_type=content_type, object_id=case.pk, old_status=old, new_status=new, changed_at=when)
        for case in cases
        for old, new, when in case._moves
    )
    entries = [_log(case, content_type, "wagtail.create", case.received_at, case.reporter_id) for case in cases]
    entries += [
        _log(case, content_type, STATUS_CHANGE_ACTION, when, case.handler_id, {"old": old, "new": new})
        for case in cases
        for old, new, when in case._moves
    ]
    ModelLogEntry.objects.bulk_create(entries)


def _log(case, content_type, action, when, user_id, data=None):
    return ModelLogEntry(
        content_type=content_type,
        object_id=str(case.pk),
        label=str(case),
        action=action,
        timestamp=when,
        user_id=user_id,
        data=data or {},
    )


def create_batch(factory, moments):
    """Creates a case for each moment (oldest first), stored, handled and indexed; returns them."""
    cases = [factory.build(moment) for moment in moments]
    with transaction.atomic():
        for model in (Deviation, ImprovementProposal):
            of_model = [case for case in cases if type(case) is model]
            _reserve_references(model, of_model)
            model.objects.bulk_create(of_model)
            _record_history(model, of_model)
        index(cases)
    return cases
