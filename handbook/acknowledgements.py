"""Read and acknowledge: who must confirm having read which version of a controlled document.

The rules, in one place:

- Only a document's *current significant version* asks for confirmation: the latest published version marked
  significant. A later minor version does not ask again (the confirmation of the significant version still
  counts); a new significant version asks everyone again.
- Its audience is the active users in the version's audience groups, or every active user when it names none,
  less those who may not see the document (a Wagtail view restriction to groups on it or above it).
- A person's pending confirmations are the live documents whose current significant version has them in its
  audience and holds no confirmation by them.

Every function here costs a fixed number of queries, whatever the number of documents, versions and users.
"""

import enum
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from wagtail.log_actions import log
from wagtail.models import Page, PageViewRestriction

from handbook.models.versions import Acknowledgement, DocumentVersion

LOG_ACTION = "handbook.acknowledged"

# What a link to a document in a list needs (see handbook_tags.PAGE_FIELDS), read through the version.
_LISTED_DOCUMENT_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "live",
    "content_type",
    "document_number",
)
_PERSON_FIELDS = ("id", "username", "first_name", "last_name", "email")


# Building blocks ------------------------------------------------------------------------------------------


def _is_current_significant():
    """True for a significant version that no later significant version of the same document supersedes."""
    later_significant = DocumentVersion.objects.filter(document=OuterRef("document"), is_significant=True).filter(
        Q(major__gt=OuterRef("major")) | Q(major=OuterRef("major"), minor__gt=OuterRef("minor"))
    )
    return Q(is_significant=True) & ~Exists(later_significant)


def _audience_includes(user):
    """True for a version whose audience takes in ``user``: no groups named, or one of the user's groups."""
    through = DocumentVersion.audience.through
    names_groups = Exists(through.objects.filter(documentversion_id=OuterRef("pk")))
    names_one_of_theirs = Exists(through.objects.filter(documentversion_id=OuterRef("pk"), group__user=user))
    return ~names_groups | names_one_of_theirs


def _confirmed_by(user):
    return Acknowledgement.objects.filter(version=OuterRef("pk"), user=user)


def _hidden_from(user):
    """True for a version whose document, or a page above it, is restricted to groups the user is not in.

    The few restricted paths are read first: matched in the database against every version, a path computed
    per row made one person's list take 25 s at 10,000 documents on SQLite."""
    if user.is_superuser:
        return Q(pk__in=[])
    paths = (
        PageViewRestriction.objects.filter(restriction_type=PageViewRestriction.GROUPS)
        .exclude(groups__user=user)
        .values_list("page__path", flat=True)
    )
    hidden = Q(pk__in=[])
    for path in set(paths):
        hidden |= Q(document__path__startswith=path)
    return hidden


