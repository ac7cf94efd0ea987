"""Generates a large handbook for benchmarks: `manage.py generate_handbook --documents 10000`.

Documents of realistic Danish text, with tags, owner teams and Word/PDF attachments, published (with
`--versions N`, in 1 to N versions each) and indexed below the existing handbook in ~30 sections. A second
run adds more documents (different ones: the random draw is seeded by the seed and the number of documents
already there). The work is done by bench.datagen.
"""

import random
import time

from django.core.management.base import BaseCommand, CommandError

from bench.datagen import site
from bench.datagen.documents import create_batch, refresh_statistics
from bench.datagen.factory import DocumentFactory
from handbook.models import ControlledDocumentPage

BATCH_SIZE = 500


class Command(BaseCommand):
    help = "Generates a large handbook of published, indexed documents for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=10_000, help="How many documents to add.")
        parser.add_argument("--sections", type=int, default=30, help="How many sections to spread them over.")
        parser.add_argument(
            "--versions", type=int, default=1, help="Each document gets 1 to this many published versions."
        )
        parser.add_argument("--seed", type=int, default=1, help="Seed of the random text.")

    def handle(self, *args, documents=10_000, sections=30, versions=1, seed=1, people=None, **options):
        if documents < 1 or sections < 1 or versions < 1:
            raise CommandError("--documents, --sections and --versions must be at least 1.")
        started = time.perf_counter()
        existing = ControlledDocumentPage.objects.count()
        if existing:
            self.stdout.write(f"The handbook has {existing} documents already; adding {documents} more.")
        factory, section_list = self.prepare(sections, seed, existing, versions, people)
        self.stdout.write(f"Prepared {len(section_list)} sections and attachments in {self.elapsed(started)}.")
        self.generate(factory, section_list, documents, started)
        refresh_statistics()
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {documents} documents in {self.elapsed(started)}; "
                f"the handbook now has {ControlledDocumentPage.objects.live().count()} live documents."
            )
        )

    def prepare(self, section_count, seed, existing, max_versions=1, people=None):
        """The factory and sections; `people` (bench.datagen.people.People) gives documents a responsible
        person and an approver (generate_data passes them)."""
        handbook = site.ensure_handbook()
        teams = site.ensure_teams()
        section_list = site.ensure_sections(handbook, section_count, teams)
        rng = random.Random(f"{seed}-{existing}")  # noqa: S311 - text, not secrets
        tags = site.ensure_tags()
        factory = DocumentFactory(rng, teams, tags, site.ensure_attachments(seed), max_versions, people)
        return factory, section_list

    def generate(self, factory, section_list, total, started):
        done = 0
        while done < total:
            count = min(BATCH_SIZE, total - done)
            create_batch(factory, section_list, count)
            done += count
            rate = done / (time.perf_counter() - started)
            self.stdout.write(f"  {done:>6} / {total} documents  ({self.elapsed(started)}, {rate:.0f}/s)")
            self.stdout.flush()  # progress shows even when the output goes to a file

    @staticmethod
    def elapsed(started):
        return f"{time.perf_counter() - started:.1f} s"
