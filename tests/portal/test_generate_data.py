"""The large-data generator (manage.py generate_data) at a small size: 30 documents with up to 4 versions, 300
deviations and proposals, 60 users. Built once for the module; nothing is timed."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from wagtail.models import Page

from bench.datagen.people import DEFAULT_PASSWORD
from forms.demo import BENEFIT, DISCOVERED, IMPACT
from forms.lifecycle import FINAL_STATES, Status, refusal
from forms.models import Deviation, ImprovementProposal, ReportingIndexPage, StatusChange
from handbook import roles
from handbook.models import ControlledDocumentPage, DocumentVersion, SectionPage

pytestmark = pytest.mark.django_db
REFERENCE = re.compile(r"^(AFV|FOR)-(\d{4})-(\d{4,})$")


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """Generated once for the module, inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = StringIO()
        call_command("generate_data", documents=30, sections=3, versions=4, cases=300, users=60, seed=3, stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


def all_cases():
    return [*Deviation.objects.all(), *ImprovementProposal.objects.all()]


# Users ------------------------------------------------------------------------------------------------------


def test_users_have_danish_names_are_all_employees_and_some_hold_each_role(generated):
    users = get_user_model().objects.all()
    employees = users.filter(groups__name=roles.EMPLOYEES)

    assert users.count() == 60
    assert employees.count() == 60
    assert all(user.first_name and user.last_name and user.email for user in users)
    assert users.filter(last_name__in=["Jensen", "Nielsen", "Hansen", "Sørensen", "Møller"]).exists()
    assert users.filter(groups__name__startswith="Team ").distinct().count() == 60
    assert users.filter(groups__name=roles.QUALITY_GROUP).count() == 3
    assert users.filter(groups__name=roles.EDITORS).count() == 3
    assert users.filter(groups__name=roles.APPROVERS).count() == 2
    assert users.filter(groups__name=roles.ADMINISTRATORS).count() == 1


def test_generated_users_share_one_usable_password(generated):
    users = list(get_user_model().objects.all())

    assert len({user.password for user in users}) == 1
    assert users[0].check_password(DEFAULT_PASSWORD)
    assert not users[0].check_password("demo1234")


# Documents and their versions -------------------------------------------------------------------------------


def test_documents_have_one_to_four_versions_numbered_as_the_handbook_numbers_them(generated):
    documents = ControlledDocumentPage.objects.all()
    counts = set()
    for document in documents:
        versions = list(document.versions.order_by("published_at"))
        counts.add(len(versions))
        assert (versions[0].major, versions[0].minor) == (1, 0)
        assert all(version.change_summary and version.approved_by_id for version in versions)
        for previous, version in zip(versions, versions[1:], strict=False):
            bumped = (previous.major + 1, 0) if version.is_significant else (previous.major, previous.minor + 1)
            assert (version.major, version.minor) == bumped
            assert version.published_at > previous.published_at
        assert document.version == versions[-1].label
        assert document.live_revision_id == document.latest_revision_id == versions[-1].revision_id
    assert documents.count() == 30
    assert counts - {1, 2, 3, 4} == set()
    assert len(counts) > 1  # several documents have a history


def test_each_versions_revision_holds_the_page_as_published_then(generated):
    for version in DocumentVersion.objects.select_related("revision"):
        content = version.revision.content
        assert (content["version_major"], content["version_minor"]) == (version.major, version.minor)
        assert content["change_summary"] == version.change_summary
        assert content["effective_date"] == version.effective_date.isoformat()
    assert Page.find_problems() == ([], [], [], [], [])


def test_the_reader_sees_the_history_an_old_version_and_what_changed(generated, client):
    document = next(
        document
        for document in ControlledDocumentPage.objects.order_by("pk")
        if document.versions.count() >= 3 and not document.versions.filter(is_significant=True).exists()
    )
    oldest = document.versions.order_by("published_at").first()
    client.force_login(get_user_model().objects.filter(groups__name=roles.EMPLOYEES).first())

    history = client.get(f"{document.url}versioner/")
    old = client.get(f"{document.url}versioner/1-0/")
    compared = client.get(f"{document.url}sammenlign/?fra=1.0&til={document.version}")

    assert history.status_code == old.status_code == compared.status_code == 200
    for version in document.versions.all():
        assert version.change_summary.split("«")[0].strip() in history.text
    assert oldest.change_summary in old.text
    assert "<ins" in compared.text or "<del" in compared.text


# Deviations and proposals -----------------------------------------------------------------------------------


def test_cases_have_unique_running_references_per_type_and_year(generated):
    cases = all_cases()
    by_series = {}
    for case in cases:
        prefix, year, number = REFERENCE.match(case.reference).groups()
        assert int(year) == case.received_at.year
        by_series.setdefault((prefix, year), []).append(int(number))
    assert len(cases) == 300
    assert {prefix for prefix, _year in by_series} == {"AFV", "FOR"}
    for numbers in by_series.values():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))


