"""Unsaved document pages with generated text, metadata, tags and attachments, drawn from one seeded random."""

import datetime

from bench.datagen import history
from bench.datagen.bodies import body
from bench.datagen.site import ascii_slug
from bench.datagen.text import Writer
from handbook.models import InstructionPage, PolicyPage, ProcedurePage

FIRST_VERSION_SUMMARY = history.FIRST_VERSION_SUMMARY
# kind, page type, share of the documents
KINDS = [("policy", PolicyPage, 0.1), ("procedure", ProcedurePage, 0.55), ("instruction", InstructionPage, 0.35)]


class DocumentFactory:
    """Builds unsaved document pages for one run: text, metadata, tags and attachments, drawn from one seed."""

    def __init__(self, rng, teams, tags, attachments, max_versions=1, people=None):
        self.rng = rng
        self.teams = teams
        self.tags = tags  # name -> Tag
        self.tag_names = sorted(tags)
        self.attachments = attachments  # [(Document, AttachmentSpec)]
        self.max_versions = max_versions  # each document gets 1 to this many published versions
        self.people = people  # bench.datagen.people.People, or None: no responsible person or approver
        self.last_day = datetime.date.today() - datetime.timedelta(days=1)

    def kind(self):
        return self.rng.choices(KINDS, [weight for *_rest, weight in KINDS])[0]

    def build(self, section, theme, section_tags, kind, model, number):
        # Drawn in the order the single-version generator drew them, so a seed gives the same first versions.
        writer = Writer(self.rng, theme)
        title = writer.title(kind)
        first_published = datetime.date(2023, 1, 1) + datetime.timedelta(days=self.rng.randrange(1000))
        summary = writer.summary()
        owner_team = self.rng.choice(self.teams) if self.rng.random() < 0.3 else section.owner_team
        review_interval = self.rng.choice([12, 12, 24, 36])
        first_body = body(writer, kind)
        attachments = self.attachment_blocks()
        versions = self.plan_versions(writer, first_body, first_published)
        current = versions[-1]
        page = model(
            title=title,
            draft_title=title,
            slug=f"{ascii_slug(title)[:80]}-{number.lower()}",  # the number keeps it unique below the section
            document_number=number,
            summary=summary,
            owner_team=owner_team,
            effective_date=current.published,
            review_interval_months=review_interval,
            body=current.body,
            attachments=attachments,
            version_major=current.major,
            version_minor=current.minor,
            change_summary=current.summary,
            is_significant_change=current.significant,
            responsible_person_id=self.people.pick_editor() if self.people else None,
            approver_id=self.people.pick_approver() if self.people else None,
            locale_id=section.locale_id,
            live=True,
            has_unpublished_changes=False,
        )
        page._generated_tags = self.pick_tags(section_tags)  # saved with the batch
        page._versions = versions  # published with the batch, oldest first
        return page

    def plan_versions(self, writer, first_body, first_published):
        """The document's published versions, oldest first (1 to max_versions of them)."""
        first_published = min(first_published, self.last_day)
        count = self.rng.randint(1, self.max_versions) if self.max_versions > 1 else 1
        return history.plan(writer, first_body, first_published, count, self.last_day)

    def pick_tags(self, section_tags):
        """One or two of the section's usual tags and one to three of the others."""
        names = set(section_tags[: self.rng.randint(1, 2)])
        names |= set(self.rng.sample(self.tag_names, self.rng.randint(1, 3)))
        return [self.tags[name] for name in sorted(names)]

    def attachment_blocks(self):
        count = self.rng.choices([0, 1, 2], [0.5, 0.4, 0.1])[0]
        chosen = self.rng.sample(self.attachments, count)
        return [
            {"type": "attachment", "value": {"document": document.pk, "kind": spec.kind, "description": ""}}
            for document, spec in chosen
        ]
