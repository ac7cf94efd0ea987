"""Wagtail's bulk actions (/admin/bulk/forms/<model>/<action>/) never show a case to someone who may not see it."""

import pytest
from django.urls import reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from forms.admin_bulk import CaseBulkActionGuard
from forms.models import Deviation, ImprovementProposal
from forms.roles import ensure_reporting_roles
from handbook import roles
from tests.forms.admin_fixtures import member
from tests.forms.factories import make_case, make_proposal

pytestmark = pytest.mark.django_db

CASE_MODELS = (Deviation, ImprovementProposal)


def registered_actions(model):
    """Every bulk action the registry holds for ``model``, by its type (delete, and any added later)."""
    return {
        action.action_type: action
        for action in bulk_action_registry.get_bulk_actions_for_model(model._meta.app_label, model._meta.model_name)
    }


def bulk_url(model, action_type, *cases):
    address = reverse("wagtail_bulk_action", args=[model._meta.app_label, model._meta.model_name, action_type])
    return address + "?" + "&".join(f"id={case.pk}" for case in cases)


@pytest.fixture
def people(site_tree, reader):
    groups = roles.ensure_roles(site_tree.handbook)
    ensure_reporting_roles()
    reader.groups.add(groups[roles.EMPLOYEES])
    return {
        "employee": reader,
        "editor": member("redaktoer2", roles.EMPLOYEES, roles.EDITORS),
        "approver": member("godkender", roles.EMPLOYEES, roles.APPROVERS),
        "quality": member("worksmarter", roles.EMPLOYEES, roles.QUALITY_GROUP),
    }


@pytest.fixture
def cases(colleague):
    """Per model, a named case and an anonymous one, as the bulk URL would ask for both."""
    return {
        Deviation: [
            make_case(title="Fortrolig afvigelse om nabostøj", reporter=colleague, anonymous=False),
            make_case(title="Anonym afvigelse om chikane"),
        ],
        ImprovementProposal: [
            make_proposal(title="Fortroligt forslag om hjemmearbejde", reporter=colleague, anonymous=False),
            make_proposal(title="Anonymt forslag om lønsamtaler"),
        ],
    }


def shows_a_case(response, cases):
    body = response.content.decode()
    return any(case.title in body or case.reference in body for case in cases)


def every_bulk_door():
    return [
        pytest.param(model, action_type, id=f"{model._meta.model_name}-{action_type}")
        for model in CASE_MODELS
        for action_type in registered_actions(model)
    ]


def test_every_bulk_action_for_cases_is_guarded():
    for model in CASE_MODELS:
        actions = registered_actions(model)
        assert "delete" in actions
        unguarded = [name for name, action in actions.items() if not issubclass(action, CaseBulkActionGuard)]
        assert unguarded == [], model


@pytest.mark.parametrize("role", ["employee", "editor", "approver"])
@pytest.mark.parametrize(("model", "action_type"), every_bulk_door())
def test_no_one_outside_the_group_sees_or_acts_on_a_case_in_bulk(client, people, cases, role, model, action_type):
    client.force_login(people[role])
    asked_for = cases[model]

    shown = client.get(bulk_url(model, action_type, *asked_for))
    done = client.post(bulk_url(model, action_type, *asked_for))

    for response in (shown, done):
        assert response.status_code in (302, 403), response.status_code
        assert not shows_a_case(response, asked_for)
        if response.status_code == 302:  # to the login page or the dashboard (Wagtail's answer to a refusal)
            assert response["Location"] == reverse("wagtailadmin_home") or response["Location"].startswith("/login/")
    assert model.objects.filter(pk__in=[case.pk for case in asked_for]).count() == len(asked_for)


@pytest.mark.parametrize("model", CASE_MODELS, ids=["deviation", "proposal"])
def test_the_group_sees_what_it_asked_for_but_may_not_delete_the_record(client, people, cases, model):
    client.force_login(people["quality"])
    asked_for = cases[model]

    shown = client.get(bulk_url(model, "delete", *asked_for))
    done = client.post(bulk_url(model, "delete", *asked_for))

    assert shown.status_code == 200
    assert shows_a_case(shown, asked_for)
    assert done.status_code in (200, 302)
    assert model.objects.filter(pk__in=[case.pk for case in asked_for]).count() == len(asked_for)


@pytest.mark.parametrize("model", CASE_MODELS, ids=["deviation", "proposal"])
def test_a_superuser_may_still_delete_in_bulk(client, people, cases, model):
    client.force_login(member("root", is_superuser=True))
    asked_for = cases[model]

    response = client.post(bulk_url(model, "delete", *asked_for))

    assert response.status_code == 302
    assert not model.objects.filter(pk__in=[case.pk for case in asked_for]).exists()


def test_other_snippets_keep_wagtails_own_bulk_actions():
    from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
    from wagtail.snippets.models import get_snippet_models

    others = [model for model in get_snippet_models() if model not in CASE_MODELS]
    for model in others:
        action = registered_actions(model).get("delete")
        assert action is DeleteBulkAction, model
