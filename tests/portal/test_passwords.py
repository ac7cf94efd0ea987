"""Passwords are validated wherever they are set: the admin's user form (new user and edit) and the person's own
password change in the admin's account page. Each weak kind is refused with a Danish message."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STRONG = "Grøn-Kvalitet-2026!"

# A weak password and the Danish message Django's validators give for it (AUTH_PASSWORD_VALIDATORS).
WEAK = [
    pytest.param("demo1234", "Denne adgangskode er for kort. Den skal indeholde mindst 12 tegn.", id="demo-password"),
    pytest.param("Kx9!aB", "Denne adgangskode er for kort.", id="too-short"),
    pytest.param("qwerty123456", "Denne adgangskode er for almindelig.", id="common"),
    pytest.param("845209713364", "Denne adgangskode er udelukkende numerisk.", id="numeric"),
    pytest.param("medarbejder1", "Din adgangskode minder for meget om din/dit brugernavn.", id="like-the-user-name"),
]


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.fixture
def administrator(db):
    client = Client()
    client.force_login(UserFactory(username="admin", is_superuser=True))
    return client


def new_user_data(password):
    return {
        "username": "medarbejder",
        "email": "medarbejder@kommune.example",
        "first_name": "Mette",
        "last_name": "Jensen",
        "password1": password,
        "password2": password,
    }


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_the_admin_user_form_refuses_a_weak_password_for_a_new_user(administrator, password, message):
    response = administrator.post("/admin/users/new/", new_user_data(password))

    assert response.status_code == 200
    assert message in text_of(response)
    assert not get_user_model().objects.filter(username="medarbejder").exists()


def test_the_admin_user_form_takes_a_strong_password(administrator):
    response = administrator.post("/admin/users/new/", new_user_data(STRONG))

    assert response.status_code == 302
    assert get_user_model().objects.get(username="medarbejder").check_password(STRONG)


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_the_admin_user_form_refuses_a_weak_password_for_an_existing_user(administrator, password, message):
    user = UserFactory(username="medarbejder", email="medarbejder@kommune.example")
    data = {**new_user_data(password), "is_active": "on"}

    response = administrator.post(f"/admin/users/edit/{user.pk}/", data)

    assert response.status_code == 200
    assert message in text_of(response)
    user.refresh_from_db()
    assert user.check_password("demo1234")


def change_own_password(client, old, new):
    """The account page saves all its panels at once: the others are sent as they stand."""
    unchanged = {
        "name_email-first_name": "Mette",
        "name_email-last_name": "Jensen",
        "name_email-email": "medarbejder@kommune.example",
        "theme-theme": "system",
        "theme-contrast": "system",
        "theme-density": "default",
    }
    password = {"password-old_password": old, "password-new_password1": new, "password-new_password2": new}
    return client.post("/admin/account/", {**unchanged, **password})


@pytest.fixture
def editor(db):
    user = UserFactory(username="medarbejder")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return user


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_changing_ones_own_password_refuses_a_weak_one(editor, password, message):
    client = Client()
    client.force_login(editor)

    response = change_own_password(client, "demo1234", password)

    assert response.status_code == 200
    assert message in text_of(response)
    editor.refresh_from_db()
    assert editor.check_password("demo1234")


def test_changing_ones_own_password_takes_a_strong_one(editor):
    client = Client()
    client.force_login(editor)

    response = change_own_password(client, "demo1234", STRONG)

    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(STRONG)
