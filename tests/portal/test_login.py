import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def employee(db):
    return UserFactory(username="medarbejder")


def post_login(client, username, password):
    return client.post("/login/", {"username": username, "password": password})


def test_correct_password_logs_in_and_goes_to_the_front_page(client, employee, site_tree):
    response = post_login(client, "medarbejder", "demo1234")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_wrong_password_gives_a_danish_message(client, employee):
    response = post_login(client, "medarbejder", "forkert")

    assert response.status_code == 200
    assert "Brugernavn eller adgangskode er forkert" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_empty_form_asks_for_both_fields_in_danish(client, db):
    response = post_login(client, "", "")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Skriv dit brugernavn." in body
    assert "Skriv din adgangskode." in body


def test_very_long_input_is_refused_with_a_message_not_an_error(client, employee):
    response = post_login(client, "m" * 10_000, "x" * 100_000)

    assert response.status_code == 200
    assert "150 tegn" in response.content.decode()


def test_hostile_input_is_shown_escaped(client, db):
    response = post_login(client, "<script>alert(1)</script>", "x")

    body = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_null_bytes_are_refused_with_a_message(client, db):
    response = post_login(client, "medarbejder\x00", "demo1234")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logout_ends_the_session(client, employee, site_tree):
    client.force_login(employee)

    response = client.post("/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/login/"
    assert client.get("/").status_code == 302


def test_a_reader_opening_the_admin_is_told_there_is_no_access_without_a_redirect_loop(client, employee, site_tree):
    client.force_login(employee)

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert [url for url, _status in response.redirect_chain] == ["/login/?next=/admin/"]
    body = response.content.decode()
    assert "Ingen adgang" in body
    assert "Du har ikke adgang til administrationen." in body


def test_a_logged_in_person_on_the_login_page_goes_to_the_front_page(client, employee, site_tree):
    client.force_login(employee)

    response = client.get("/login/")

    assert response.status_code == 302
    assert response["Location"] == "/"
