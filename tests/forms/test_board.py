"""The proposals board “Forbedringsforslag”: moderated proposals for all staff, with their public text only."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forms.models import Deviation, ImprovementProposal
from tests.forms.factories import make_case, make_proposal

pytestmark = pytest.mark.django_db

INTERNAL = "Min leder, Bent, glemmer altid at tjekke listen."


def board_proposal(reporter=None, title="Tjekliste på tablet", **fields):
    """A proposal a moderator has put on the board with a public text of its own."""
    defaults = {
        "title": f"{title} (internt)",
        "description": INTERNAL,
        "on_board": True,
        "public_title": title,
        "public_summary": f"Forslag: {title.lower()} i marken.",
        "public_outcome": "",
    }
    defaults.update(fields)
    return make_proposal(reporter=reporter, **defaults)


def board_items(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(item.get_text(" ").split()) for item in soup.select(".board-item")]


def test_the_board_shows_the_public_text_state_and_date_only(reader_client, reporting, reader, colleague):
    proposal = board_proposal(
        reporter=colleague,
        public_outcome="Alle tilsynsførende har fået tjeklisten på tabletten.",
        answers=[{"label": "Hvor længe har det stået på?", "value": "Et halvt år"}],
    )

    response = reader_client.get(reporting.board.url)

    assert response.status_code == 200
    (item,) = board_items(response)
    assert item.startswith("Tjekliste på tablet Modtaget Foreslået")
    assert "I foreslog Forslag: tjekliste på tablet i marken." in item
    assert "Vi gjorde Alle tilsynsførende har fået tjeklisten på tabletten." in item
    page = response.content.decode()
    for private in (INTERNAL, "(internt)", "Karl", "Berg", colleague.username, "Et halvt år", proposal.reference):
        assert private not in page, private


def test_the_board_shows_only_published_proposals_put_on_it(reader_client, reporting, reader):
    board_proposal(title="På tavlen")
    make_proposal(reporter=reader, title="Ikke på tavlen", public_title="Ikke på tavlen", public_summary="Nej.")
    not_live = board_proposal(title="Ikke live")
    ImprovementProposal.objects.filter(pk=not_live.pk).update(live=False)
    drafted = make_proposal(reporter=reader, title="Kun i kladde")
    drafted.on_board, drafted.public_title, drafted.public_summary = True, "Kun i kladde", "Venter på moderation."
    drafted.save_revision()  # a moderator's draft: not published yet
    make_case(Deviation, reporter=reader, title="Afvigelse", description="Aldrig offentlig.")

    response = reader_client.get(reporting.board.url)

    assert [item.split(" Modtaget")[0] for item in board_items(response)] == ["På tavlen"]
    page = response.content.decode()
    assert "Kun i kladde" not in page and "Aldrig offentlig" not in page and "Ikke live" not in page

    drafted.save_revision().publish(skip_permission_checks=True)
    assert len(board_items(reader_client.get(reporting.board.url))) == 2


def test_the_board_filters_by_state_without_javascript(reader_client, reporting, quality_member):
    board_proposal(title="Modtaget forslag")
    taken = board_proposal(title="Forslag i gang")
    taken.handler, taken.due_date, taken.status = quality_member, datetime.date(2027, 1, 31), "in_progress"
    taken.save()

    filtered = reader_client.get(reporting.board.url, {"status": "in_progress"})
    nonsense = reader_client.get(reporting.board.url, {"status": "<script>"})

    assert [item.split(" Under behandling")[0] for item in board_items(filtered)] == ["Forslag i gang"]
    soup = BeautifulSoup(filtered.content, "html.parser")
    assert soup.select_one("select[name=status] option[selected]")["value"] == "in_progress"
    assert soup.select_one("form.board-filter")["method"] == "get"
    assert len(board_items(nonsense)) == 2  # an unknown state is no filter
    assert b"<script>" not in nonsense.content.split(b"<main")[1]


def test_the_board_comes_in_pages_of_twenty(reader_client, reporting):
    for number in range(23):
        board_proposal(title=f"Forslag {number:02d}")

    first = reader_client.get(reporting.board.url)
    second = reader_client.get(reporting.board.url, {"side": 2})
    beyond = reader_client.get(reporting.board.url, {"side": "99"})

    assert len(board_items(first)) == 20 and len(board_items(second)) == 3
    assert board_items(beyond) == board_items(second)  # a page past the end shows the last one
    soup = BeautifulSoup(first.content, "html.parser")
    assert soup.select_one("nav.pagination a.button-next")["href"] == "?side=2"
    assert "23 forslag" in soup.select_one(".board-count").get_text()


def test_the_board_takes_as_many_queries_for_30_proposals_as_for_3(reader_client, reporting):
    def queries():
        reader_client.get(reporting.board.url)
        with CaptureQueriesContext(connection) as captured:
            assert reader_client.get(reporting.board.url).status_code == 200
        return len(captured)

    for number in range(3):
        board_proposal(title=f"Forslag {number}")
    with_three = queries()
    for number in range(3, 30):
        board_proposal(title=f"Forslag {number}")
    with_thirty = queries()

    assert with_thirty == with_three
