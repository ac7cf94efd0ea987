"""The department's own description of its quality system, turned into the handbook's policy pages.

`kvalitetsstyringen.txt` (beside this module) is an exact copy of the seed text. `seed_sections` splits it
at its headings, `seed_to_richtext` renders a section as Wagtail rich text, and `SEED_POLICIES` describes
the seven policy pages (in the order the loader creates them, first in the section "Fælles") built from it.
"""

from html import escape
from pathlib import Path

SEED_PATH = Path(__file__).with_name("kvalitetsstyringen.txt")

SEED_HEADINGS = [
    "Ydelser og ansvarsområder",
    "Organisering og arbejdsmetode",
    "Værdier og principper",
    "Kvalitetspolitik og målsætninger",
    "WorkSmarter- gruppen",
    "Aktiviteter i årets løb",
    "Øvrig ansvars- og opgavefordeling",
]

BULLET = "•"

# A sub-heading inside a section is a short line ending with a full stop, such as "Enhedsleder." or
# "Medarbejdere, omfattet af certificering.": no sentence of the seed's body text is this short.
SUBHEADING_MAX_WORDS = 5


def read_seed() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


def seed_sections(text: str) -> dict[str, list[str]]:
    """The seed's sections by heading, in the seed's order, each a list of its paragraphs.

    Every non-blank line is a paragraph (a bullet line keeps its leading "•"); blank lines, including the
    seed's lines holding only a non-breaking space, separate them. The document title above the first
    heading is dropped. The seed states the employees' duties twice, first without bullets and then as a
    bulleted list: only the bulleted list is kept.
    """
    sections: dict[str, list[str]] = {}
    current = None
    for raw_line in text.splitlines():
        line = raw_line.strip()  # str.strip() also removes the non-breaking spaces of the seed
        if not line:
            continue
        if line in SEED_HEADINGS:
            current = sections.setdefault(line, [])
        elif current is not None:
            current.append(line)
    return {heading: _drop_unbulleted_repeats(paragraphs) for heading, paragraphs in sections.items()}


def _bullet_text(paragraph: str) -> str | None:
    if paragraph.startswith(BULLET):
        return paragraph[len(BULLET) :].strip()
    return None


def _drop_unbulleted_repeats(paragraphs: list[str]) -> list[str]:
    """Drops plain paragraphs that repeat an item of a bulleted list of the same section, then the lead-in
    line left standing twice in a row by that ("Alle medarbejdere/teams skal :")."""
    bullet_items = {_bullet_text(p) for p in paragraphs if _bullet_text(p) is not None}
    kept = [p for p in paragraphs if _bullet_text(p) is not None or p not in bullet_items]
    return [p for index, p in enumerate(kept) if index + 1 == len(kept) or kept[index + 1] != p]


def is_subheading(paragraph: str) -> bool:
    return (
        _bullet_text(paragraph) is None and paragraph.endswith(".") and len(paragraph.split()) <= SUBHEADING_MAX_WORDS
    )


