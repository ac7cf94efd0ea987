"""Builds the demo portal: the handbook from the department's own text, demo documents and demo users, and the
reporting section with a dozen deviations and proposals in every state.

Idempotent: what exists already (found by slug, title or user name) is left as it is. Nothing is mailed: the
demo cases change state like real ones, which queues mail, and the load sends it nowhere.
"""

import datetime
import json
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files import File
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from forms import demo as reporting_demo
from forms.roles import ensure_reporting_roles
from handbook import roles
from handbook.demo import documents as demo_documents
from handbook.demo import revisions as demo_revisions
from handbook.demo import seed as demo_seed
from handbook.models import (
    ControlledDocumentPage,
    DocumentVersion,
    HandbookIndexPage,
    InstructionPage,
    IsoClause,
    PolicyPage,
    ProcedurePage,
    SectionPage,
)
from home.models import HomePage
from search.roles import ensure_search_roles

DEMO_PASSWORD = "demo1234"  # noqa: S105 - documented demo password, refused when DEBUG is off
DEMO_USERS = [
    # user name, first name, last name, groups (roles first, then the team)
    ("medarbejder", "Mette", "Jensen", [roles.EMPLOYEES, "Team Miljø"]),
    ("redaktoer", "Rasmus", "Nielsen", [roles.EMPLOYEES, roles.EDITORS, "Team Miljø"]),
    ("fagperson", "Lars", "Berg", [roles.EMPLOYEES, roles.REVIEWERS, "Team Miljø"]),
    ("enhedsleder", "Anne", "Holm", [roles.EMPLOYEES, roles.APPROVERS]),
    ("worksmarter", "Søren", "Madsen", [roles.EMPLOYEES, roles.QUALITY_GROUP, "Team Natur"]),
    ("kvalitet", "Karen", "Dahl", [roles.EMPLOYEES, roles.QUALITY_GROUP, "Team Miljø"]),
    ("admin", "Ida", "Administrator", [roles.EMPLOYEES, roles.ADMINISTRATORS]),
]
FIRST_VERSION_SUMMARY = "Første udgave."
DOCUMENT_TYPES = {"policy": PolicyPage, "procedure": ProcedurePage, "instruction": InstructionPage}
DEMO_FILES = Path(demo_documents.__file__).resolve().parent / "files"


