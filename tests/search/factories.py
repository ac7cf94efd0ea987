"""A small handbook whose every word is chosen, so a search test can say exactly what must be found.

Twelve visible documents of the three types in three sections, each saying a Danish word in one inflection
("afvigelse", "procedure", "journalisering", ...) so a test can search with another; and what no reader may
ever find: a draft, a private page, an unpublished page, a deviation and a proposal, worded so that the same
searches would find them if they leaked. Every document, visible or not, says "forvaltningen".
"""

import datetime
import io
from types import SimpleNamespace

import docx
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from handbook.models import ControlledDocumentPage, InstructionPage, PolicyPage, ProcedurePage, SectionPage
from tests.factories import UserFactory, build_site
from tests.forms.factories import make_case, make_proposal

EVERYWHERE = "forvaltningen"  # in every document's summary, visible or not
ATTACHMENT_PHRASE = "kvartalsvis kalibrering af vægtbroen"  # only in the DOCX attached to "waste"
PUBLISHED_AT = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC)  # shown as "1. marts 2026"
HTML_IN_TEXT = '<script>alert("x")</script> & <b>fed</b>'

# key, section, type, title, summary, body, owner, tags. "{journal}" is the journal procedure's number.
VISIBLE = [
    ("policy", "common", PolicyPage, "Kvalitetspolitik", "Forvaltningens politik for kvalitet.",
     "Vi forbedrer løbende vores arbejde, og en intern audit gennemføres hvert år.", "quality", ["kvalitet", "audit"]),
    ("deviations", "common", ProcedurePage, "Håndtering af afvigelser", "Sådan registreres og lukkes en fejl.",
     "En medarbejder der opdager en fejl, indberetter den straks til kvalitetsgruppen.", "quality",
     ["kvalitet", "afvigelser"]),
    ("registration", "common", InstructionPage, "Registrering i sagssystemet", "Sådan bruges sagssystemet.",
     "Hver afvigelse registreres med dato og ansvarlig. Registrering af en afvigelse sker i sagssystemet, og en "
     "afvigelse lukkes først efter opfølgning. Når en afvigelse er lukket, orienteres den der meldte den.",
     "quality", ["it"]),
    ("journal", "environment", ProcedurePage, "Journalisering af post", "Sådan håndteres indgående post.",
     "Al indgående post journaliseres samme dag. Journalisering sker i ESDH-systemet.", "environment",
     ["sagsbehandling"]),
    ("audit", "common", ProcedurePage, "Audit og ledelsens gennemgang", "Planlægning af årets gennemgang.",
     "I planen står audit intern før ledelsens gennemgang. Se {journal} om posten.", "quality", ["kvalitet", "audit"]),
    ("noise", "environment", ProcedurePage, "Støj fra virksomheder", "Sådan behandles henvendelser om larm.",
     "En klage over larm fra en virksomhed besvares inden 14 dage.", "environment", ["støj", "klager"]),
    ("inspection", "environment", InstructionPage, "Tilsyn med landbrug", "Sådan planlægges besøg på bedrifter.",
     "Et tilsyn varsles mindst 14 dage før besøget.", "environment", ["tilsyn"]),
    ("waste", "environment", InstructionPage, "Affaldssortering på genbrugspladsen", "Sådan sorteres affaldet.",
     "Pap, glas og metal sorteres i hver sin container.", "environment", ["affald"]),
    ("measuring", "environment", PolicyPage, "Måling af lyd", f"Ved støjmålinger gælder: {HTML_IN_TEXT}.",
     "Måleudstyret kalibreres før brug.", "environment", ["støj"]),
    ("dispensation", "nature", ProcedurePage, "Dispensation fra naturbeskyttelsesloven", "Sådan behandles ansøgninger.",
     "En ansøgning om dispensation behandles efter lovens § 65.", "nature", ["natur"]),
    ("document_control", "nature", PolicyPage, "Styring af dokumenter", "Ejer og godkender for hvert dokument.",
     "Hver procedure har en ejer og en godkender, og den gennemgås hvert år.", None, []),
    ("competence", "nature", InstructionPage, "Kompetencevurdering", "Den årlige samtale om kompetencer.",
     "Lederen og medarbejderen aftaler kurser for det kommende år.", "nature", ["kompetence", "kvalitet"]),
]  # fmt: skip

