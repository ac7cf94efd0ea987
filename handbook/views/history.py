"""The readers' version history of a controlled document, its superseded versions and comparisons of two.

Only versions in the register of published versions (DocumentVersion) are ever shown: a revision that was
saved but never published has no entry there, so none of these views can reach it. Every view costs a fixed
number of queries however many versions the document has: the register is read in one query, and the
revisions' contents (which can be large) only for the one or two versions shown.
"""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from handbook.comparison import compare_documents

# The models' own modules, not the package: handbook.models imports these views for its routes.
from handbook.models.review import DocumentReview
from handbook.models.versions import DocumentVersion

VERSION_LABEL = re.compile(r"^(\d{1,6})\.(\d{1,6})$")
# A version number beyond this is no version of any document; asked for, it is simply not found.
LARGEST_VERSION_NUMBER = 999_999


# Reading the register ---------------------------------------------------------------------------------


def published_versions(page):
    """The document's published versions, newest first, each with who wrote, reviewed and approved it: two
    queries."""
    return list(
        DocumentVersion.objects.filter(document_id=page.pk)
        .select_related("approved_by", "reviewed_by")
        .prefetch_related("authors")
        .order_by("-major", "-minor", "-published_at")
    )


def is_current(page, version):
    return (version.major, version.minor) == (page.version_major, page.version_minor)


def current_version(page, versions):
    """The version in force: the one whose number the live page carries (None for a document published before
    the register was kept)."""
    return next((version for version in versions if is_current(page, version)), None)


def can_be_opened(version):
    """Whether the version's text is still stored (the register keeps the entry if a revision is purged)."""
    return version.revision_id is not None


def _document_url(request, page):
    return page.get_url(request=request) or page.url or ""


def _subpage_url(base_url, page, name, **kwargs):
    if not base_url.endswith("/"):
        base_url += "/"
    return base_url + page.reverse_subpage(name, kwargs=kwargs)


def version_url(base_url, page, version):
    return _subpage_url(base_url, page, "version", major=version.major, minor=version.minor)


def _render(request, page, template, context, status=200):
    full_context = page.get_context(request)
    full_context.update(context)
    return TemplateResponse(request, template, full_context, status=status)


# The version history ----------------------------------------------------------------------------------


@dataclass
class HistoryEntry:
    """A line of the version history: a published version or a review without change, with its moment."""

    when: object
    version: DocumentVersion | None = None
    review: DocumentReview | None = None
    is_current: bool = False
    url: str = ""  # where the version can be read: the document itself, or its old-version page
    version_in_force: DocumentVersion | None = None  # for a review: the version it found still valid

    @property
    def is_review(self):
        return self.review is not None


def _version_in_force_at(versions, moment):
    """The newest version published at or before the moment (versions are newest first)."""
    return next((version for version in versions if version.published_at <= moment), None)


def history_entries(page, versions, reviews, base_url):
    entries = []
    for version in versions:
        current = is_current(page, version)
        if current:
            url = base_url
        elif can_be_opened(version):
            url = version_url(base_url, page, version)
        else:
            url = ""
        entries.append(HistoryEntry(when=version.published_at, version=version, is_current=current, url=url))
    for review in reviews:
        entries.append(
            HistoryEntry(
                when=review.reviewed_at,
                review=review,
                version_in_force=_version_in_force_at(versions, review.reviewed_at),
            )
        )
    # Newest first; versions keep their own order (by number) among themselves.
    order = {id(entry): index for index, entry in enumerate(entries)}
    return sorted(entries, key=lambda entry: (entry.when, -order[id(entry)]), reverse=True)


def version_history(request, page):
    versions = published_versions(page)
    reviews = list(DocumentReview.objects.filter(document_id=page.pk).select_related("reviewed_by"))
    base_url = _document_url(request, page)
    comparable = [version for version in versions if can_be_opened(version)]
    form = None
    if len(comparable) >= 2:
        form = VersionComparisonForm(page, comparable, initial=default_comparison(page, comparable))
    return _render(
        request,
        page,
        "handbook/history/version_history.html",
        {
            "document": page,
            "entries": history_entries(page, versions, reviews, base_url),
            "current_version": current_version(page, versions),
            "document_url": base_url,
            "compare_url": _subpage_url(base_url, page, "compare"),
            "form": form,
        },
    )


# An old version ---------------------------------------------------------------------------------------