def test_cases_stand_in_every_state_with_what_that_state_requires(generated):
    cases = all_cases()

    assert {case.status for case in cases} == set(Status.values)
    for case in cases:
        assert refusal(case, case.status, case.status) == {}, case.reference
        assert (case.closed_at is not None) == (case.status in FINAL_STATES)
        assert case.live and case.live_revision_id == case.latest_revision_id is not None


def test_the_timeline_leads_from_received_to_the_cases_state(generated):
    for case in all_cases():
        moves = list(StatusChange.objects.filter(object_id=case.pk, content_type__model=case._meta.model_name))
        moves.sort(key=lambda move: move.changed_at)
        if case.status == Status.RECEIVED:
            assert moves == []
            continue
        assert moves[0].old_status == Status.RECEIVED
        assert moves[-1].new_status == case.status
        assert all(a.new_status == b.old_status for a, b in zip(moves, moves[1:], strict=False))


def test_reporters_answers_documents_and_the_board_look_like_real_submissions(generated):
    deviations, proposals = list(Deviation.objects.all()), list(ImprovementProposal.objects.all())
    cases = deviations + proposals

    assert any(case.anonymous and case.reporter_id is None for case in cases)
    assert all(case.reporter_id is not None for case in cases if not case.anonymous)
    assert all([answer["label"] for answer in case.answers] == [DISCOVERED, IMPACT] for case in deviations)
    assert all([answer["label"] for answer in case.answers] == [BENEFIT] for case in proposals)
    assert re.match(r"^\d{1,2}\. \w+ \d{4}$", deviations[0].answers[0]["value"])  # a Danish date
    with_document = [case for case in cases if case.document_id]
    assert with_document
    for case in with_document:
        labels = {version.label for version in DocumentVersion.objects.filter(document_id=case.document_id)}
        assert case.document_version in labels
        assert case.section_id == SectionPage.objects.ancestor_of(case.document).last().pk
    assert any(case.handler_id and case.status == Status.RECEIVED for case in cases)
    on_board = [case for case in proposals if case.on_board]
    assert on_board and all(case.public_title and case.public_summary for case in on_board)


def test_the_reporter_finds_their_reports_and_the_quality_group_the_cases(generated, client):
    case = Deviation.objects.exclude(reporter=None).order_by("pk").first()
    client.force_login(case.reporter)
    index = ReportingIndexPage.objects.get()

    mine = client.get(f"{index.url}mine/")
    client.force_login(get_user_model().objects.filter(groups__name=roles.QUALITY_GROUP).first())
    listing = client.get("/admin/snippets/forms/deviation/")

    assert mine.status_code == listing.status_code == 200
    assert case.reference in mine.text
    assert Deviation.objects.order_by("-received_at").first().reference in listing.text


def test_the_command_reports_what_it_made(generated):
    assert "60 users (all in Medarbejdere; 3 Redaktører, 2 Godkendere, 3 WorkSmarter-gruppen" in generated
    assert re.search(r"Done in [\d.]+ s: 60 users, 30 live documents, \d+ deviations, \d+ proposals", generated)


def test_a_second_run_adds_to_the_data_and_continues_the_references(generated):
    before = {prefix: model.objects.count() for prefix, model in (("AFV", Deviation), ("FOR", ImprovementProposal))}

    call_command("generate_data", documents=2, sections=3, versions=2, cases=20, users=2, stdout=StringIO())

    assert get_user_model().objects.count() == 62
    assert ControlledDocumentPage.objects.live().count() == 32
    assert len(all_cases()) == 320
    assert len({case.reference for case in all_cases()}) == 320
    assert sum(model.objects.count() for model in (Deviation, ImprovementProposal)) - sum(before.values()) == 20
    assert Page.find_problems() == ([], [], [], [], [])


def test_negative_counts_are_refused(generated):
    with pytest.raises(CommandError):
        call_command("generate_data", documents=0, cases=0, users=-1, stdout=StringIO())