# What the hidden documents say: the words the visible documents are found by.
HIDDEN_WORDS = "Hver afvigelse skal journaliseres, og vægtbroen kalibreres. Se klagerne og tilsynene."


def paragraphs(*texts):
    return [{"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in texts)}]


def docx_bytes(*texts):
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_attachment(title, filename, *texts):
    return get_document_model().objects.create(title=title, file=ContentFile(docx_bytes(*texts), name=filename))


def make_search_document(section, page_class, title, summary, body, owner=None, tags=(), live=True, **fields):
    """A controlled document as an editor leaves it: published (or only saved, a draft), with its tags."""
    page = section.add_child(
        instance=page_class(
            title=title,
            summary=f"{summary} Gælder for hele {EVERYWHERE}.",
            body=paragraphs(body),
            owner_team=owner,
            effective_date=datetime.date(2026, 3, 1),
            live=live,
            **fields,
        )
    )
    page.tags.add(*tags)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page_class.objects.get(pk=page.pk)


def build_handbook():
    """The known handbook: its sections, owners, visible documents (docs) and hidden things."""
    site = build_site()
    sections = SimpleNamespace(
        common=site.handbook.add_child(instance=SectionPage(title="Fælles", slug="faelles")),
        environment=site.section,  # build_site's "Miljø"
        nature=site.handbook.add_child(instance=SectionPage(title="Natur", slug="natur")),
    )
    owners = SimpleNamespace(
        quality=Group.objects.create(name="Kvalitet"),
        environment=Group.objects.create(name="Team Miljø"),
        nature=Group.objects.create(name="Team Natur"),
    )
    docs = _visible_documents(sections, owners)
    hidden = _hidden_documents(sections, owners, docs)
    ControlledDocumentPage.objects.filter(live=True).update(last_published_at=PUBLISHED_AT)
    return SimpleNamespace(
        site=site,
        sections=sections,
        owners=owners,
        docs=docs,
        hidden=hidden,
        visible_ids={doc.pk for doc in vars(docs).values()},
        tag_slugs=dict(Tag.objects.values_list("name", "slug")),
    )


def _visible_documents(sections, owners):
    docs = SimpleNamespace()
    template = make_attachment(
        "Skabelon: Sorteringsvejledning",
        "sorteringsvejledning.docx",
        "Sorteringsvejledning for pladsens personale.",
        f"Skabelonen bruges ved {ATTACHMENT_PHRASE} og ved årets eftersyn.",
    )
    for key, section, page_class, title, summary, body, owner, tags in VISIBLE:
        extra = {}
        if key == "waste":
            extra["attachments"] = [{"type": "attachment", "value": {"document": template.pk, "kind": "template"}}]
        if "{journal}" in body:
            body = body.format(journal=docs.journal.document_number)
        owner_group = getattr(owners, owner) if owner else None
        section_page = getattr(sections, section)
        document = make_search_document(section_page, page_class, title, summary, body, owner_group, tags, **extra)
        setattr(docs, key, document)
    return docs


def _hidden_documents(sections, owners, docs):
    hidden = SimpleNamespace()
    hidden.draft = make_search_document(
        sections.common, ProcedurePage, "Udkast om vagtplaner og afvigelser", "Kladde.", HIDDEN_WORDS,
        owners.quality, ["kvalitet"], live=False,
    )  # fmt: skip
    hidden.private = make_search_document(
        sections.common, InstructionPage, "Fortrolig personalesag om afvigelser", "Kun for ledelsen.", HIDDEN_WORDS,
        owners.quality, ["kvalitet", "omstrukturering"],
    )  # fmt: skip
    restriction = PageViewRestriction.objects.create(page=hidden.private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Ledelsen"))
    hidden.unpublished = make_search_document(
        sections.environment, ProcedurePage, "Tidligere rutine for snerydning og afvigelser", "Udgået.",
        HIDDEN_WORDS, owners.environment, ["støj"],
    )  # fmt: skip
    hidden.unpublished.unpublish()
    reporter = UserFactory(username="indberetter")
    hidden.deviation = make_case(
        title="Afvigelse ved journalisering af vægtbroen", description=f"Afvigelserne gentager sig i {EVERYWHERE}.",
        reporter=reporter, document=docs.journal,
    )  # fmt: skip
    hidden.proposal = make_proposal(
        title="Forslag om bedre håndtering af afvigelser", description=f"Mindre papir i {EVERYWHERE}.",
        reporter=reporter,
    )  # fmt: skip
    return hidden
