"""The case editor's autosave in a real browser: after a refused step it still posts to the editor, never 500.

Wagtail's autosave posts the form to ``form.action``; a form field named “action” once took that property's place,
so the post went to ``…/edit/<id>/[object HTMLTextAreaElement]`` and failed with a server error.
"""

from django.urls import reverse
from playwright.sync_api import expect

from forms.lifecycle import Status
from forms.models import Deviation
from tests.e2e.test_document_control import log_in


def is_autosave(response, edit_path):
    request = response.request
    return (
        request.method == "POST" and request.headers.get("accept") == "application/json" and (edit_path in request.url)
    )


def test_autosave_after_a_refused_step_posts_to_the_editor(browser, demo_site):
    case = Deviation.objects.filter(status=Status.RECEIVED).order_by("pk").first()
    edit_path = reverse(Deviation.snippet_viewset.get_url_name("edit"), args=[case.pk])
    handler = log_in(browser, demo_site.url, "worksmarter")
    failures = []
    handler.on("response", lambda response: response.status >= 500 and failures.append(response.url))

    handler.goto(demo_site.url + edit_path)
    main_button = handler.locator("footer button[name='action-publish']")
    expect(main_button).to_have_text("Gem og vis for indberetter")
    handler.locator("#id_status").select_option(label="Under behandling")  # without a handler: refused
    # After the refusal Wagtail's autosave posts the form as it stands (once, as the page loads, and on edits).
    with handler.expect_response(lambda response: is_autosave(response, edit_path), timeout=20_000) as answer:
        main_button.click()
        expect(handler.locator(".messages")).to_contain_text("kunne ikke gemmes")
        handler.locator("#id_cause").fill("Adressen i anmeldelsen var forkert.")
    autosaved = answer.value
    assert autosaved.request.url == demo_site.url + edit_path
    assert autosaved.status in (200, 400)  # saved, or Wagtail's own “validation_error” answer: never a 500
    assert autosaved.json()["success"] or autosaved.json()["error_code"] == "validation_error"
    form_action = handler.locator("form[data-edit-form]").get_attribute("action")
    assert form_action == edit_path
    assert handler.evaluate("document.querySelector('form[data-edit-form]').action") == demo_site.url + edit_path

    # A fresh editor: the change to the correction is kept as a draft by autosave alone.
    handler.goto(demo_site.url + edit_path)
    handler.wait_for_timeout(2500)  # Wagtail takes the form's starting point 2 s after load; edits count after it
    with handler.expect_response(lambda response: is_autosave(response, edit_path), timeout=20_000) as answer:
        handler.locator("#id_handling_action").fill("Matrikelnummeret holdes op mod kortet ved journalisering.")
    assert answer.value.status == 200 and answer.value.json()["success"] is True
    draft = Deviation.objects.get(pk=case.pk).get_latest_revision_as_object()
    assert draft.action == "Matrikelnummeret holdes op mod kortet ved journalisering."
    assert Deviation.objects.get(pk=case.pk).action == ""  # not shown to the reporter until saved and shown

    assert failures == []
    handler.context.close()
