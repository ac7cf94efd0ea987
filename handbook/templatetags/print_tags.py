"""``{% print_page_attributes page %}``: what every printed sheet of a controlled document carries, as data
attributes for the ``<html>`` element.

A printed copy is outside document control (ISO 9001 7.5.3), and a sheet is read on its own: each one names the
document (number and title), its version, that it is uncontrolled and which version was in force on the day it
was printed, and which sheet of how many it is. static/css/print.css puts these in the page's margin boxes
(CSS Paged Media), with the sheet numbers from the ``page`` and ``pages`` counters.

The words cannot be written into a stylesheet of their own: the reader pages are served under a
Content-Security-Policy without inline styles (portal/csp.py). print.css reads them from these attributes
instead, with ``attr()`` into custom properties of the root element, which the margin boxes inherit
(Chromium 133 and later; margin boxes since Chromium 131). A browser without either prints the document with
the stamps in its text alone (templates/handbook/print.html).
"""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


def page_numbering_parts(text):
    """The words before, between and after the sheet number and the number of sheets in "Page 1 of 4", so that
    CSS can put its counters between them."""
    before, _, rest = text.partition("%(number)s")
    between, _, after = rest.partition("%(total)s")
    return before, between, after


@register.simple_tag
def print_page_attributes(page, printed_on=None):
    printed_on = printed_on or timezone.localdate()
    in_force = gettext("version %(version)s in force on %(date)s") % {
        "version": page.version,
        "date": date_format(printed_on, "j. F Y"),
    }
    before, between, after = page_numbering_parts(gettext("Page %(number)s of %(total)s"))
    return format_html(
        ' data-print-heading="{} {}" data-print-version="{} {}" data-print-stamp="{} – {}"'
        ' data-print-page-before="{}" data-print-page-between="{}" data-print-page-after="{}"',
        page.document_number,
        page.title,
        gettext("Version"),
        page.version,
        gettext("Uncontrolled when printed"),
        in_force,
        before,
        between,
        after,
    )