def _ancestor_paths(page):
    """The tree paths of the page and every page above it, computed from its own path (no query)."""
    steplen = Page.steplen
    return [page.path[: steplen * depth] for depth in range(1, len(page.path) // steplen + 1)]


def _is_active(user):
    return bool(user is not None and user.is_authenticated and user.is_active)


# Versions -------------------------------------------------------------------------------------------------


def current_significant_version(document):
    """The document's current significant version (the one readers are asked to confirm), or None."""
    return document.versions.filter(is_significant=True).order_by("-major", "-minor").first()


def significant_versions(document):
    """The document's significant versions, newest first."""
    return list(document.versions.filter(is_significant=True).order_by("-major", "-minor"))


def find_significant_version(document, label):
    """The significant version of the document labelled ``label`` ("2.0"), or None for any other input."""
    major, dot, minor = (label or "").strip().partition(".")
    if not (dot and major.isdigit() and minor.isdigit() and len(major) <= 6 and len(minor) <= 6):
        return None
    return document.versions.filter(is_significant=True, major=int(major), minor=int(minor)).first()


# One person -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentState:
    """What the document's current significant version asks of one person."""

    version: DocumentVersion
    in_audience: bool
    confirmed_at: object  # datetime or None

    @property
    def is_pending(self):
        return self.in_audience and self.confirmed_at is None


def state_for(document, user):
    """The person's standing towards the document's current significant version, or None when the document has
    no significant version. One query."""
    versions = document.versions.filter(is_significant=True).order_by("-major", "-minor")
    if _is_active(user):
        versions = versions.annotate(
            in_audience=_audience_includes(user),
            confirmed_at=Subquery(_confirmed_by(user).values("confirmed_at")[:1]),
        )
    version = versions.first()
    if version is None:
        return None
    if not _is_active(user):
        return DocumentState(version=version, in_audience=False, confirmed_at=None)
    return DocumentState(version=version, in_audience=bool(version.in_audience), confirmed_at=version.confirmed_at)


def pending_versions(user):
    """The current significant versions the person has yet to confirm, of live documents they may see, newest
    first, each with its document (number, title and what a link needs). Two queries: the restricted paths, then
    the versions."""
    if not _is_active(user):
        return []
    versions = (
        DocumentVersion.objects.filter(_is_current_significant(), document__live=True)
        .filter(_audience_includes(user))
        .exclude(Exists(_confirmed_by(user)))
        .exclude(_hidden_from(user))
        .select_related("document")
        .only(
            "major",
            "minor",
            "published_at",
            "effective_date",
            "change_summary",
            "is_significant",
            "document",
            *(f"document__{name}" for name in _LISTED_DOCUMENT_FIELDS),
        )
        .order_by("-published_at", "pk")
    )
    return list(versions)


def may_view_read_status(user, document):
    """Whether the person may see who has read the document: its editors and approvers."""
    if not _is_active(user):
        return False
    return document.permissions_for_user(user).can_edit()


# Confirming -----------------------------------------------------------------------------------------------


class Outcome(enum.Enum):
    RECORDED = "recorded"
    ALREADY_CONFIRMED = "already_confirmed"
    NOTHING_TO_CONFIRM = "nothing_to_confirm"
    OUTDATED = "outdated"  # the reader confirmed a version that has since been superseded


@dataclass(frozen=True)
class AcknowledgementResult:
    outcome: Outcome
    version: DocumentVersion | None = None
    acknowledgement: Acknowledgement | None = None


def acknowledge(document, user, seen_version=None):
    """Records that ``user`` has read and understood the document's current significant version.

    ``seen_version`` is the label of the version the reader had in front of them ("2.0"); when a newer
    significant version has been published since, nothing is recorded. Idempotent: a second call records
    nothing. The confirmation goes into Wagtail's audit log of the document."""
    state = state_for(document, user)
    if state is None or not state.in_audience:
        return AcknowledgementResult(Outcome.NOTHING_TO_CONFIRM, state.version if state else None)
    version = state.version
    if seen_version and seen_version.strip() != version.label:
        return AcknowledgementResult(Outcome.OUTDATED, version)
    with transaction.atomic():
        acknowledgement, created = Acknowledgement.objects.get_or_create(version=version, user=user)
        if created:
            log(
                instance=document,
                action=LOG_ACTION,
                user=user,
                data={
                    "version": version.label,
                    "version_id": version.pk,
                    "document_number": document.document_number,
                },
            )
    outcome = Outcome.RECORDED if created else Outcome.ALREADY_CONFIRMED
    return AcknowledgementResult(outcome, version, acknowledgement)


# Read status ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Confirmation:
    user: object
    confirmed_at: object


@dataclass(frozen=True)
class ReadStatus:
    """Who in a version's audience has confirmed it (with when), and who has not, both in name order."""

    version: DocumentVersion
    confirmed: list
    unconfirmed: list

    @property
    def total(self):
        return len(self.confirmed) + len(self.unconfirmed)

    @property
    def confirmed_count(self):
        return len(self.confirmed)

    @property
    def percent(self):
        """The share that has confirmed, in whole per cent rounded half up; None when the audience is empty."""
        if not self.total:
            return None
        share = Decimal(100 * self.confirmed_count) / Decimal(self.total)
        return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def audience(version):
    """The active users a version asks to confirm it, as a queryset (no query until evaluated)."""
    through = DocumentVersion.audience.through
    user_model = get_user_model()
    names_groups = Exists(through.objects.filter(documentversion_id=version.pk))
    in_named_group = Exists(through.objects.filter(documentversion_id=version.pk, group__user=OuterRef("pk")))
    users = user_model.objects.filter(is_active=True).filter(~names_groups | in_named_group)
    # Those who may not see the document are not asked: every group restriction on it or above it must let
    # them in, unless they are superusers.
    restriction_lets_in = PageViewRestriction.groups.through.objects.filter(
        pageviewrestriction_id=OuterRef("pk"), group__user=OuterRef(OuterRef("pk"))
    )
    shutting_out = PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.GROUPS, page__path__in=_ancestor_paths(version.document)
    ).exclude(Exists(restriction_lets_in))
    return users.filter(Q(is_superuser=True) | ~Exists(shutting_out))


def _name_key(name):
    """Sorts Danish names as Danes do: æ, ø, å after z."""
    return name.casefold().translate(str.maketrans({"æ": "z{", "ø": "z|", "å": "z}"}))


def display_name(user):
    return user.get_full_name() or user.get_username()


def read_status(version):
    """The read status of one version: one query, whatever the size of its audience."""
    people = (
        audience(version)
        .annotate(
            confirmed_at=Subquery(
                Acknowledgement.objects.filter(version=version, user=OuterRef("pk")).values("confirmed_at")[:1]
            )
        )
        .only(*_PERSON_FIELDS)
        .order_by("pk")
    )
    people = sorted(people, key=lambda person: (_name_key(display_name(person)), person.pk))
    confirmed = [Confirmation(person, person.confirmed_at) for person in people if person.confirmed_at is not None]
    unconfirmed = [person for person in people if person.confirmed_at is None]
    return ReadStatus(version=version, confirmed=confirmed, unconfirmed=unconfirmed)
