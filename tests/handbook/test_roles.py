from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission

from handbook import roles
from handbook.models import PolicyPage, SectionPage
from tests.factories import UserFactory, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def handbook(site_tree):
    quality_section = site_tree.handbook.add_child(instance=SectionPage(title="Fælles", slug="faelles"))
    groups = roles.ensure_roles(site_tree.handbook, quality_section)
    common = make_document(quality_section, PolicyPage, title="Kvalitetspolitik", slug="politik")
    environment = make_document(site_tree.section, title="Klager over støj", slug="klager")
    return groups, common, environment


def member_of(groups, *names):
    user = UserFactory(username="_".join(names).lower().replace("ø", "oe"))
    user.groups.add(*[groups[name] for name in names])
    return user


def test_editors_edit_but_cannot_publish(handbook):
    groups, common, environment = handbook
    editor = member_of(groups, roles.EMPLOYEES, roles.EDITORS)

    permissions = environment.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert editor.has_perm("wagtailadmin.access_admin")


def test_only_administrators_publish_outside_the_workflow(handbook):
    groups, _common, environment = handbook
    approver = member_of(groups, roles.EMPLOYEES, roles.APPROVERS)
    reviewer = member_of(groups, roles.EMPLOYEES, roles.REVIEWERS)
    editor = member_of(groups, roles.EMPLOYEES, roles.EDITORS)
    administrator = member_of(groups, roles.EMPLOYEES, roles.ADMINISTRATORS)

    assert not environment.permissions_for_user(approver).can_publish()
    assert not environment.permissions_for_user(reviewer).can_publish()
    assert not environment.permissions_for_user(editor).can_publish()
    assert environment.permissions_for_user(administrator).can_publish()


def test_employees_only_read(handbook, client):
    groups, _common, environment = handbook
    employee = member_of(groups, roles.EMPLOYEES)

    assert not environment.permissions_for_user(employee).can_edit()
    client.force_login(employee)
    assert client.get(environment.url).status_code == 200
    assert client.get("/admin/").status_code in (302, 403)


def test_the_quality_group_edits_its_own_section_only(handbook):
    groups, common, environment = handbook
    member = member_of(groups, roles.EMPLOYEES, roles.QUALITY_GROUP)

    assert common.permissions_for_user(member).can_edit()
    assert not environment.permissions_for_user(member).can_edit()


def test_roles_can_be_set_up_twice_without_duplicates(handbook, site_tree):
    before = GroupPagePermission.objects.count()

    roles.ensure_roles(site_tree.handbook)

    assert GroupPagePermission.objects.count() == before


def test_setup_roles_command(site_tree):
    output = StringIO()

    call_command("setup_roles", stdout=output)

    assert "Godkendelse af kvalitetsdokument" in output.getvalue()
    assert site_tree.handbook.get_workflow().name == roles.WORKFLOW_NAME


def test_setup_roles_needs_a_handbook(db):
    with pytest.raises(CommandError):
        call_command("setup_roles", stdout=StringIO())


def test_approvers_and_the_quality_group_see_the_register_of_confirmations(handbook):
    groups, _common, _environment = handbook

    assert member_of(groups, roles.APPROVERS).has_perm("handbook.view_acknowledgement")
    assert member_of(groups, roles.QUALITY_GROUP).has_perm("handbook.view_acknowledgement")
    assert not member_of(groups, roles.EDITORS).has_perm("handbook.view_acknowledgement")