def seed_to_richtext(paragraphs: list[str]) -> str:
    """Wagtail rich text (database format) for a section's paragraphs.

    Plain paragraphs become <p>, runs of bullet lines one <ul>, sub-heading lines <h3> (without their
    full stop). All text is HTML-escaped.
    """
    parts: list[str] = []
    items: list[str] = []

    def close_list():
        if items:
            parts.append("<ul>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items) + "</ul>")
            items.clear()

    for paragraph in paragraphs:
        item = _bullet_text(paragraph)
        if item is not None:
            items.append(item)
            continue
        close_list()
        if is_subheading(paragraph):
            parts.append(f"<h3>{escape(paragraph.rstrip('.'), quote=False)}</h3>")
        else:
            parts.append(f"<p>{escape(paragraph, quote=False)}</p>")
    close_list()
    return "".join(parts)


def seed_policy_body(policy: dict, sections: dict[str, list[str]] | None = None) -> list[dict]:
    """The body stream of a policy page: the seed's text for it as one paragraph, then its extra blocks."""
    if sections is None:
        sections = seed_sections(read_seed())
    text_block = {"type": "paragraph", "value": seed_to_richtext(sections[policy["seed_heading"]])}
    return [text_block, *policy.get("extra_body", [])]


_SHARED = {
    "type": "policy",
    "approver": "enhedsleder",
    "review_interval_months": 12,
    "legal_basis": [],
    "attachments": [],
}

ANNUAL_PLAN_TABLE = {
    "type": "table",
    "value": {
        "data": [
            ["Tidspunkt", "Aktivitet", "Ansvarlig", "Resultat"],
            [
                "Januar (1. kvartal)",
                "Kvartalsmøde i WorkSmarter-gruppen: status på kvalitetsmål, afvigelser og forbedringsforslag; "
                "årets auditprogram vedtages",
                "WorkSmarter-gruppen",
                "Referat og vedtaget auditprogram",
            ],
            [
                "Februar-marts",
                "Årlig vurdering af kompetencer og kompetencebehov i teams (i forbindelse med MUS); "
                "kursusoversigter opdateres",
                "Enhedsleder",
                "Opdateret kompetenceoversigt og uddannelsesplan",
            ],
            [
                "Marts-april",
                "Interne audits, forårsrunde",
                "WorkSmarter-gruppen (auditorer)",
                "Auditrapporter; fund registreret som afvigelser",
            ],
            [
                "April (2. kvartal)",
                "Kvartalsmøde i WorkSmarter-gruppen: opfølgning på audits og korrigerende handlinger",
                "WorkSmarter-gruppen",
                "Referat",
            ],
            [
                "Maj-juni",
                "Undersøgelse af borgeres, virksomheders og andre interessenters tilfredshed med afdelingens service",
                "WorkSmarter-gruppen",
                "Resultatnotat til ledergruppen og MED-udvalget",
            ],
            [
                "Juni",
                "Revurdering af kommissorium for WorkSmarter-gruppen og fordeling af tilbagevendende opgaver",
                "WorkSmarter-gruppen og enhedsleder",
                "Godkendt kommissorium",
            ],
            [
                "August (3. kvartal)",
                "Kvartalsmøde i WorkSmarter-gruppen: resultat af tilfredshedsundersøgelsen, status på mål",
                "WorkSmarter-gruppen",
                "Referat",
            ],
            [
                "September-oktober",
                "Interne audits, efterårsrunde, og ekstern audit ved certificeringsorganet",
                "WorkSmarter-gruppen",
                "Auditrapporter og handlingsplan",
            ],
            [
                "November (4. kvartal)",
                "Ledelsens evaluering af kvalitetsstyringssystemet; kvartalsmøde i WorkSmarter-gruppen",
                "Enhedsleder og ledergruppe",
                "Referat af ledelsens evaluering med beslutninger",
            ],
            [
                "December",
                "Kvalitetsmål for det kommende år fastlægges og formidles til teams",
                "Ledergruppe og WorkSmarter-gruppen",
                "Kvalitetsmål og årshjul for næste år",
            ],
        ],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "Årshjul for kvalitetsstyringen i Miljø & Teknik",
    },
}

SEED_POLICIES = [
    {
        **_SHARED,
        "title": "Kvalitetspolitik og målsætninger",
        "seed_heading": "Kvalitetspolitik og målsætninger",
        "slug": "kvalitetspolitik-og-maalsaetninger",
        "summary": (
            "Afdelingens kvalitetspolitik: målet om kompetent og koordineret sagsbehandling i "
            "overensstemmelse med lovgivningen og et certificeret kvalitetsstyringssystem efter ISO 9001."
        ),
        "responsible": "enhedsleder",
        "effective_date": "2025-02-01",
        "tags": ["kvalitetspolitik", "kvalitetsmål", "ISO 9001"],
        "iso_clauses": ["4.3", "5.1", "5.2", "6.2"],
        "related": ["intern-audit", "ledelsens-evaluering", "haandtering-af-afvigelser-og-forbedringsforslag"],
        "extra_body": [],
    },
    {
        **_SHARED,
        "title": "Ydelser og ansvarsområder",
        "seed_heading": "Ydelser og ansvarsområder",
        "slug": "ydelser-og-ansvarsomraader",
        "summary": ("Beskriver afdelingens rolle og de ydelser, den leverer til borgere og virksomheder i kommunen."),
        "responsible": "enhedsleder",
        "effective_date": "2025-02-01",
        "tags": ["ydelser", "organisation"],
        "iso_clauses": ["4.1", "4.2", "8.2"],
        "related": [],
        "extra_body": [],
    },
    {
        **_SHARED,
        "title": "Organisering og arbejdsmetode",
        "seed_heading": "Organisering og arbejdsmetode",
        "slug": "organisering-og-arbejdsmetode",
        "summary": "Afdelingen arbejder i selvstyrende faglige teams, der selv prioriterer og fordeler opgaverne.",
        "responsible": "enhedsleder",
        "effective_date": "2025-02-01",
        "tags": ["organisation", "teams"],
        "iso_clauses": ["4.4", "5.3", "7.1"],
        "related": [],
        "extra_body": [],
    },
    {
        **_SHARED,
        "title": "Værdier og principper",
        "seed_heading": "Værdier og principper",
        "slug": "vaerdier-og-principper",
        "summary": (
            "De værdier, der skal præge afdelingens handlinger og kommunikation med borgere, virksomheder "
            "og politikere."
        ),
        "responsible": "enhedsleder",
        "effective_date": "2025-02-01",
        "tags": ["værdier", "kommunikation"],
        "iso_clauses": ["5.1", "7.4"],
        "related": [],
        "extra_body": [],
    },
    {
        **_SHARED,
        "title": "WorkSmarter-gruppen",
        "seed_heading": "WorkSmarter- gruppen",
        "slug": "worksmarter-gruppen",
        "summary": (
            "WorkSmarter-gruppen er afdelingens tværgående kvalitetsgruppe, der planlægger og følger op på "
            "kvalitetsmål, audits, ledelsens evaluering og afvigelser."
        ),
        "responsible": "worksmarter",
        "effective_date": "2025-03-01",
        "tags": ["WorkSmarter", "kvalitetsgruppe", "kommissorium"],
        "iso_clauses": ["5.3", "7.4", "10.3"],
        "related": ["haandtering-af-afvigelser-og-forbedringsforslag", "intern-audit"],
        "extra_body": [],
    },
    {
        **_SHARED,
        "title": "Aktiviteter i årets løb",
        "seed_heading": "Aktiviteter i årets løb",
        "slug": "aktiviteter-i-aarets-loeb",
        "summary": (
            "Årshjulet for kvalitetsstyringens tilbagevendende aktiviteter: kvartalsmøder, audits, "
            "tilfredshedsundersøgelse, kompetencevurdering og ledelsens evaluering."
        ),
        "responsible": "worksmarter",
        "effective_date": "2026-01-01",
        "tags": ["årshjul", "audit", "ledelsens evaluering", "WorkSmarter"],
        "iso_clauses": ["6.2", "9.1", "9.2", "9.3"],
        "related": ["intern-audit", "ledelsens-evaluering", "kompetencer-og-uddannelse"],
        "extra_body": [
            {"type": "heading", "value": {"text": "Årshjul", "level": "h2"}},
            ANNUAL_PLAN_TABLE,
            {
                "type": "note",
                "value": {
                    "kind": "info",
                    "title": "Rækkefølgen ligger fast",
                    "text": (
                        "<p>Ledelsens evaluering holdes efter årets audits og tilfredshedsundersøgelse, så "
                        "resultaterne af dem indgår i evalueringen. Flyttes en aktivitet, aftales det på "
                        "førstkommende kvartalsmøde i WorkSmarter-gruppen.</p>"
                    ),
                },
            },
        ],
    },
    {
        **_SHARED,
        "title": "Ansvars- og opgavefordeling",
        "seed_heading": "Øvrig ansvars- og opgavefordeling",
        "slug": "ansvars-og-opgavefordeling",
        "summary": (
            "Fordelingen af ansvar og opgaver i kvalitetsstyringen mellem enhedslederen og de medarbejdere "
            "og teams, der er omfattet af certificeringen."
        ),
        "responsible": "enhedsleder",
        "effective_date": "2025-02-01",
        "tags": ["ansvar", "kompetencer", "afvigelser"],
        "iso_clauses": ["5.3", "7.2", "7.3"],
        "related": ["kompetencer-og-uddannelse", "haandtering-af-afvigelser-og-forbedringsforslag"],
        "extra_body": [],
    },
]
