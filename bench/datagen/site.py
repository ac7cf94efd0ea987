"""What the generated documents hang on: the handbook, its sections, owner teams, tags and attachments.

Everything is found again by name on a second run, so the generator adds to a handbook rather than
building a second one beside it.
"""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.documents import get_document_model

from bench.datagen import vocabulary as v
from bench.datagen.files import ATTACHMENTS, file_bytes
from handbook.attachment_text import document_text
from handbook.models import HandbookIndexPage, SectionPage

TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def ascii_slug(text):
    """'Støj og luft' -> 'stoej-og-luft', as the demo spells its slugs."""
    return slugify(text.translate(TRANSLITERATION))


def ensure_handbook():
    """The handbook index page, with the front page and default site made first if the database is empty."""
    handbook = HandbookIndexPage.objects.first()
    if handbook is not None:
        return handbook
    # The demo loader knows how the front page and handbook are set up; reuse it rather than repeat it.
    from home.management.commands.load_demo import Command as LoadDemo

    loader = LoadDemo()
    return loader.create_handbook(loader.create_home_page())


def section_specs(count):
    """`count` sections: the vocabulary's areas, numbered again once they run out."""
    specs = []
    for number in range(count):
        title, theme, tags = v.SECTIONS[number % len(v.SECTIONS)]
        if number >= len(v.SECTIONS):
            title = f"{title} {number // len(v.SECTIONS) + 1}"
        specs.append((title, theme, tags))
    return specs


def ensure_sections(handbook, count, teams):
    """[(section, theme nouns, usual tag names)], creating the sections the handbook lacks."""
    result = []
    for number, (title, theme, tags) in enumerate(section_specs(count)):
        slug = ascii_slug(title)
        section = SectionPage.objects.child_of(handbook).filter(slug=slug).first()
        if section is None:
            handbook.refresh_from_db()  # add_child needs the parent's current child count
            section = handbook.add_child(
                instance=SectionPage(
                    title=title,
                    slug=slug,
                    intro=f"<p>Procedurer og instrukser for området {title.lower()}.</p>",
                    owner_team=teams[number % len(teams)],
                )
            )
            section.save_revision().publish()
        result.append((section, theme, tags))
    return result


def ensure_teams():
    return [Group.objects.get_or_create(name=name)[0] for name in v.TEAMS]


def ensure_tags():
    """The fixed tag set as taggit Tags, by name."""
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=v.TAGS)}
    for name in v.TAGS:
        if name not in existing:
            existing[name] = Tag.objects.create(name=name)  # taggit makes the slug, as for tags editors add
    return existing


def ensure_attachments(seed=1):
    """[(Wagtail document, spec)]: each file uploaded once, its text extracted once for the index to reuse."""
    Document = get_document_model()
    result = []
    for spec in ATTACHMENTS:
        document = Document.objects.filter(title=spec.title).first()
        if document is None:
            document = Document(title=spec.title)
            document.file.save(spec.filename, ContentFile(file_bytes(spec, seed)), save=False)
            document.save()
        document_text(document)
        result.append((document, spec))
    return result
