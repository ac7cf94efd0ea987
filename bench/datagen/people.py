"""The staff of a large department: users with Danish names in the portal's role groups and teams.

Shares as in the department: everyone is an employee (Medarbejdere) in one team; about one in sixteen is an
editor, one in thirty an approver (unit manager), a WorkSmarter group of eight (three in a small staff)
and two administrators. All share one password hash, computed once: hashing five hundred passwords would
take longer than the rest of the users together.
"""

import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from bench.datagen.site import TRANSLITERATION
from handbook import roles

DEFAULT_PASSWORD = "kvalitetsportal"  # noqa: S105 - documented password of generated benchmark users
EMAIL_DOMAIN = "kommune.example"

FIRST_NAMES = [
    "Mette", "Anne", "Hanne", "Susanne", "Lene", "Marianne", "Camilla", "Louise", "Charlotte", "Maria",
    "Pia", "Tina", "Helle", "Bente", "Signe", "Ida", "Sofie", "Julie", "Karen", "Kirsten",
    "Peter", "Jens", "Lars", "Michael", "Henrik", "Søren", "Thomas", "Jan", "Niels", "Rasmus",
    "Martin", "Anders", "Morten", "Jesper", "Mads", "Christian", "Kasper", "Ole", "Torben", "Frederik",
]  # fmt: skip
LAST_NAMES = [
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
    "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
    "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen", "Frederiksen", "Laursen", "Henriksen",
    "Lund", "Holm", "Schmidt", "Eriksen", "Kjær", "Vestergaard", "Østergaard", "Dahl", "Bech", "Nissen",
]  # fmt: skip


def role_counts(total):
    """How many of `total` people hold each role beyond employee: (editors, approvers, WorkSmarter, admins)."""
    quality = min(8, max(3, total // 60))
    return max(1, total // 16), max(1, total // 30), quality, min(2, max(1, total // 250))


@dataclass
class People:
    """The generated staff by role, to draw reporters, handlers, editors and approvers from."""

    rng: random.Random
    employees: list = field(default_factory=list)  # user ids, every one of them
    editors: list = field(default_factory=list)
    approvers: list = field(default_factory=list)
    quality: list = field(default_factory=list)

    def pick_employee(self):
        return self.rng.choice(self.employees)

    def pick_editor(self):
        return self.rng.choice(self.editors) if self.editors else None

    def pick_approver(self):
        return self.rng.choice(self.approvers) if self.approvers else None

    def pick_handler(self):
        """Mostly a WorkSmarter member; now and then the unit manager or editor the case was passed to."""
        if self.quality and self.rng.random() < 0.85:
            return self.rng.choice(self.quality)
        return self.rng.choice(self.approvers + self.editors or self.employees)


def _username(first, last, taken):
    base = f"{first}.{last}".lower().translate(TRANSLITERATION)
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}{number}"
    taken.add(name)
    return name


def create_users(count, teams, rng, password=DEFAULT_PASSWORD):
    """`count` new users in the role groups and teams; returns their ids by role."""
    User = get_user_model()
    taken = set(User.objects.values_list("username", flat=True))
    hashed = make_password(password)
    users = []
    for _ in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        username = _username(first, last, taken)
        users.append(
            User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@{EMAIL_DOMAIN}",
                password=hashed,
            )
        )
    users = User.objects.bulk_create(users, batch_size=500)
    return _join_groups(users, teams, rng)


def _join_groups(users, teams, rng):
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ROLE_DESCRIPTIONS}
    editors, approvers, quality, admins = role_counts(len(users))
    order = rng.sample(users, len(users))  # who holds a role is drawn, not the first names made
    by_role = {
        roles.EDITORS: order[:editors],
        roles.APPROVERS: order[editors : editors + approvers],
        roles.QUALITY_GROUP: order[editors + approvers : editors + approvers + quality],
        roles.ADMINISTRATORS: order[editors + approvers + quality : editors + approvers + quality + admins],
    }
    membership = get_user_model().groups.through
    rows = [membership(user_id=user.pk, group_id=groups[roles.EMPLOYEES].pk) for user in users]
    rows += [membership(user_id=user.pk, group_id=rng.choice(teams).pk) for user in users]
    for name, members in by_role.items():
        rows += [membership(user_id=user.pk, group_id=groups[name].pk) for user in members]
    membership.objects.bulk_create(rows, batch_size=1000)
    return by_role


def load_people(rng):
    """Everyone active, by role, as they stand in the database (generated or not)."""
    User = get_user_model()
    active = User.objects.filter(is_active=True)

    def members(name):
        return list(active.filter(groups__name=name).order_by("pk").values_list("pk", flat=True))

    return People(
        rng=rng,
        employees=list(active.order_by("pk").values_list("pk", flat=True)),
        editors=members(roles.EDITORS),
        approvers=members(roles.APPROVERS),
        quality=members(roles.QUALITY_GROUP),
    )
