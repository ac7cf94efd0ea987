"""Generates the large data set of the benchmarks in one command:

    manage.py generate_data --documents 10000 --sections 30 --versions 4 --cases 50000 --users 500 [--seed 1]

Staff with Danish names in the role groups (bench.datagen.people), a handbook of documents with several
published versions each (generate_handbook, bench.datagen.history), and deviations and improvement proposals
in every state (bench.datagen.cases), on top of whatever the database holds: an empty one gets the front
page, handbook, reporting section, role groups and workflows first. It lives in ``portal`` because it wires
the apps together. Nothing is mailed.
"""

import random
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bench.datagen import cases as case_data
from bench.datagen import people as people_data
from bench.datagen import site
from bench.datagen.documents import refresh_statistics
from forms import demo as reporting_demo
from forms.models import Deviation, ImprovementProposal
from forms.roles import ensure_reporting_roles
from handbook import roles
from handbook.management.commands.generate_handbook import Command as GenerateHandbook
from handbook.models import ControlledDocumentPage, SectionPage
from home.models import HomePage
from search.roles import ensure_search_roles

CASE_BATCH_SIZE = 2_000
QUALITY_SECTION = "kvalitetsstyring"  # the generated section the WorkSmarter group may edit


class Command(BaseCommand):
    help = "Generates users, a handbook with version histories, and deviations and proposals for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=10_000, help="How many documents to add.")
        parser.add_argument("--sections", type=int, default=30, help="How many sections to spread them over.")
        parser.add_argument("--versions", type=int, default=4, help="Each document gets 1 to this many versions.")
        parser.add_argument("--cases", type=int, default=50_000, help="How many deviations and proposals to add.")
        parser.add_argument("--users", type=int, default=500, help="How many users to add.")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the random draw.")
        parser.add_argument(
            "--password",
            default=people_data.DEFAULT_PASSWORD,
            help=f"The password of every generated user (default: {people_data.DEFAULT_PASSWORD}).",
        )

    def handle(self, *args, documents, sections, versions, cases, users, seed, password, **options):
        if min(sections, versions) < 1 or min(documents, cases, users) < 0:
            raise CommandError("--sections and --versions must be at least 1; the counts cannot be negative.")
        self.started = time.perf_counter()
        with reporting_demo.mail_suppressed():
            self.prepare_site(sections)
            self.add_users(users, seed, password)
            people = people_data.load_people(random.Random(f"{seed}-people"))  # noqa: S311 - test data
            if cases and not people.employees:
                raise CommandError("Cases need reporters: add users (--users) first.")
            if documents:
                self.add_documents(documents, sections, versions, seed, people)
            if cases:
                self.add_cases(cases, seed, people)
        refresh_statistics()
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {self.elapsed()}: {len(people.employees)} users, "
                f"{ControlledDocumentPage.objects.live().count()} live documents, "
                f"{Deviation.objects.count()} deviations, {ImprovementProposal.objects.count()} proposals."
            )
        )

    def prepare_site(self, section_count):
        """The front page, handbook, sections, reporting section, role groups and workflows (what is missing)."""
        with transaction.atomic():
            handbook = site.ensure_handbook()
            site.ensure_sections(handbook, section_count, site.ensure_teams())
            quality_section = SectionPage.objects.child_of(handbook).filter(slug=QUALITY_SECTION).first()
            roles.ensure_roles(handbook, quality_section)
            reporting_demo.build_section(HomePage.objects.first())
            ensure_reporting_roles()  # after the section exists: its pages get their workflow and editors
            ensure_search_roles()
        self.progress("Site, sections, roles and reporting section ready")

    def add_users(self, count, seed, password):
        if not count:
            return
        rng = random.Random(f"{seed}-users-{self.user_count()}")  # noqa: S311 - test data
        with transaction.atomic():
            by_role = people_data.create_users(count, site.ensure_teams(), rng, password)
        shares = ", ".join(f"{len(members)} {name}" for name, members in by_role.items())
        self.progress(f"{count} users (all in {roles.EMPLOYEES}; {shares})")

    def add_documents(self, count, sections, versions, seed, people):
        # generate_handbook does the work; it writes its own progress lines.
        GenerateHandbook(stdout=self.stdout, stderr=self.stderr).handle(
            documents=count, sections=sections, versions=versions, seed=seed, people=people
        )

    def add_cases(self, count, seed, people):
        existing = Deviation.objects.count() + ImprovementProposal.objects.count()
        rng = random.Random(f"{seed}-cases-{existing}")  # noqa: S311 - test data
        factory = case_data.CaseFactory(rng, people, case_data.Handbook())
        moments = factory.received_moments(count)
        for start in range(0, count, CASE_BATCH_SIZE):
            case_data.create_batch(factory, moments[start : start + CASE_BATCH_SIZE])
            self.progress(f"  {min(start + CASE_BATCH_SIZE, count):>6} / {count} cases")

    @staticmethod
    def user_count():
        return get_user_model().objects.count()

    def progress(self, message):
        self.stdout.write(f"{message} ({self.elapsed()})")
        self.stdout.flush()

    def elapsed(self):
        return f"{time.perf_counter() - self.started:.1f} s"
