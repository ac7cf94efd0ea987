"""The reporting demo: the “Indberetninger” section and a dozen cases, made and handled as the portal does it."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, Revision, WorkflowState

from forms.demo import BENEFIT, DISCOVERED, IMPACT
from forms.lifecycle import OPEN_STATES, Status
from forms.models import (
    CaseNumberCounter,
    Deviation,
    DeviationFormPage,
    ImprovementProposal,
    ProposalBoardPage,
    ProposalFormPage,
    ReportingIndexPage,
    StatusChange,
)
from handbook.models import DocumentVersion, SectionPage
from home.models import HomePage


def load_demo():
    call_command("load_demo", allow_demo_users=True, stdout=StringIO(), stderr=StringIO())


def all_cases():
    return [*Deviation.objects.order_by("received_at"), *ImprovementProposal.objects.order_by("received_at")]


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the class (it takes seconds) and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
class TestDemoContent:
    def test_the_reporting_section_is_live_under_the_front_page(self):
        index = ReportingIndexPage.objects.get()

        assert index.live and index.slug == "indberetninger"
        assert isinstance(index.get_parent().specific, HomePage)
        children = {page.slug: (type(page.specific), page.live) for page in index.get_children()}
        assert children == {
            "indberet-en-afvigelse": (DeviationFormPage, True),
            "foreslaa-en-forbedring": (ProposalFormPage, True),
            "forbedringsforslag": (ProposalBoardPage, True),
        }
        assert all(page.live_revision_id for page in [index, *index.get_children()])

    def test_the_forms_ask_their_extra_questions_and_notify_the_quality_group(self, client):
        deviation_form = DeviationFormPage.objects.get()
        proposal_form = ProposalFormPage.objects.get()

        assert [(f.label, f.field_type, f.required) for f in deviation_form.form_fields.all()] == [
            (DISCOVERED, "date", False),
            (IMPACT, "multiline", False),
        ]
        assert [(f.label, f.field_type) for f in proposal_form.form_fields.all()] == [(BENEFIT, "multiline")]
        assert deviation_form.to_address == ""  # the group's members are told of each new report
        assert "WorkSmarter-gruppen" in deviation_form.next_steps
        client.force_login(user("medarbejder"))
        page = client.get(deviation_form.url).content.decode()
        assert "En afvigelse er, når noget ikke går, som det skal" in page
        assert DISCOVERED in page and IMPACT in page

    def test_a_dozen_cases_cover_every_state_of_both_kinds(self):
        deviations, proposals = list(Deviation.objects.all()), list(ImprovementProposal.objects.all())

        assert len(deviations) + len(proposals) >= 12
        assert len(deviations) >= 6 and len(proposals) >= 4
        assert {case.status for case in deviations} == set(Status.values)
        assert {case.status for case in proposals} == set(Status.values)
        assert all(case.live and not case.has_unpublished_changes for case in all_cases())

    def test_exactly_one_case_is_anonymous_and_names_no_one_anywhere(self):
        anonymous = [case for case in all_cases() if case.reporter_id is None]

        assert len(anonymous) == 1
        case = anonymous[0]
        assert isinstance(case, Deviation) and case.anonymous
        assert Revision.objects.for_instance(case).order_by("created_at").first().user is None
        assert ModelLogEntry.objects.for_instance(case).get(action="wagtail.create").user is None

    def test_the_reporters_are_the_demo_staff(self):
        reporters = [case.reporter.username for case in all_cases() if case.reporter]

        assert set(reporters) <= {"medarbejder", "redaktoer", "enhedsleder", "worksmarter"}
        assert reporters.count("medarbejder") + reporters.count("redaktoer") >= len(reporters) - 2

    def test_closed_deviations_record_cause_action_and_effectiveness_check(self):
        closed = Deviation.objects.filter(status=Status.CLOSED)

        assert closed.exists()
        for case in closed:
            assert case.cause.strip() and case.action.strip() and case.effectiveness_check.strip(), case.reference
            assert case.closed_at is not None
        for case in [case for case in all_cases() if case.status == Status.REJECTED]:
            assert case.rejection_reason.strip(), case.reference

    def test_proposals_on_the_board_were_moderated_and_name_no_one(self):
        board = ImprovementProposal.objects.filter(live=True, on_board=True)
        names = {
            text
            for person in get_user_model().objects.all()
            for text in (person.username, person.first_name, person.last_name)
            if text
        }

        assert board.count() >= 2
        assert board.filter(status=Status.CLOSED).exclude(public_outcome="").exists()  # “vi gjorde”
        for proposal in board:
            public_text = " ".join([proposal.public_title, proposal.public_summary, proposal.public_outcome])
            assert proposal.public_title and proposal.public_summary, proposal.reference
            assert not [name for name in names if name in public_text], proposal.reference
            moderation = WorkflowState.objects.for_instance(proposal)
            assert moderation.filter(status=WorkflowState.STATUS_APPROVED).exists(), proposal.reference

    def test_each_handling_step_is_a_published_revision_by_the_quality_group(self):
        worksmarter = user("worksmarter")
        now = timezone.now()

        for case in all_cases():
            revisions = list(Revision.objects.for_instance(case).order_by("created_at", "pk"))
            first, steps = revisions[0], revisions[1:]
            assert first.user_id == case.reporter_id and first.content["status"] == Status.RECEIVED
            assert all(revision.user == worksmarter for revision in steps), case.reference
            assert revisions[-1].pk == case.live_revision_id
            statuses = [revision.content["status"] for revision in revisions]
            moves = [change.new_status for change in case.status_changes]
            assert [status for n, status in enumerate(statuses) if n == 0 or status != statuses[n - 1]] == [
                Status.RECEIVED,
                *moves,
            ], case.reference
            assert case.status == (moves[-1] if moves else Status.RECEIVED)
            logged = ModelLogEntry.objects.for_instance(case).filter(action="forms.status_change")
            assert [entry.data["new"] for entry in logged.order_by("timestamp", "pk")] == moves
            assert set(logged.values_list("user", flat=True)) <= {worksmarter.pk}
            dates = [revision.created_at for revision in revisions]
            assert dates == sorted(dates) and case.received_at == dates[0] and dates[-1] < now, case.reference

    def test_cases_are_handled_by_the_quality_group_or_the_unit_manager_and_one_is_overdue(self):
        handled = [case for case in all_cases() if case.status in (Status.IN_PROGRESS, Status.ACTION_TAKEN)]

        assert handled and all(case.handler and case.due_date for case in handled)
        assert {case.handler.username for case in all_cases() if case.handler} == {"worksmarter", "enhedsleder"}
        overdue = [case for case in all_cases() if case.is_overdue]
        assert [case.status for case in overdue] == [Status.IN_PROGRESS]

    def test_cases_name_handbook_documents_with_the_version_in_force_when_reported(self):
        with_document = [case for case in all_cases() if case.document_id]

        assert len(with_document) >= 8
        for case in with_document:
            in_force = DocumentVersion.objects.filter(document=case.document, published_at__lte=case.received_at)
            assert case.document_version == in_force.first().label, case.reference
            assert case.section == SectionPage.objects.ancestor_of(case.document).order_by("-depth").first()

    def test_received_dates_spread_over_the_last_months_in_reference_order(self):
        for model in (Deviation, ImprovementProposal):
            cases = list(model.objects.order_by("received_at"))
            assert [case.reference for case in cases] == sorted(case.reference for case in cases)
        received = sorted(case.received_at for case in all_cases())
        assert received[-1] < timezone.now()
        assert (received[-1] - received[0]).days >= 90

    def test_medarbejder_follows_their_open_cases_in_my_reports(self, client):
        medarbejder = user("medarbejder")
        own = [case for case in all_cases() if case.reporter_id == medarbejder.pk]
        anonymous = next(case for case in all_cases() if case.anonymous)

        assert {type(case) for case in own if case.status in OPEN_STATES} == {Deviation, ImprovementProposal}
        assert any(isinstance(case, Deviation) and case.status == Status.CLOSED for case in own)
        client.force_login(medarbejder)
        page = client.get(ReportingIndexPage.objects.get().url + "mine/").content.decode()
        assert all(case.reference in page for case in own)
        assert anonymous.reference not in page

    def test_running_it_again_changes_nothing(self):
        def snapshot():
            return {
                "cases": [(case.reference, case.status, case.latest_revision_id) for case in all_cases()],
                "pages": list(Page.objects.values_list("path", "live", "latest_revision_id").order_by("path")),
                "counters": list(CaseNumberCounter.objects.values_list("prefix", "year", "last_number")),
                "revisions": Revision.objects.count(),
                "log": ModelLogEntry.objects.count(),
                "moves": StatusChange.objects.count(),
                "moderation": WorkflowState.objects.count(),
            }

        before = snapshot()
        load_demo()

        assert snapshot() == before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_loading_the_demo_sends_no_mail(mailoutbox):
    """Its commit is real here, so the mail the cases' moves queued would go out unless the load stops it."""
    load_demo()

    assert StatusChange.objects.exists() and Deviation.objects.filter(reporter__email__contains="@").exists()
    assert mailoutbox == []
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"  # only for the load
