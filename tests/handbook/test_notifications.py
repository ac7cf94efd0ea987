"""The approval workflow's e-mails: Danish from greeting to footer, in the plain text and the HTML part alike."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import PageSubscription
from wagtail.users.models import UserProfile

from handbook import roles
from tests.factories import UserFactory
from tests.handbook import test_workflow
from tests.handbook.test_workflow import current_task_state, post_as, review, workflow_action

pytestmark = pytest.mark.django_db

# The editor Rasmus Nielsen, the approver Anne Holm and the procedure they work on, as in the workflow's tests.
handbook_roles = test_workflow.handbook_roles
procedure = test_workflow.procedure

BASE_URL = "http://testserver"
PREFERENCES = "Du vælger, hvilke e-mails kvalitetsportalen sender dig, under Notifikationer på din konto: "
PREFERENCES_URL = f"{BASE_URL}/admin/account/#tab-notifications"
# Sentences of Wagtail's own notification templates that must not reach a Danish reader.
WAGTAIL_ENGLISH = [
    "Hello",
    "has been submitted",
    "has been approved",
    "has been rejected",
    "moderation",
    "The page",
    "You can",
    "Edit your notification preferences",
    "Hi ",
]


@pytest.fixture
def html_mail(settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def only_mail_to(user):
    messages = mails_to(user)
    assert len(messages) == 1, [message.subject for message in messages]
    return messages[0]


def html_part(message):
    [(content, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return content


def assert_danish(*texts):
    for text in texts:
        for english in WAGTAIL_ENGLISH:
            assert english not in text, english


def urls_in(text):
    return re.findall(r"https?://[^\s<>\"]+", text)


def admin_url(name, *args):
    return BASE_URL + reverse(name, args=args)


def submit(client, editor, page, **data):
    """Submitted and reviewed: the request reaches the unit manager, the last step."""
    response = post_as(client, editor, page, **{"action-submit": "1", **data})
    review(client, page)
    return response


def test_the_approver_is_asked_in_danish_with_number_title_submitter_and_links(client, procedure, handbook_roles):
    editor, approver = handbook_roles

    submit(client, editor, procedure, title="Klager over støj & lugt")

    message = only_mail_to(approver)
    number = procedure.document_number
    task = current_task_state(procedure).task
    assert message.subject == f"Til godkendelse: {number} Klager over støj & lugt"
    assert message.body == (
        "Hej Anne,\n\n"
        f"Rasmus Nielsen har sendt {number} Klager over støj & lugt til godkendelse (Godkendelse ved enhedsleder).\n\n"
        "Ændringsbeskrivelse: Formålet er skrevet om.\n\n"
        "Se udgaven, der er sendt til godkendelse: "
        f"{admin_url('wagtailadmin_pages:workflow_preview', procedure.pk, task.pk)}\n"
        "Se ændringerne i forhold til den gældende version: "
        f"{admin_url('wagtailadmin_pages:revisions_compare', procedure.pk, 'live', 'latest')}\n"
        f"Godkend eller bed om ændringer: {admin_url('wagtailadmin_pages:edit', procedure.pk)}\n\n"
        f"{PREFERENCES}{PREFERENCES_URL}"
    )
    assert_danish(message.subject, message.body)
    assert message.alternatives == []  # plain text only, unless WAGTAILADMIN_NOTIFICATION_USE_HTML is set


def test_every_link_in_the_request_opens_for_the_approver(client, procedure, handbook_roles):
    editor, approver = handbook_roles
    submit(client, editor, procedure)
    approver_browser = Client()
    approver_browser.force_login(approver)

    urls = urls_in(only_mail_to(approver).body)

    assert len(urls) == 4
    for url in urls:
        assert url.startswith(BASE_URL + "/admin/"), url
        assert approver_browser.get(url.removeprefix(BASE_URL)).status_code == 200, url


def test_a_significant_change_is_pointed_out_to_the_approver(client, procedure, handbook_roles):
    editor, approver = handbook_roles

    submit(client, editor, procedure, is_significant_change="on")

    assert (
        "Ændringsbeskrivelse: Formålet er skrevet om.\n"
        "Markeret som væsentlig ændring: den giver en ny hovedversion, og læserne bliver bedt om at bekræfte, "
        "at de har læst den.\n"
    ) in only_mail_to(approver).body


def test_the_html_part_of_the_request_says_the_same_in_danish(client, procedure, handbook_roles, html_mail):
    editor, approver = handbook_roles

    submit(client, editor, procedure, title="Klager over støj & lugt", is_significant_change="on")

    message = only_mail_to(approver)
    html = html_part(message)
    number = procedure.document_number
    assert '<html lang="da"' in html
    assert "<p>Hej Anne,</p>" in html
    assert f"Rasmus Nielsen har sendt {number} Klager over støj &amp; lugt til godkendelse" in html
    assert "Ændringsbeskrivelse: Formålet er skrevet om." in html
    assert "Markeret som væsentlig ændring" in html
    assert "Godkend eller bed om ændringer:" in html
    assert PREFERENCES.strip() in html
    for url in urls_in(message.body):
        assert f'<a href="{url}"' in html, url
    assert_danish(html)


def test_the_editor_hears_in_danish_that_the_document_is_approved(client, procedure, handbook_roles, html_mail):
    editor, approver = handbook_roles
    submit(client, editor, procedure, title="Klager over støj, ny")
    mail.outbox.clear()

    workflow_action(client, approver, procedure, "approve")

    message = only_mail_to(editor)
    number = procedure.document_number
    page_url = procedure.full_url
    assert page_url.startswith("http")
    assert message.subject == f"Godkendt: {number} Klager over støj, ny"
    assert message.body == (
        "Hej Rasmus,\n\n"
        f"{number} Klager over støj, ny er godkendt (Godkendelse af kvalitetsdokument).\n\n"
        f"Åbn på portalen: {page_url}\n\n"
        f"{PREFERENCES}{PREFERENCES_URL}"
    )
    html = html_part(message)
    assert "<p>Hej Rasmus,</p>" in html
    assert f"{number} Klager over støj, ny er godkendt (Godkendelse af kvalitetsdokument)." in html
    assert f'<a href="{page_url}">' in html
    assert_danish(message.subject, message.body, html)


def test_an_approval_with_a_future_effective_date_says_when_it_goes_live(client, procedure, handbook_roles):
    editor, approver = handbook_roles
    submit(client, editor, procedure, effective_date="2099-01-01")
    mail.outbox.clear()

    workflow_action(client, approver, procedure, "approve")

    assert "er godkendt (Godkendelse af kvalitetsdokument).\nOffentliggørelsen er planlagt til 1. januar 2099.\n" in (
        only_mail_to(editor).body
    )


def test_the_editor_gets_the_requested_changes_with_the_comment_in_danish(client, procedure, handbook_roles, html_mail):
    editor, approver = handbook_roles
    submit(client, editor, procedure, title="Klager over støj, ny")
    mail.outbox.clear()

    workflow_action(client, approver, procedure, "reject", comment="Henvis til <støjvejledningen>.\nOg til loven.")

    message = only_mail_to(editor)
    number = procedure.document_number
    edit_url = admin_url("wagtailadmin_pages:edit", procedure.pk)
    assert message.subject == f"Ændringer ønsket: {number} Klager over støj, ny"
    assert message.body == (
        "Hej Rasmus,\n\n"
        f"Anne Holm har bedt om ændringer i {number} Klager over støj, ny (Godkendelse ved enhedsleder).\n\n"
        "Kommentar: Henvis til <støjvejledningen>.\nOg til loven.\n\n"
        f"Foretag ændringerne, og send til godkendelse igen: {edit_url}\n\n"
        f"{PREFERENCES}{PREFERENCES_URL}"
    )
    html = html_part(message)
    assert f"Anne Holm har bedt om ændringer i {number} Klager over støj, ny" in html
    assert "<p>Kommentar: Henvis til &lt;støjvejledningen&gt;.<br>Og til loven.</p>" in html
    assert f'<a href="{edit_url}">' in html
    assert_danish(message.subject, message.body, html)


def test_an_administrator_hears_of_the_submission_in_danish(client, procedure, handbook_roles, html_mail):
    editor, _approver = handbook_roles
    administrator = UserFactory(username="admin", first_name="Birgitte", last_name="Lund", is_superuser=True)

    post_as(client, editor, procedure, **{"action-submit": "1"})

    number = procedure.document_number
    # Wagtail tells superusers of the workflow and of its task.
    subjects = sorted(message.subject for message in mails_to(administrator))
    assert subjects == [
        f"Sendt til godkendelse: {number} Klager over støj",
        f"Til godkendelse: {number} Klager over støj",
    ]
    [workflow_mail] = [message for message in mails_to(administrator) if message.subject.startswith("Sendt")]
    assert workflow_mail.body == (
        "Hej Birgitte,\n\n"
        f"Rasmus Nielsen har sendt {number} Klager over støj til godkendelse ({roles.WORKFLOW_NAME}).\n\n"
        f"Åbn i administrationen: {admin_url('wagtailadmin_pages:edit', procedure.pk)}\n\n"
        f"{PREFERENCES}{PREFERENCES_URL}"
    )
    for message in mails_to(administrator):
        assert_danish(message.subject, message.body, html_part(message))


def test_a_new_comment_on_a_draft_reaches_the_subscribed_editor_in_danish(client, procedure, handbook_roles, html_mail):
    editor, approver = handbook_roles
    PageSubscription.objects.create(page=procedure, user=editor, comment_notifications=True)
    comment = {
        "comments-TOTAL_FORMS": "1",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "",
        "comments-0-DELETE": "",
        "comments-0-resolved": "",
        "comments-0-id": "",
        "comments-0-contentpath": "title",
        "comments-0-text": "Er titlen dækkende?",
        "comments-0-position": "",
        "comments-0-replies-TOTAL_FORMS": "0",
        "comments-0-replies-INITIAL_FORMS": "0",
        "comments-0-replies-MIN_NUM_FORMS": "0",
        "comments-0-replies-MAX_NUM_FORMS": "0",
    }

    response = post_as(client, approver, procedure, **comment)

    assert response.status_code == 302
    message = only_mail_to(editor)
    number = procedure.document_number
    edit_url = admin_url("wagtailadmin_pages:edit", procedure.pk)
    assert message.subject == f"Kommentarer til {number} Klager over støj fra Anne Holm"
    assert message.body == (
        "Hej Rasmus,\n\n"
        f"Anne Holm har opdateret kommentarerne til {number} Klager over støj.\n\n"
        "Nye kommentarer:\n"
        "- Er titlen dækkende?\n\n"
        f"Åbn i administrationen: {edit_url}\n\n"
        f"{PREFERENCES}{PREFERENCES_URL}"
    )
    html = html_part(message)
    assert "<li>Er titlen dækkende?</li>" in html
    assert f'<a href="{edit_url}">' in html
    assert_danish(message.subject, message.body, html)


def test_a_recipient_who_chose_english_gets_all_of_it_in_english(client, procedure, handbook_roles, html_mail):
    editor, approver = handbook_roles
    profile = UserProfile.get_for_user(approver)
    profile.preferred_language = "en"
    profile.save()

    submit(client, editor, procedure)

    message = only_mail_to(approver)
    number = procedure.document_number
    assert message.subject == f"For approval: {number} Klager over støj"
    assert message.body.startswith(
        f"Hi Anne,\n\nRasmus Nielsen has sent {number} Klager over støj for approval (Godkendelse ved enhedsleder)."
    )
    html = html_part(message)
    assert '<html lang="en"' in html
    assert "<p>Hi Anne,</p>" in html
    assert "Approve or request changes:" in html
    assert "Hej" not in html
    assert "Godkend eller bed om ændringer" not in html


def test_the_notification_preferences_the_mails_link_to_are_in_danish(client, handbook_roles):
    # Wagtail offers the submission preference to those who may publish: the administrators.
    administrator = UserFactory(username="admin", is_superuser=True)
    client.force_login(administrator)

    body = client.get(reverse("wagtailadmin_account")).content.decode()

    assert "Notifikationer" in body
    assert "Få en e-mail, når en side sendes til godkendelse" in body
    assert "Få en e-mail, når godkenderen beder om ændringer" in body
    assert "Receive notification" not in body