class Command(BaseCommand):
    help = "Loads the demo handbook and demo users (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-users",
            action="store_true",
            help="Create the demo users (password demo1234) even though DEBUG is off.",
        )

    def handle(self, *args, allow_demo_users=False, **options):
        # The mail queued for the commit goes out when the transaction ends, so that must happen inside.
        with reporting_demo.mail_suppressed(), transaction.atomic():
            if settings.DEBUG or allow_demo_users:
                users = self.create_users()
            else:
                self.stderr.write("DEBUG is off: demo users not created (use --allow-demo-users to create them).")
                users = {u.username: u for u in get_user_model().objects.filter(username__in=_usernames())}
            home = self.create_home_page()
            handbook = self.create_handbook(home)
            new_documents = self.create_sections(handbook, users)
            roles.ensure_roles(handbook, SectionPage.objects.child_of(handbook).order_by("path").first())
            self.join_groups(users)
            self.publish(new_documents, users)
            created = len(new_documents)
            if created:
                self.revise_documents(users)
            reporting_demo.build_section(home)
            ensure_reporting_roles()
            ensure_search_roles()
            cases = reporting_demo.build_cases()
        if cases is None:
            self.stderr.write("Demo cases not created: they need the demo users.")
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {created} documents and {cases or 0} cases created.")
        )

    def create_users(self):
        users = {}
        User = get_user_model()
        for username, first_name, last_name, _groups in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{username}@kommune.example",
                    "is_staff": username == "admin",
                    "is_superuser": username == "admin",
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            users[username] = user
        return users

    def join_groups(self, users):
        for username, _first, _last, group_names in DEMO_USERS:
            if username in users:
                users[username].groups.add(*[Group.objects.get_or_create(name=name)[0] for name in group_names])

    def create_home_page(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's initial "Welcome" page stands where the front page belongs.
            Page.objects.filter(
                depth=2, numchild=0, content_type__app_label="wagtailcore", content_type__model="page"
            ).delete()
            root.refresh_from_db()
            home = root.add_child(instance=HomePage(title="Forside", slug="forside"))
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True, site_name="Kvalitetsportalen"
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = "Kvalitetsportalen"
            site.save()
        return home

    def create_handbook(self, home):
        handbook = HandbookIndexPage.objects.first()
        if handbook is None:
            handbook = home.add_child(
                instance=HandbookIndexPage(
                    title="Kvalitetshåndbogen",
                    slug="kvalitetshaandbogen",
                    intro="<p>Afdelingens politikker, procedurer og instrukser for sagsbehandlingen på miljø- og "
                    "naturområdet, certificeret efter ISO 9001.</p>",
                )
            )
            handbook.save_revision().publish()
        return handbook

    def create_sections(self, handbook, users):
        seed_sections = demo_seed.seed_sections(demo_seed.read_seed())
        new_documents = []
        for number, section_data in enumerate(demo_documents.SECTIONS):
            section = self.get_or_create_section(handbook, section_data)
            specs = list(section_data["documents"])
            if number == 0:
                specs = [self.seed_policy_spec(policy, seed_sections) for policy in demo_seed.SEED_POLICIES] + specs
            for spec in specs:
                page = self.create_document(section, section_data, spec, users)
                if page is not None:
                    new_documents.append((page, spec))
        return new_documents

    def get_or_create_section(self, handbook, data):
        section = SectionPage.objects.child_of(handbook).filter(slug=data["slug"]).first()
        if section is None:
            section = handbook.add_child(
                instance=SectionPage(
                    title=data["title"],
                    slug=data["slug"],
                    intro=data.get("intro", ""),
                    owner_team=Group.objects.get_or_create(name=data["team"])[0],
                )
            )
            section.save_revision().publish()
        return section

    def seed_policy_spec(self, policy, seed_sections):
        return {**policy, "body": demo_seed.seed_policy_body(policy, seed_sections)}

    def create_document(self, section, section_data, spec, users):
        """Creates the document as a draft, or returns None when it exists already."""
        if Page.objects.child_of(section).filter(slug=spec["slug"]).exists():
            return None
        page_class = DOCUMENT_TYPES[spec["type"]]
        page = page_class(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec.get("summary", ""),
            live=False,
            owner_team=Group.objects.get_or_create(name=spec.get("team", section_data["team"]))[0],
            responsible_person=users.get(spec.get("responsible")),
            approver=users.get(spec.get("approver")),
            effective_date=datetime.date.fromisoformat(spec["effective_date"]),
            review_interval_months=spec.get("review_interval_months", 12),
            body=spec.get("body", []),
            legal_basis=[{"type": "law", "value": law} for law in spec.get("legal_basis", [])],
            attachments=[
                {
                    "type": "attachment",
                    "value": {"document": self.attachment(name).pk, "kind": "template", "description": ""},
                }
                for name in spec.get("attachments", [])
            ],
        )
        section.add_child(instance=page)
        page.tags.set(spec.get("tags", []))
        page.iso_clauses.set(IsoClause.objects.filter(number__in=spec.get("iso_clauses", [])))
        return page

    def attachment(self, filename):
        Document = get_document_model()
        title = demo_documents.ATTACHMENT_TITLES.get(filename, filename)
        document = Document.objects.filter(title=title).first()
        if document is None:
            with open(DEMO_FILES / filename, "rb") as handle:
                document = Document(title=title)
                document.file.save(filename, File(handle), save=False)
                document.save()
        return document

    def publish(self, new_documents, users):
        """Links related documents, then takes each new document through the approval workflow as version 1.0,
        dated its effective date: written by its responsible person, reviewed, approved by its approver."""
        by_slug = {page.slug: page for page in ControlledDocumentPage.objects.all()}
        for page, spec in new_documents:
            page.related_documents.set([by_slug[slug] for slug in spec.get("related", []) if slug in by_slug])
            page.change_summary = FIRST_VERSION_SUMMARY
            approver = page.approver or users.get("enhedsleder")
            author = page.responsible_person if page.responsible_person not in (None, approver) else None
            approve_through_workflow(page, author or users.get("redaktoer"), users.get("fagperson"), approver)
            backdate(page, page.effective_date)

    def revise_documents(self, users):
        """Takes the demo's later versions through the workflow and makes some reviews overdue."""
        for spec in demo_revisions.REVISIONS:
            page = ControlledDocumentPage.objects.get(slug=spec["slug"]).specific
            page.body = revised_body(page.body.raw_data, spec)
            page.change_summary = spec["change_summary"]
            page.is_significant_change = spec["significant"]
            page.effective_date = datetime.date.fromisoformat(spec["published"])
            approve_through_workflow(page, users.get("redaktoer"), users.get("fagperson"), users.get("enhedsleder"))
            backdate(page, datetime.date.fromisoformat(spec["published"]))
        for slug, review_date in demo_revisions.OVERDUE_REVIEWS:
            page = ControlledDocumentPage.objects.get(slug=slug)
            ControlledDocumentPage.objects.filter(pk=page.pk).update(next_review_date=review_date)
            revision = page.latest_revision
            revision.content["next_review_date"] = review_date
            revision.save(update_fields=["content"])


def approve_through_workflow(page, author, reviewer, approver):
    """Saves the page as ``author``'s revision and takes it through its workflow as an editor would: submitted,
    reviewed by ``reviewer``, approved by ``approver``, whose approval publishes it. Without the demo users (DEBUG
    off and no --allow-demo-users) it is published directly, as an administrator's script would."""
    revision = page.save_revision(user=author)
    workflow = page.get_workflow()
    if workflow is None or None in (author, reviewer, approver):
        revision.publish(skip_permission_checks=True)
        return
    state = workflow.start(page, author)
    for user in (reviewer, approver):
        state.refresh_from_db()
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, user, "approve")


def revised_body(raw_body, spec):
    """The body with the revision's text replacements and added steps."""
    text = json.dumps(list(raw_body), ensure_ascii=False)
    for old, new in spec.get("replace", []):
        text = text.replace(json.dumps(old, ensure_ascii=False)[1:-1], json.dumps(new, ensure_ascii=False)[1:-1])
    body = json.loads(text)
    steps_block = next((block for block in body if block["type"] == "steps"), None)
    if steps_block is not None:
        for step in spec.get("add_steps", []):
            steps_block["value"]["steps"].append({"type": "item", "value": step, "id": str(uuid.uuid4())})
    return body


def backdate(page, day):
    """Dates the page's latest publication and version to a day in the past, as if published then."""
    published = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))
    ControlledDocumentPage.objects.filter(pk=page.pk).update(last_published_at=published)
    ControlledDocumentPage.objects.filter(pk=page.pk, first_published_at__gt=published).update(
        first_published_at=published
    )
    latest = DocumentVersion.objects.filter(document_id=page.pk).order_by("-major", "-minor").first()
    DocumentVersion.objects.filter(pk=latest.pk).update(published_at=published)


def _usernames():
    return [username for username, *_rest in DEMO_USERS]
