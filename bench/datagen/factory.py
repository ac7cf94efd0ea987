"""Unsaved document pages with generated text, metadata, tags and attachments, drawn from one seeded random."""

import datetime

from bench.datagen.bodies import body
from bench.datagen.site import ascii_slug
from bench.datagen.text import Writer
from handbook.models import InstructionPage, PolicyPage, ProcedurePage

FIRST_VERSION_SUMMARY = "Første udgave."
# kind, page type, share of the documents
KINDS = [("policy", PolicyPage, 0.1), ("procedure", ProcedurePage, 0.55), ("instruction", InstructionPage, 0.35)]


class DocumentFactory:
    """Builds unsaved document pages for one run: text, metadata, tags and attachments, drawn from one seed."""

    def __init__(self, rng, teams, tags, attachments):
        self.rng = rng
        self.teams = teams
        self.tags = tags  # name -> Tag
        self.tag_names = sorted(tags)
        self.attachments = attachments  # [(Document, AttachmentSpec)]

    def kind(self):
        return self.rng.choices(KINDS, [weight for *_rest, weight in KINDS])[0]

    def build(self, section, theme, section_tags, kind, model, number):
        writer = Writer(self.rng, theme)
        title = writer.title(kind)
        effective = datetime.date(2023, 1, 1) + datetime.timedelta(days=self.rng.randrange(1000))
        page = model(
            title=title,
            draft_title=title,
            slug=f"{ascii_slug(title)[:80]}-{number.lower()}",  # the number keeps it unique below the section
            document_number=number,
            summary=writer.summary(),
            owner_team=self.rng.choice(self.teams) if self.rng.random() < 0.3 else section.owner_team,
            effective_date=effective,
            review_interval_months=self.rng.choice([12, 12, 24, 36]),
            body=body(writer, kind),
            attachments=self.attachment_blocks(),
            change_summary=FIRST_VERSION_SUMMARY,
            locale_id=section.locale_id,
            live=True,
            has_unpublished_changes=False,
        )
        page._generated_tags = self.pick_tags(section_tags)  # saved with the batch
        return page

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
