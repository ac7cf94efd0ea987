"""The portal's roles in one command: the handbook's groups and workflow, the quality group's rights on cases, and
who may pin recommended search results.

It lives in ``portal`` because it wires the apps together: ``handbook`` (the core) knows nothing of the others.
"""

from django.core.management.base import BaseCommand, CommandError

from forms.roles import MODERATION_WORKFLOW_NAME, ensure_reporting_roles
from handbook.models import HandbookIndexPage, SectionPage
from handbook.roles import ROLE_DESCRIPTIONS, WORKFLOW_NAME, ensure_roles
from search.roles import ensure_search_roles


class Command(BaseCommand):
    help = (
        "Creates the role groups, their permissions on the handbook, on deviations and proposals and on recommended "
        "search results, the approval workflow and the moderation of proposals (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quality-section",
            default="faelles",
            help="Slug of the section the WorkSmarter group may edit (default: faelles).",
        )

    def handle(self, *args, quality_section="faelles", **options):
        handbook = HandbookIndexPage.objects.first()
        if handbook is None:
            raise CommandError("Create the handbook page (Kvalitetshåndbogen) first.")
        section = SectionPage.objects.child_of(handbook).filter(slug=quality_section).first()
        groups = ensure_roles(handbook, section)
        ensure_reporting_roles()
        ensure_search_roles()
        for name in groups:
            self.stdout.write(f"{name}: {ROLE_DESCRIPTIONS[name]}")
        self.stdout.write(self.style.SUCCESS(f"Workflow «{WORKFLOW_NAME}» applies to {handbook.title}."))
        self.stdout.write(
            self.style.SUCCESS(f"Workflow «{MODERATION_WORKFLOW_NAME}» applies to improvement proposals.")
        )
