"""The lifecycle of a case, enforced by the model itself: every move, every refusal with its Danish message."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from forms.lifecycle import TRANSITIONS, Status
from forms.models import Deviation, ImprovementProposal
from tests.factories import UserFactory
from tests.forms.factories import make_case

MODELS = [Deviation, ImprovementProposal]
ALLOWED = [(old, new) for old, targets in TRANSITIONS.items() for new in sorted(targets)]
REFUSED = [(old, new) for old, new in itertools.permutations(Status, 2) if new not in TRANSITIONS[old]]

# The shortest way to each state, from received.
PATHS = {
    Status.RECEIVED: [],
    Status.IN_PROGRESS: [Status.IN_PROGRESS],
    Status.ACTION_TAKEN: [Status.IN_PROGRESS, Status.ACTION_TAKEN],
    Status.CLOSED: [Status.IN_PROGRESS, Status.ACTION_TAKEN, Status.CLOSED],
    Status.REJECTED: [Status.REJECTED],
}


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


@pytest.fixture
def handler(db):
    return UserFactory(username="sagsbehandler", first_name="Hanne", last_name="Dahl")


def fill_in(case, handler):
    """Everything any state asks for, as a WorkSmarter member would write it."""
    case.handler = handler
    case.due_date = datetime.date(2026, 12, 15)
    case.cause = "Skabelonen blev lavet før kravet om afgørelsesdato."
    case.action = "Feltet er tilføjet, og skabelonen er genudgivet."
    case.rejection_reason = "Forholdet er allerede rettet."
    if isinstance(case, Deviation):
        case.effectiveness_check = "Stikprøve af ti sager i januar: alle havde datoen."


def moved(case, status):
    case.status = status
    case.save()
    return case


def case_in(model, status, handler, reporter=None):
    case = make_case(model, reporter=reporter)
    fill_in(case, handler)
    case.save()
    for step in PATHS[status]:
        moved(case, step)
    return type(case).objects.get(pk=case.pk)


def refusal_of(case, status):
    """The messages, by field, with which saving ``case`` in ``status`` is refused; the database keeps the
    state it had."""
    stored = type(case).objects.get(pk=case.pk).status
    case.status = status
    with pytest.raises(ValidationError) as refused:
        case.save()
    assert type(case).objects.get(pk=case.pk).status == stored
    return refused.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@pytest.mark.parametrize(("old", "new"), ALLOWED, ids=lambda status: str(status))
def test_every_allowed_move_succeeds_when_its_requirements_are_met(model, old, new, handler):
    case = case_in(model, old, handler)
    changes_before = len(case.status_changes)

    moved(case, new)

    case = model.objects.get(pk=case.pk)
    assert case.status == new
    assert len(case.status_changes) == changes_before + 1
    assert (case.status_changes[-1].old_status, case.status_changes[-1].new_status) == (old, new)


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@pytest.mark.parametrize(("old", "new"), REFUSED, ids=lambda status: str(status))
def test_every_other_move_is_refused_with_its_message(model, old, new, handler):
    case = case_in(model, old, handler)
    changes_before = len(case.status_changes)

    errors = refusal_of(case, new)

    old_label, new_label = Status(old).label, Status(new).label
    if old in (Status.CLOSED, Status.REJECTED):
        expected = f"En sag, der er “{old_label}”, kan ikke ændres til “{new_label}”. Indberet en ny sag i stedet."
    else:
        expected = f"En sag kan ikke gå fra “{old_label}” til “{new_label}”."
    assert errors == {"status": [expected]}
    assert len(model.objects.get(pk=case.pk).status_changes) == changes_before


def test_the_states_are_named_in_danish():
    assert [str(status.label) for status in Status] == [
        "Modtaget",
        "Under behandling",
        "Handling iværksat",
        "Lukket",
        "Afvist",
    ]


@pytest.mark.django_db
def test_a_deviation_cannot_be_closed_without_corrective_action_and_effectiveness_check(handler):
    case = case_in(Deviation, Status.ACTION_TAKEN, handler)
    case.action = ""
    case.effectiveness_check = "  "

    assert refusal_of(case, Status.CLOSED) == {
        "action": ["En afvigelse kan ikke lukkes uden en korrigerende handling."],
        "effectiveness_check": ["En afvigelse kan ikke lukkes uden en effektivitetsvurdering."],
    }


@pytest.mark.django_db
def test_a_deviation_cannot_be_closed_without_effectiveness_check_alone(handler):
    case = case_in(Deviation, Status.ACTION_TAKEN, handler)
    case.effectiveness_check = ""

    assert refusal_of(case, Status.CLOSED) == {
        "effectiveness_check": ["En afvigelse kan ikke lukkes uden en effektivitetsvurdering."]
    }


@pytest.mark.django_db
def test_a_proposal_needs_no_effectiveness_check_to_close(handler):
    case = case_in(ImprovementProposal, Status.ACTION_TAKEN, handler)
    moved(case, Status.CLOSED)
    assert ImprovementProposal.objects.get(pk=case.pk).status == Status.CLOSED


@pytest.mark.django_db
def test_action_taken_on_a_deviation_needs_cause_and_action(handler):
    case = case_in(Deviation, Status.IN_PROGRESS, handler)
    case.cause = case.action = ""

    assert refusal_of(case, Status.ACTION_TAKEN) == {
        "cause": ["Beskriv årsagen til afvigelsen."],
        "action": ["Beskriv korrektionen eller den korrigerende handling."],
    }


@pytest.mark.django_db
def test_action_taken_on_a_proposal_needs_what_was_done(handler):
    case = case_in(ImprovementProposal, Status.IN_PROGRESS, handler)
    case.action = ""

    assert refusal_of(case, Status.ACTION_TAKEN) == {"action": ["Beskriv, hvad der blev gjort med forslaget."]}


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_a_rejection_needs_a_reason(model, handler):
    case = make_case(model)
    case.rejection_reason = "   "

    assert refusal_of(case, Status.REJECTED) == {"rejection_reason": ["Skriv begrundelsen for at afvise sagen."]}


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_in_progress_needs_a_handler_and_a_due_date(model, handler):
    case = make_case(model)

    assert refusal_of(case, Status.IN_PROGRESS) == {
        "handler": ["Vælg, hvem der behandler sagen."],
        "due_date": ["Sæt en frist for sagen."],
    }
    case.handler = handler
    assert refusal_of(case, Status.IN_PROGRESS) == {"due_date": ["Sæt en frist for sagen."]}


@pytest.mark.django_db
def test_what_a_state_requires_cannot_be_emptied_afterwards(handler):
    case = case_in(Deviation, Status.CLOSED, handler)
    case.effectiveness_check = ""
    assert refusal_of(case, Status.CLOSED) == {
        "effectiveness_check": ["En afvigelse kan ikke lukkes uden en effektivitetsvurdering."]
    }
    case = case_in(ImprovementProposal, Status.IN_PROGRESS, handler)
    case.handler = None
    assert refusal_of(case, Status.IN_PROGRESS) == {"handler": ["Vælg, hvem der behandler sagen."]}


@pytest.mark.django_db
def test_a_new_case_starts_as_received():
    case = Deviation(reference="AFV-2026-0099", title="Forkert start", description="…", status=Status.CLOSED)
    with pytest.raises(ValidationError) as refused:
        case.save()
    assert refused.value.message_dict == {"status": ["En ny sag starter som modtaget."]}
    assert not Deviation.objects.exists()


@pytest.mark.django_db
def test_the_rules_apply_through_partial_saves_too(handler):
    case = make_case(Deviation)
    case.status = Status.CLOSED
    with pytest.raises(ValidationError):
        case.save(update_fields=["status"])
    assert Deviation.objects.get(pk=case.pk).status == Status.RECEIVED

    fill_in(case, handler)
    case.status = Status.IN_PROGRESS
    case.save(update_fields=["status", "handler", "due_date"])
    case = Deviation.objects.get(pk=case.pk)
    assert case.status == Status.IN_PROGRESS and case.status_changed_at is not None


@pytest.mark.django_db
def test_the_model_form_check_gives_the_same_messages(handler):
    """The admin's edit form runs the model's clean(): the same rules, before anything is saved."""
    case = case_in(Deviation, Status.ACTION_TAKEN, handler)
    case.status = Status.CLOSED
    case.effectiveness_check = ""
    with pytest.raises(ValidationError) as refused:
        case.full_clean()
    assert refused.value.message_dict["effectiveness_check"] == [
        "En afvigelse kan ikke lukkes uden en effektivitetsvurdering."
    ]
    case.status = Status.RECEIVED
    with pytest.raises(ValidationError) as refused:
        case.full_clean()
    assert refused.value.message_dict["status"] == ["En sag kan ikke gå fra “Handling iværksat” til “Modtaget”."]


# What a change sets and sends


@pytest.mark.django_db
def test_closing_sets_closed_at_and_records_every_step(handler):
    case = case_in(Deviation, Status.ACTION_TAKEN, handler)
    assert case.closed_at is None

    moved(case, Status.CLOSED)

    case = Deviation.objects.get(pk=case.pk)
    assert case.closed_at is not None and case.closed_at == case.status_changed_at
    assert [(change.old_status, change.new_status) for change in case.status_changes] == [
        (Status.RECEIVED, Status.IN_PROGRESS),
        (Status.IN_PROGRESS, Status.ACTION_TAKEN),
        (Status.ACTION_TAKEN, Status.CLOSED),
    ]


@pytest.mark.django_db
def test_a_rejected_case_is_closed_too(handler):
    case = case_in(ImprovementProposal, Status.REJECTED, handler)
    assert case.closed_at is not None


@pytest.mark.django_db
def test_saving_without_a_change_of_state_records_none(handler):
    case = case_in(Deviation, Status.IN_PROGRESS, handler)
    case.cause = "Ny viden om årsagen."
    case.save()
    assert len(Deviation.objects.get(pk=case.pk).status_changes) == 1


@pytest.mark.django_db
def test_a_change_of_state_mails_the_reporter(reader, handler, mailoutbox, django_capture_on_commit_callbacks):
    case = make_case(Deviation, reporter=reader)
    fill_in(case, handler)

    with django_capture_on_commit_callbacks(execute=True):
        moved(case, Status.IN_PROGRESS)

    to_reporter = [message for message in mailoutbox if message.to == [reader.email]]
    assert len(to_reporter) == 1
    assert to_reporter[0].subject == f"{case.reference} er nu: Under behandling"


@pytest.mark.django_db
def test_an_anonymous_reporter_gets_no_mail(handler, mailoutbox, django_capture_on_commit_callbacks):
    case = make_case(Deviation, reporter=None)
    fill_in(case, handler)

    with django_capture_on_commit_callbacks(execute=True):
        moved(case, Status.IN_PROGRESS)

    assert [message.to for message in mailoutbox] == [[handler.email]]  # only the handler's


@pytest.mark.django_db
def test_assigning_a_handler_mails_the_handler_once(reader, handler, mailoutbox, django_capture_on_commit_callbacks):
    case = make_case(Deviation, reporter=reader)

    with django_capture_on_commit_callbacks(execute=True):
        case.handler = handler
        case.save()
        case.cause = "Fundet ved gennemgang."
        case.save()

    to_handler = [message for message in mailoutbox if message.to == [handler.email]]
    assert len(to_handler) == 1
    assert to_handler[0].subject == f"Du behandler {case.reference}"
    assert not [message for message in mailoutbox if message.to == [reader.email]]  # no change of state
