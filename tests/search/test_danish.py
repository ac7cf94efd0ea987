"""Danish as caseworkers type it, on the demo handbook: the right document in the top three, on SQLite and on
PostgreSQL, whatever the inflection, case or question words."""

from io import StringIO

import pytest
from django.core.management import call_command

from handbook.models import ControlledDocumentPage
from search.backends.database import DatabaseSearch
from search.query import SearchRequest
from search.suggestions import did_you_mean
from tests.search.conftest import built_once

# What a caseworker types, and the title of the document that must be among the first three hits.
QUERIES = [
    ("hvordan behandler jeg en klage over støj", "Behandling af klager over miljøgener"),
    ("klage over lugt", "Behandling af klager over miljøgener"),
    ("afvigelserne", "Håndtering af afvigelser og forbedringsforslag"),
    ("hvordan indberetter jeg en afvigelse", "Håndtering af afvigelser og forbedringsforslag"),
    ("forbedringsforslag", "Håndtering af afvigelser og forbedringsforslag"),
    ("journaliseringen", "Dokumenthåndtering, journalisering og arkivering"),
    ("arkivering af sager", "Dokumenthåndtering, journalisering og arkivering"),
    ("anmodning om aktindsigt", "Håndtering af aktindsigt"),
    ("høring af parten", "Partshøring før afgørelse"),
    ("skabelon partshøring", "Partshøring før afgørelse"),
    ("frister", "Frister og sagsbehandlingstider"),
    ("sagsbehandlingstider", "Frister og sagsbehandlingstider"),
    ("tilsynsrapporten", "Udarbejdelse af tilsynsrapport"),
    ("tilsyn på virksomheder", "Miljøtilsyn på virksomheder"),
    ("flytning af jord", "Anmeldelse af jordflytning"),
    ("forurenet jord", "Anmeldelse af jordflytning"),
    ("dispensationer", "Dispensation fra naturbeskyttelseslovens § 3"),
    ("dispensation § 3", "Dispensation fra naturbeskyttelseslovens § 3"),
    ("BESKYTTEDE NATURTYPER", "Registrering af beskyttede naturtyper"),
    ("ulovlige forhold", "Lovliggørelse af ulovlige forhold i beskyttet natur"),
    ("intern audit", "Intern audit"),
    ("auditrapport", "Intern audit"),
    ("ledelsens evaluering", "Ledelsens evaluering"),
    ("MUS-samtale", "Kompetencer og uddannelse"),
    ("uddannelsesplan", "Kompetencer og uddannelse"),
    ("kvalitetspolitik", "Kvalitetspolitik og målsætninger"),
    ("godkendelse af procedurer", "Styring af kvalitetsdokumenter"),
    ("ÅRSHJUL", "Aktiviteter i årets løb"),
]


@pytest.fixture(scope="module")
def demo_handbook(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        yield


@pytest.fixture
def backend(demo_handbook, db):
    return DatabaseSearch()


def top_titles(backend, text, count=3):
    return [hit.title for hit in backend.search(SearchRequest(text=text)).hits[:count]]


@pytest.mark.parametrize(("query", "title"), QUERIES, ids=[query for query, _title in QUERIES])
def test_a_caseworkers_query_finds_the_document_in_the_top_three(backend, query, title):
    assert title in top_titles(backend, query)


def test_a_document_number_finds_that_document_first(backend):
    document = ControlledDocumentPage.objects.live().get(title="Håndtering af aktindsigt")

    assert top_titles(backend, document.document_number.lower().replace("-", " "), 1) == [document.title]


def test_the_admin_search_is_danish_too(demo_handbook, db):
    # Wagtail's own search (the admin's) uses the same Danish index: an inflection finds the document.
    titles = [page.title for page in ControlledDocumentPage.objects.live().search("afvigelserne")]

    assert "Håndtering af afvigelser og forbedringsforslag" in titles


@pytest.mark.parametrize(
    ("misspelt", "suggested"),
    [
        (["afvigelsr"], ["afvigelser"]),
        (["jordflytnig"], ["jordflytning"]),
        (["klager", "miljøgner"], ["klager miljøgener"]),
    ],
)
def test_did_you_mean_corrects_a_misspelt_danish_word(demo_handbook, db, misspelt, suggested):
    assert did_you_mean(misspelt) == suggested
