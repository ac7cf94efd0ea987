import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from handbook.models import ControlledDocumentPage, HandbookIndexPage, InstructionPage, PolicyPage, ProcedurePage
from home.models import HomePage

pytestmark = pytest.mark.django_db

SEED_POLICY_TITLES = {
    "Kvalitetspolitik og målsætninger",
    "Ydelser og ansvarsområder",
    "Organisering og arbejdsmetode",
    "Værdier og principper",
    "WorkSmarter-gruppen",
    "Aktiviteter i årets løb",
    "Ansvars- og opgavefordeling",
}


def load_demo(**options):
    call_command("load_demo", stdout=StringIO(), stderr=StringIO(), **options)


def tree_snapshot():
    return sorted(
        (page.path, page.title, page.live, getattr(page, "document_number", ""))
        for page in Page.objects.filter(depth__gt=1).specific()
    )


def test_demo_builds_a_handbook_at_the_site_root():
    load_demo(allow_demo_users=True)

    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert HandbookIndexPage.objects.child_of(home).live().count() == 1
    assert set(PolicyPage.objects.live().values_list("title", flat=True)) >= SEED_POLICY_TITLES
    assert ProcedurePage.objects.live().count() + InstructionPage.objects.live().count() >= 8
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_the_seed_text_is_in_the_policies():
    load_demo(allow_demo_users=True)

    workSmarter = PolicyPage.objects.get(title="WorkSmarter-gruppen")
    policy = PolicyPage.objects.get(title="Kvalitetspolitik og målsætninger")
    assert "tværgående gruppe repræsenteret af medarbejdere og ledere" in str(workSmarter.body)
    assert "certificeret kvalitetsstyringssystem i overensstemmelse med ISO 9001" in str(policy.body)


def test_every_demo_document_is_numbered_published_and_owned():
    load_demo(allow_demo_users=True)

    documents = ControlledDocumentPage.objects.all()
    numbers = [document.document_number for document in documents]
    assert len(numbers) == len(set(numbers))
    for document in documents.select_related("owner_team", "responsible_person"):
        assert document.live, document.title
        assert document.document_number.startswith(("POL-", "PRO-", "INS-")), document.title
        assert document.owner_team is not None, document.title
        assert document.responsible_person is not None, document.title
        assert document.next_review_date is not None, document.title
        assert len(document.body) > 0, document.title


def test_running_it_twice_changes_nothing():
    load_demo(allow_demo_users=True)
    before = tree_snapshot()
    revisions = Revision.objects.count()
    users = list(get_user_model().objects.values_list("username", "password").order_by("username"))

    load_demo(allow_demo_users=True)

    assert tree_snapshot() == before
    assert Revision.objects.count() == revisions
    assert list(get_user_model().objects.values_list("username", "password").order_by("username")) == users


def test_demo_users_log_in_with_the_documented_password(client):
    load_demo(allow_demo_users=True)

    for username in ["medarbejder", "redaktoer", "enhedsleder", "worksmarter", "admin"]:
        response = client.post("/login/", {"username": username, "password": "demo1234"})
        assert response.status_code == 302, username
        assert client.session["_auth_user_id"] == str(get_user_model().objects.get(username=username).pk)
        client.logout()
    assert get_user_model().objects.get(username="admin").is_superuser
    assert not get_user_model().objects.get(username="medarbejder").is_superuser


def test_demo_users_are_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    errors = StringIO()

    call_command("load_demo", stdout=StringIO(), stderr=errors)

    assert not get_user_model().objects.exists()
    assert "--allow-demo-users" in errors.getvalue()
    assert ControlledDocumentPage.objects.exists()


def test_demo_users_have_their_roles_and_the_demo_has_history():
    from handbook.models import DocumentVersion

    load_demo(allow_demo_users=True)

    User = get_user_model()
    assert User.objects.get(username="redaktoer").groups.filter(name="Redaktører").exists()
    assert User.objects.get(username="enhedsleder").groups.filter(name="Godkendere").exists()
    assert User.objects.get(username="medarbejder").groups.filter(name="Medarbejdere").exists()
    tilsyn = ControlledDocumentPage.objects.get(slug="miljoetilsyn-paa-virksomheder")
    assert tilsyn.version == "2.0"
    assert [version.label for version in DocumentVersion.objects.filter(document=tilsyn)] == ["2.0", "1.1", "1.0"]
    assert DocumentVersion.objects.get(document=tilsyn, major=2).is_significant
    assert ControlledDocumentPage.objects.filter(next_review_date__lt=datetime.date(2026, 11, 24)).count() >= 3
