"""Test data: users by factory, and a small realistic handbook tree built the way editors build it."""

import datetime
from types import SimpleNamespace

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from handbook.models import HandbookIndexPage, IsoClause, ProcedurePage, SectionPage
from home.models import HomePage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"bruger{n}")
    first_name = "Mette"
    last_name = "Jensen"
    email = factory.LazyAttribute(lambda user: f"{user.username}@kommune.example")
    password = factory.django.Password("demo1234")


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ("name",)

    name = "Team Miljø"


def procedure_body():
    """A body with every kind of block a procedure uses."""
    return [
        {"type": "purpose", "value": "<p>At sikre ensartet behandling af klager over støj fra virksomheder.</p>"},
        {"type": "scope", "value": "<p>Gælder for alle sagsbehandlere i Team Miljø.</p>"},
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {"role": "Sagsbehandler", "duties": "<p>Registrerer og journaliserer klagen.</p>"},
                    {"role": "Enhedsleder", "duties": "<p>Fordeler sagen.</p>"},
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {"title": "Modtag klagen", "text": "<p>Journalisér klagen samme dag.</p>", "responsible": ""},
                    {"title": "Partshøring", "text": "<p>Hør virksomheden.</p>", "responsible": "Sagsbehandler"},
                ],
            },
        },
        {"type": "heading", "value": {"text": "Særlige forhold", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Natarbejde kræver særlig vurdering.</p>"},
        {"type": "note", "value": {"kind": "warning", "title": "Frist", "text": "<p>Svar klageren inden 14 dage.</p>"}},
        {
            "type": "table",
            "value": {
                "data": [["Tidspunkt", "Grænseværdi"], ["Dag", "55 dB(A)"], ["Nat", "40 dB(A)"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Vejledende støjgrænser",
            },
        },
    ]


def build_site():
    """Front page, handbook and one section, with the default site pointing at the front page."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Forside", slug="forside"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    handbook = home.add_child(instance=HandbookIndexPage(title="Kvalitetshåndbogen", slug="kvalitetshaandbogen"))
    section = handbook.add_child(instance=SectionPage(title="Miljø", slug="miljoe", intro="<p>Tilsyn og klager.</p>"))
    return SimpleNamespace(root=root, home=home, handbook=handbook, section=section)


def make_document(section, page_class=ProcedurePage, **fields):
    """A published controlled document with realistic metadata; fields override the defaults."""
    defaults = {
        "title": "Behandling af klager over støj",
        "summary": "Sådan behandles en klage over støj fra en virksomhed.",
        "owner_team": GroupFactory(),
        "responsible_person": UserFactory(username="redaktoer", first_name="Rasmus", last_name="Nielsen"),
        "approver": UserFactory(username="enhedsleder", first_name="Anne", last_name="Holm"),
        "effective_date": datetime.date(2026, 3, 1),
        "review_interval_months": 12,
        "body": procedure_body(),
        "legal_basis": [
            {
                "type": "law",
                "value": {
                    "title": "Miljøbeskyttelsesloven",
                    "provision": "§ 42",
                    "url": "https://www.retsinformation.dk/eli/lta/2024/1093",
                },
            }
        ],
    }
    defaults.update(fields)
    page = section.add_child(instance=page_class(**defaults))
    page.tags.add("støj", "klager")
    page.iso_clauses.set(IsoClause.objects.filter(number__in=["8.5", "9.1"]))
    page.save_revision().publish()
    return page_class.objects.get(pk=page.pk)  # fresh, without the in-memory child objects of the build
