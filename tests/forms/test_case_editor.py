"""The case editor in the quality group's words, and its autosave.

Autosave posts the form to ``form.action`` with ``Accept: application/json``; a form field named “action” used
to shadow that property, so the post went to ``…/edit/8/[object HTMLTextAreaElement]``.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from forms.lifecycle import Status
from forms.models import Deviation, ImprovementProposal
from tests.forms.admin_fixtures import edit_url, handling_form, in_days, url
from tests.forms.factories import make_case, make_proposal

pytestmark = pytest.mark.django_db

PUBLISH_WORDS = re.compile(r"publi|offentligg|udgiv|afpubli", re.IGNORECASE)


@pytest.fixture
def quality_client(client, quality_member):
    client.force_login(quality_member)
    return client


@pytest.fixture
def case(colleague):
    return make_case(title="Partshøring sendt uden bilag", reporter=colleague, anonymous=False)


def editor_form(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("form", attrs={"data-edit-form": True})


def autosave(client, case, response, **changes):
    """Posts the rendered form back as Wagtail's autosave does: its fields as they stand, asking for JSON."""
    form = editor_form(response)
    data = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.get("type") in ("submit", "file"):
            continue
        if element.name == "textarea":
            data[name] = element.text.removeprefix("\n")
        elif element.name == "select":
            selected = element.find("option", selected=True)
            data[name] = selected.get("value", "") if selected else ""
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data[name] = element.get("value", "on")
        else:
            data[name] = element.get("value", "")
    data.update(changes)
    return client.post(form["action"], data, headers={"Accept": "application/json"})


def test_no_field_of_the_editor_hides_a_property_of_the_form(quality_client, case):
    response = quality_client.get(edit_url(case))

    form = editor_form(response)
    assert form["action"] == edit_url(case)
    shadowing = {"action", "method", "target", "enctype", "elements", "submit", "reset", "name", "id", "length"}
    assert not form.find_all(attrs={"name": lambda name: name in shadowing})
    assert form.find("textarea", attrs={"name": "handling_action", "id": "id_handling_action"})


def test_autosave_keeps_a_draft_of_the_case(quality_client, case):
    response = quality_client.get(edit_url(case))

    saved = autosave(quality_client, case, response, cause="Bilaget blev glemt.", handling_action="Tjekliste.")

    assert saved.status_code == 200
    assert saved.json()["success"] is True
    draft = Deviation.objects.get(pk=case.pk).get_latest_revision_as_object()
    assert (draft.cause, draft.action) == ("Bilaget blev glemt.", "Tjekliste.")
    assert Deviation.objects.get(pk=case.pk).action == ""  # a draft: the reporter's view is unchanged


def test_autosave_after_a_validation_error_answers_in_json(quality_client, case):
    refused = quality_client.post(edit_url(case), handling_form(case, status=Status.IN_PROGRESS))  # no handler
    assert refused.status_code == 200
    assert editor_form(refused)["action"] == edit_url(case)

    saved = autosave(quality_client, case, refused, cause="Noget andet.")

    assert saved.status_code == 400
    assert saved.json()["error_code"] == "validation_error"
    fixed = autosave(
        quality_client,
        case,
        refused,
        handler=str(case.reporter_id),
        due_date=in_days(7).strftime("%Y-%m-%d"),
        handling_action="Sendt igen.",
    )
    assert fixed.status_code == 200, fixed.content
    assert Deviation.objects.get(pk=case.pk).get_latest_revision_as_object().action == "Sendt igen."


def test_the_main_button_shows_the_step_to_the_reporter_and_the_draft_is_secondary(quality_client, case):
    with translation.override("da"):
        body = quality_client.get(edit_url(case)).content.decode()

    soup = BeautifulSoup(body, "html.parser")
    footer = soup.find("footer")
    buttons = [" ".join(button.get_text(" ").split()) for button in footer.find_all("button") if button.get_text()]
    assert buttons[0] == "Gem og vis for indberetter"
    assert "Gem kladde uden at vise indberetter" in buttons
    main = footer.find("button", attrs={"name": "action-publish"})
    assert "Gem og vis for indberetter" in main.get_text()
    assert not footer.find(attrs={"name": "action-unpublish"})
    assert not PUBLISH_WORDS.search(footer.get_text(" "))


def test_a_proposal_is_sent_for_approval_in_its_own_words(quality_client, colleague):
    proposal = make_proposal(title="Fælles postkasse", reporter=colleague, anonymous=False)

    with translation.override("da"):
        footer = BeautifulSoup(quality_client.get(edit_url(proposal)).content, "html.parser").find("footer")

    submit = footer.find("button", attrs={"name": "action-submit"})
    assert " ".join(submit.get_text(" ").split()) == "Send den offentlige tekst til godkendelse"
    assert not PUBLISH_WORDS.search(footer.get_text(" "))


@pytest.mark.parametrize(
    ("button", "message"),
    [
        ("action-publish", "er gemt og vises for indberetteren"),
        (None, "Kladden til AFV-"),
    ],
    ids=["save and show", "draft"],
)
def test_the_messages_speak_of_the_reporter_not_of_publishing(quality_client, case, button, message):
    with translation.override("da"):
        response = quality_client.post(edit_url(case), handling_form(case, button=button, cause="Årsag"), follow=True)

    text = " ".join(BeautifulSoup(response.content, "html.parser").find(class_="messages").get_text(" ").split())
    assert message in text
    assert not PUBLISH_WORDS.search(text)


def test_the_history_speaks_of_the_reporter_not_of_publishing(quality_client, case):
    quality_client.post(edit_url(case), handling_form(case, cause="Årsag"))

    with translation.override("da"):
        response = quality_client.get(url(Deviation, "history", case.pk))

    text = " ".join(BeautifulSoup(response.content, "html.parser").find("main").get_text(" ").split())
    assert "Gemt og vist for indberetter" in text
    assert not PUBLISH_WORDS.search(text)


def test_other_snippets_keep_wagtails_menu(quality_client):
    """The hook rewrites the menu of cases only."""
    from wagtail.snippets.action_menu import PublishMenuItem, SaveMenuItem

    from forms.admin_actions import construct_case_action_menu

    items = [SaveMenuItem(order=0), PublishMenuItem(order=30)]
    construct_case_action_menu(items, None, {"model": object})
    assert [type(item) for item in items] == [SaveMenuItem, PublishMenuItem]
    for model in (Deviation, ImprovementProposal):
        items = [SaveMenuItem(order=0), PublishMenuItem(order=30)]
        construct_case_action_menu(items, None, {"model": model})
        assert [item.name for item in items] == ["action-publish", "action-save"]
