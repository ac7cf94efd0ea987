"""A document page renders in a fixed number of queries, whatever the size of its section."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from handbook.models import ProcedurePage, SectionPage
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def add_plain_documents(section, count):
    for number in range(count):
        section.add_child(instance=ProcedurePage(title=f"Procedure {number}", slug=f"procedure-{number}"))


def queries_to_render(client, page):
    client.get(page.url)  # warm caches that are per process, not per request (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(queries)


def test_procedure_page_queries_do_not_grow_with_the_section(reader_client, site_tree):
    small_section = site_tree.section
    large_section = site_tree.handbook.add_child(instance=SectionPage(title="Natur", slug="natur"))
    small_page = make_document(small_section, title="Klager", slug="klager")
    large_page = make_document(large_section, title="Dispensationer", slug="dispensationer")
    make_document(small_section, title="Relateret", slug="relateret")
    add_plain_documents(small_section, 3)
    add_plain_documents(large_section, 199)

    small = queries_to_render(reader_client, small_page)
    large = queries_to_render(reader_client, large_page)

    assert small == large
    assert large <= 25


def test_section_page_queries_do_not_grow_with_the_section(reader_client, site_tree):
    add_plain_documents(site_tree.section, 5)
    with_five = queries_to_render(reader_client, site_tree.section)
    for number in range(5, 200):
        site_tree.section.add_child(instance=ProcedurePage(title=f"Procedure {number}", slug=f"procedure-{number}"))

    assert queries_to_render(reader_client, site_tree.section) == with_five
