"""Where a case and the reporting pages are, for templates and mails (the pages are found, not configured)."""

from django.conf import settings


def reporting_index():
    from forms.models import ReportingIndexPage

    return ReportingIndexPage.objects.live().first()


def case_path(case, index=None):
    index = index or reporting_index()
    if index is None:
        return ""
    return index.get_url() + index.reverse_subpage("case", args=[case.reference])


def case_full_url(case):
    """The case's address for mails: the portal's base URL, unless the page already has a full one."""
    path = case_path(case)
    if not path or path.startswith(("http://", "https://")):
        return path
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"