def old_version(request, page, major, minor):
    if (major, minor) == (page.version_major, page.version_minor):
        return redirect(_document_url(request, page))
    if major > LARGEST_VERSION_NUMBER or minor > LARGEST_VERSION_NUMBER:
        raise Http404
    versions = published_versions(page)
    version = next((v for v in versions if (v.major, v.minor) == (major, minor) and can_be_opened(v)), None)
    if version is None:
        raise Http404
    revision = Revision.objects.filter(pk=version.revision_id, object_id=str(page.pk)).only("content").first()
    if revision is None:
        raise Http404
    old_page = as_published(page, revision, version)

    base_url = _document_url(request, page)
    newer = [v for v in versions if (v.major, v.minor) > (major, minor)]
    return _render(
        request,
        old_page,
        "handbook/history/old_version.html",
        {
            "historical_version": version,
            "superseded_by": newer[-1] if newer else None,
            "current_version": current_version(page, versions),
            "document": page,
            "document_url": base_url,
            "history_url": _subpage_url(base_url, page, "history"),
            "compare_with_current_url": (
                f"{_subpage_url(base_url, page, 'compare')}?fra={version.label}&til={page.version}"
            ),
        },
    )


def as_published(page, revision, version):
    """The page as it was published in ``version``: the revision's content, with the version's own number,
    effective date and approver from the register."""
    old_page = page.with_content_json(revision.content)
    old_page.url_path = page.url_path  # shown at the document's address today, even if its slug was changed
    old_page.version_major, old_page.version_minor = version.major, version.minor
    if version.effective_date:
        old_page.effective_date = version.effective_date
    if version.approved_by_id:
        old_page.approver_id = version.approved_by_id
    return old_page


# Comparing two versions -------------------------------------------------------------------------------


def _version_choice_label(page, version):
    published = date_format(timezone.localtime(version.published_at).date(), "j. F Y")
    if is_current(page, version):
        return _("%(version)s, %(date)s (in force)") % {"version": version.label, "date": published}
    return _("%(version)s, %(date)s") % {"version": version.label, "date": published}


class VersionField(forms.ChoiceField):
    """A version of the document by its number ("2.1"), with messages that tell a malformed number from one
    the document does not have."""

    default_error_messages = {
        "malformed": _("A version number is two numbers with a full stop between them, e.g. 1.0."),
        "invalid_choice": _("The document has no version %(value)s. Choose one of its versions from the list."),
    }

    def validate(self, value):
        if value and not VERSION_LABEL.match(value):
            raise ValidationError(self.error_messages["malformed"], code="malformed")
        super().validate(value)


class VersionComparisonForm(forms.Form):
    fra = VersionField(
        label=_("From version"),
        error_messages={"required": _("Choose the version to compare from.")},
    )
    til = VersionField(
        label=_("To version"),
        error_messages={"required": _("Choose the version to compare with.")},
    )

    def __init__(self, page, versions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(version.label, _version_choice_label(page, version)) for version in versions]
        for name in ("fra", "til"):
            self.fields[name].choices = choices
        self.versions = {version.label: version for version in versions}

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("fra") and cleaned_data.get("fra") == cleaned_data.get("til"):
            raise ValidationError(_("Choose two different versions to compare."), code="same_version")
        return cleaned_data


def default_comparison(page, versions):
    """The previous version and the one in force (or the two newest), as the form's initial values."""
    newest = current_version(page, versions) or versions[0]
    older = [version for version in versions if (version.major, version.minor) < (newest.major, newest.minor)]
    previous = older[0] if older else next(version for version in versions if version is not newest)
    return {"fra": previous.label, "til": newest.label}


def _versions_between(versions, first, second):
    """The versions after the older of the two up to the newer, newest first: what changed between them."""
    low, high = sorted([(first.major, first.minor), (second.major, second.minor)])
    return [version for version in versions if low < (version.major, version.minor) <= high]


def compare_versions(request, page):
    versions = published_versions(page)
    comparable = [version for version in versions if can_be_opened(version)]
    base_url = _document_url(request, page)
    context = {
        "document": page,
        "document_url": base_url,
        "history_url": _subpage_url(base_url, page, "history"),
        "compare_url": _subpage_url(base_url, page, "compare"),
        "comparable_count": len(comparable),
        "form": None,
        "comparison": None,
    }
    template = "handbook/history/compare.html"
    if len(comparable) < 2:
        return _render(request, page, template, context)

    if "fra" not in request.GET and "til" not in request.GET:
        context["form"] = VersionComparisonForm(page, comparable, initial=default_comparison(page, comparable))
        return _render(request, page, template, context)

    form = VersionComparisonForm(page, comparable, data=request.GET)
    context["form"] = form
    if not form.is_valid():
        return _render(request, page, template, context, status=400)

    from_version, to_version = form.versions[form.cleaned_data["fra"]], form.versions[form.cleaned_data["til"]]
    revisions = Revision.objects.filter(
        pk__in=[from_version.revision_id, to_version.revision_id], object_id=str(page.pk)
    ).in_bulk()
    if from_version.revision_id not in revisions or to_version.revision_id not in revisions:
        raise Http404
    from_page = as_published(page, revisions[from_version.revision_id], from_version)
    to_page = as_published(page, revisions[to_version.revision_id], to_version)
    context.update(
        {
            "comparison": compare_documents(from_page, to_page),
            "from_version": from_version,
            "to_version": to_version,
            "versions_between": _versions_between(versions, from_version, to_version),
        }
    )
    return _render(request, page, template, context)
