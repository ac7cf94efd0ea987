"""The print view of a controlled document: the version in force on A4, stamped as uncontrolled when printed.

A printed copy is outside document control (ISO 9001 7.5.3): the stamp says which version was in force on
the day it was printed, and where the version in force can always be read. Every sheet repeats the number,
title, version, stamp and "Page x of y" in its margins (handbook/templatetags/print_tags.py, static/css/print.css).
"""

from django.template.response import TemplateResponse
from django.utils import timezone


def print_document(request, page):
    document_url = page.get_url(request=request) or page.url or ""
    context = page.get_context(request)
    context.update(
        {
            "document_url": document_url,
            "document_address": request.build_absolute_uri(document_url),
            "printed_on": timezone.localdate(),
        }
    )
    return TemplateResponse(request, "handbook/print.html", context)
