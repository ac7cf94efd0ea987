"""Cases are private: in the admin only the WorkSmarter group (and superusers) reaches them, by any door."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import NoReverseMatch, reverse

from forms.models import Deviation, ImprovementProposal
from forms.roles import CASE_ACTIONS, CASE_MODELS, ensure_reporting_roles
from handbook import roles
from tests.forms.admin_fixtures import member, move, url
from tests.forms.factories import make_case, make_proposal

pytestmark = pytest.mark.django_db

DEVIATION_TITLE = "Fortrolig afvigelse om nabostøj"
PROPOSAL_TITLE = "Fortroligt forslag om hjemmearbejde"


@pytest.fixture
def portal(site_tree, document, reporting, reader, colleague):
    """The roles as ``setup_roles`` makes them, a deviation about a document, and a proposal in moderation."""
    groups = roles.ensure_roles(site_tree.handbook)
    ensure_reporting_roles()
    reader.groups.add(groups[roles.EMPLOYEES])
    people = {
        "employee": reader,
        "editor": member("redaktoer2", roles.EMPLOYEES, roles.EDITORS),
        "approver": member("godkender", roles.EMPLOYEES, roles.APPROVERS),
        "administrator": member("administrator", roles.EMPLOYEES, roles.ADMINISTRATORS),
        "quality": member("worksmarter", roles.EMPLOYEES, roles.QUALITY_GROUP),
    }
    deviation = make_case(title=DEVIATION_TITLE, document=document, reporter=colleague, anonymous=False)
    deviation = move(deviation, Deviation.status.field.default, cause="Første udkast")  # a second revision
    proposal = make_proposal(title=PROPOSAL_TITLE, reporter=colleague, anonymous=False)
    proposal.public_title = "Hjemmearbejde"
    proposal.save_revision(user=people["quality"])
    proposal.get_workflow().start(proposal, people["quality"])
    return SimpleNamespace(people=people, deviation=deviation, proposal=proposal, document=document)


def admin_doors(case):
    """Every admin URL that shows a case, its title or its data."""
    model = type(case)
    viewset = model.snippet_viewset
    chooser = viewset.chooser_viewset
    doors = {
        "list": url(model, "list"),
        "list results": url(model, "list_results"),
        "search": f"{url(model, 'list')}?q={case.title.split()[1]}",
        "search results": f"{url(model, 'list_results')}?q={case.reference}",
        "export csv": f"{url(model, 'list')}?export=csv",
        "export xlsx": f"{url(model, 'list')}?export=xlsx",
        "edit": url(model, "edit", case.pk),
        "history": url(model, "history", case.pk),
        "history results": url(model, "history_results", case.pk),
        "usage": url(model, "usage", case.pk),
        "compare revisions": reverse(
            viewset.get_url_name("revisions_compare"),
            kwargs={"pk": case.pk, "revision_id_a": "earliest", "revision_id_b": "latest"},
        ),
        "workflow history": url(model, "workflow_history", case.pk),
        "chooser": reverse(chooser.get_url_name("choose")),
        "chooser results": reverse(chooser.get_url_name("choose_results")) + f"?q={case.reference}",
        "chosen": reverse(chooser.get_url_name("chosen"), args=[case.pk]),
    }
    return doors


def refused(response):
    return response.status_code in (302, 403, 404)


@pytest.mark.parametrize("role", ["employee", "editor", "approver", "administrator"])
@pytest.mark.parametrize("case_name", ["deviation", "proposal"])
def test_no_one_outside_the_group_gets_through_any_admin_door(client, portal, role, case_name):
    case = getattr(portal, case_name)
    client.force_login(portal.people[role])

    leaks = {}
    for door, address in admin_doors(case).items():
        for headers in ({}, {"X-Requested-With": "XMLHttpRequest"}):  # the chooser is opened as a modal
            response = client.get(address, headers=headers)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            if not refused(response) or case.title.encode() in body or case.reference.encode() in body:
                leaks[door] = response.status_code
    for action in ("lock", "unlock", "unpublish"):
        response = client.post(url(type(case), action, case.pk))
        if not refused(response):
            leaks[action] = response.status_code

    assert leaks == {}
    case.refresh_from_db()
    assert not case.locked
    assert case.live


@pytest.mark.parametrize("case_name", ["deviation", "proposal"])
def test_the_worksmarter_group_gets_through_every_door(client, portal, case_name):
    case = getattr(portal, case_name)
    client.force_login(portal.people["quality"])

    statuses = {door: client.get(address).status_code for door, address in admin_doors(case).items()}

    assert statuses == dict.fromkeys(statuses, 200)
    found = client.get(admin_doors(case)["search results"])
    assert case.title in found.content.decode()


def test_there_is_no_inspect_view_to_forget():
    with pytest.raises(NoReverseMatch):
        url(Deviation, "inspect", 1)


@pytest.mark.parametrize("role", ["editor", "approver", "administrator"])
def test_the_dashboard_reports_and_admin_search_show_no_case(client, portal, role):
    client.force_login(portal.people[role])
    pages = {
        "dashboard": reverse("wagtailadmin_home"),
        "admin search": reverse("wagtailadmin_pages:search") + "?q=Fortrolig",
        "site history": reverse("wagtailadmin_reports:site_history"),
        "workflows": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks": reverse("wagtailadmin_reports:workflow_tasks"),
        "snippets": reverse("wagtailsnippets:index"),
        "document usage": reverse("wagtailadmin_pages:usage", args=[portal.document.pk]),
    }

    shown = {}
    for name, address in pages.items():
        response = client.get(address)
        body = response.content.decode()
        if response.status_code == 200 and (DEVIATION_TITLE in body or PROPOSAL_TITLE in body):
            shown[name] = "title"
        if response.status_code == 200 and (portal.deviation.reference in body or portal.proposal.reference in body):
            shown[name] = "reference"

    assert shown == {}
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url(Deviation, "list") not in menu


def test_the_employee_has_no_admin_at_all(client, portal):
    client.force_login(portal.people["employee"])

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_a_documents_usage_does_not_even_count_its_deviations(client, portal):
    client.force_login(portal.people["editor"])

    body = client.get(reverse("wagtailadmin_pages:usage", args=[portal.document.pk])).content.decode()

    assert str(Deviation._meta.verbose_name) not in body


def test_only_the_worksmarter_group_holds_permissions_on_cases(portal):
    codenames = {f"{action}_{model}" for model in CASE_MODELS for action in CASE_ACTIONS}
    existing = set(Permission.objects.filter(content_type__app_label="forms").values_list("codename", flat=True))
    assert codenames <= existing  # publish_, lock_ and unlock_ come from Wagtail once the snippets are registered

    granted = {
        group.name: set(group.permissions.filter(content_type__app_label="forms").values_list("codename", flat=True))
        for group in Group.objects.all()
    }
    assert granted.pop(roles.QUALITY_GROUP) == codenames
    assert granted == dict.fromkeys(granted, set())
    quality = portal.people["quality"]
    assert quality.has_perm("forms.publish_improvementproposal")
    assert not quality.has_perm("forms.add_deviation")
    assert not quality.has_perm("forms.delete_deviation")
    for role in ("employee", "editor", "approver", "administrator"):
        assert not any(portal.people[role].has_perm(f"forms.{codename}") for codename in codenames), role


def test_the_group_sees_the_menu(client, portal):
    client.force_login(portal.people["quality"])

    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    assert url(Deviation, "list") in menu
    assert url(ImprovementProposal, "list") in menu
