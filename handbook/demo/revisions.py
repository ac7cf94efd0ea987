"""Later versions of some demo documents, so the demo shows a version history, a significant change awaiting
read confirmations, and comparisons. Applied in order by `load_demo` after the first versions are published.

Each revision: the document's slug, when it was published, the change summary, whether it is significant,
text replacements in the body (old, new) and steps to add to the first list of steps.
"""

REVISIONS = [
    {
        "slug": "miljoetilsyn-paa-virksomheder",
        "published": "2026-02-02",
        "change_summary": "Rettet varslingsfristen, så den følger tilsynsbekendtgørelsens vejledning.",
        "significant": False,
        "replace": [("Tilsyn varsles normalt 14 dage før.", "Tilsyn varsles normalt 10 arbejdsdage før.")],
    },
    {
        "slug": "miljoetilsyn-paa-virksomheder",
        "published": "2026-10-01",
        "change_summary": (
            "Risikobaseret tilsyn: tilsynsplanen lægges nu efter miljørisikoscore, og der er tilføjet et trin om "
            "registrering af tilsynet i Digital MiljøAdministration senest 5 arbejdsdage efter besøget."
        ),
        "significant": True,
        "replace": [("Planlæg årets tilsyn", "Planlæg årets tilsyn efter miljørisiko")],
        "add_steps": [
            {
                "title": "Registrér tilsynet",
                "text": (
                    "<p>Registrér tilsynet, fund og opfølgning i Digital MiljøAdministration senest 5 "
                    "arbejdsdage efter besøget.</p>"
                ),
                "responsible": "Tilsynsførende",
            }
        ],
    },
    {
        "slug": "haandtering-af-afvigelser-og-forbedringsforslag",
        "published": "2026-06-15",
        "change_summary": "Tilføjet, at afvigelser indberettes i Kvalitetsportalen i stedet for på e-mail.",
        "significant": True,
        "replace": [("Registrér", "Registrér i Kvalitetsportalen")],
    },
    {
        "slug": "behandling-af-klager-over-miljoegener",
        "published": "2026-09-01",
        "change_summary": "Sproglige rettelser og opdateret henvisning til Miljøstyrelsens støjvejledning.",
        "significant": False,
        "replace": [],
    },
]

# Documents whose periodic review is overdue in the demo: slug and the (past) review date.
OVERDUE_REVIEWS = [
    ("behandling-af-klager-over-miljoegener", "2026-10-15"),
    ("anmeldelse-af-jordflytning", "2026-11-01"),
    ("partshoering-foer-afgoerelse", "2026-09-30"),
]
