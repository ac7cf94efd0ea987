"""Demo content for reporting: the “Indberetninger” section and a dozen cases in every state.

Data first, then the builder that ``load_demo`` runs inside its transaction. A case is made as the report form
makes it (a reference, a live first revision by its reporter) and then handled one allowed step at a time by
the WorkSmarter group through Wagtail's edit action, as the administration does it, so its history is the
history a real case would have. Days are counted back from the day the demo is loaded, so the open cases stay
open and the overdue one stays overdue whenever it is loaded. Idempotent: the section's pages are found by
type (there is one of each) and a case by its title.
"""

import datetime
import uuid
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.actions.edit import EditAction
from wagtail.log_actions import LogContext, log
from wagtail.models import ModelLogEntry, Revision, TaskState, WorkflowState

from forms.admin_views import log_status_change
from forms.lifecycle import Status
from forms.models import (
    Deviation,
    DeviationFormField,
    DeviationFormPage,
    ImprovementProposal,
    ProposalBoardPage,
    ProposalFormField,
    ProposalFormPage,
    ReportingIndexPage,
    StatusChange,
)
from forms.models.numbering import next_case_reference
from forms.report_form import answer_text
from handbook.models import ControlledDocumentPage, DocumentVersion, SectionPage

# ---------------------------------------------------------------------------------------------------------
# The section
# ---------------------------------------------------------------------------------------------------------

DISCOVERED = "Hvornår opdagede du det?"
IMPACT = "Hvilken betydning har det haft for borgeren eller sagen?"
BENEFIT = "Hvad vil forslaget give?"

SECTION = {
    "title": "Indberetninger",
    "slug": "indberetninger",
    "intro": (
        "<p>Her indberetter du afvigelser og forslag til forbedringer til WorkSmarter-gruppen, og her kan du "
        "følge, hvad der sker med dem. Alle medarbejdere skal orientere WorkSmarter-gruppen om afvigelser, og "
        "gode idéer til at gøre arbejdet lettere og bedre er lige så velkomne.</p>"
    ),
}

DEVIATION_FORM = {
    "title": "Indberet en afvigelse",
    "slug": "indberet-en-afvigelse",
    "intro": (
        "<p>En afvigelse er, når noget ikke går, som det skal: et lovkrav, en procedure eller en aftale er ikke "
        "fulgt, et dokument i kvalitetshåndbogen er forkert eller mangelfuldt, eller en borger eller virksomhed "
        "klager over sagsbehandlingen. Når du indberetter den, kan vi rette både fejlen og dens årsag, så den "
        "ikke gentager sig.</p>"
        "<p>Skriv fakta, ikke navne. Er en borger eller virksomhed berørt, så ret den umiddelbare fejl med det "
        "samme, og indberet den bagefter.</p>"
    ),
    "next_steps": (
        "<p>WorkSmarter-gruppen ser på din indberetning inden for 10 arbejdsdage, vurderer, hvor alvorlig den "
        "er, og udpeger en ansvarlig. Du får besked på e-mail, hver gang sagen skifter status, og du kan følge "
        "den under Mine indberetninger.</p>"
        "<p>Kan en borger eller virksomhed have lidt et retstab, så orientér også din enhedsleder i dag.</p>"
    ),
    "questions": [
        {"label": DISCOVERED, "field_type": "date", "help_text": "Omtrent, hvis du ikke ved det præcist."},
        {
            "label": IMPACT,
            "field_type": "multiline",
            "help_text": "Fx en forsinket afgørelse, en manglende klagevejledning eller oplysninger sendt forkert.",
        },
    ],
}

PROPOSAL_FORM = {
    "title": "Foreslå en forbedring",
    "slug": "foreslaa-en-forbedring",
    "intro": (
        "<p>Har du en idé til, hvordan vi kan gøre arbejdet lettere, bedre eller mere borgervenligt? Beskriv den "
        "her. WorkSmarter-gruppen behandler forslagene på sine kvartalsmøder, og forslag og det, der kom ud af "
        "dem, vises for alle under Forbedringsforslag.</p>"
    ),
    "next_steps": (
        "<p>WorkSmarter-gruppen behandler dit forslag på sit næste kvartalsmøde og giver dig besked på e-mail, "
        "når der sker noget. Kommer forslaget på tavlen Forbedringsforslag, skriver gruppen en kort tekst om det "
        "uden dit navn.</p>"
    ),
    "questions": [{"label": BENEFIT, "field_type": "multiline", "help_text": "Hvem har gavn af det, og hvordan?"}],
}

BOARD = {
    "title": "Forbedringsforslag",
    "slug": "forbedringsforslag",
    "intro": (
        "<p>Forslag fra medarbejderne, som WorkSmarter-gruppen har behandlet: hvad I foreslog, og hvad vi gjorde. "
        "Teksterne er skrevet af gruppen og nævner ingen navne.</p>"
    ),
}

# ---------------------------------------------------------------------------------------------------------
# The cases
#
# "received", "discovered" and a step's "day" are days before the day the demo is loaded; "due" is days from
# that day (negative: in the past). "document" is a document number of the demo handbook. A step is done by
# the WorkSmarter member and published; "board" puts a proposal's public text on the board, through the
# moderation workflow when proposals have one.
# ---------------------------------------------------------------------------------------------------------

DEVIATIONS = [
    {
        "title": "Dispensation sendt uden klagevejledning",
        "description": (
            "Vi sendte en dispensation efter naturbeskyttelseslovens § 3 til oprensning af en sø på en "
            "landbrugsejendom uden klagevejledning. Afgørelsen blev dannet fra skabelonen, hvor klagevejledningen "
            "er et valgfrit afsnit, og proceduren siger ikke, at den skal kontrolleres før udsendelse. Det kom "
            "frem, da ansøgeren ringede og spurgte, hvornår han måtte gå i gang."
        ),
        "document": "PRO-011",
        "reporter": "medarbejder",
        "received": 132,
        "discovered": 133,
        "impact": (
            "Ansøgeren og de klageberettigede foreninger fik ikke at vide, at de kunne klage, eller hvornår "
            "klagefristen udløb. Fristen var derfor ikke begyndt at løbe, og ansøgeren kunne ikke bruge "
            "dispensationen, før afgørelsen var sendt igen."
        ),
        "steps": [
            {"day": 130, "status": Status.IN_PROGRESS, "kind": "casework", "handler": "worksmarter", "due": -100},
            {
                "day": 110,
                "status": Status.ACTION_TAKEN,
                "cause": (
                    "Klagevejledningen var et valgfrit afsnit i skabelonen til afgørelse om dispensation, som "
                    "sagsbehandleren selv skulle sætte ind, og proceduren havde intet kontroltrin før udsendelse. "
                    "Samme opbygning fandtes i to af Team Miljøs afgørelsesskabeloner."
                ),
                "action": (
                    "Rettelse: afgørelsen blev sendt igen med klagevejledning samme uge, og annonceringen blev "
                    "gentaget med ny klagefrist. Korrigerende handling: klagevejledningen er nu et fast afsnit i "
                    "skabelonen, PRO-011 har fået et kontroltrin før udsendelse, og Team Miljø har rettet sine "
                    "afgørelsesskabeloner på samme måde."
                ),
            },
            {
                "day": 20,
                "status": Status.CLOSED,
                "effectiveness_check": (
                    "Stikprøve før kvartalsmødet: alle 14 afgørelser om dispensation efter § 3, der er sendt i de "
                    "seneste tre måneder, havde klagevejledning og korrekt klagefrist. Gennemgået af "
                    "WorkSmarter-gruppen."
                ),
            },
        ],
    },
    {
        "title": "Tilsynsrapporter sendt mere end 2 måneder efter tilsynet",
        "description": (
            "Ved gennemgangen af teamets fristliste fandt jeg fire tilsynsrapporter fra forårets tilsyn, som først "
            "blev sendt 10-12 uger efter tilsynet. Instruksen siger senest 2 måneder. Rapporterne lå som kladder, "
            "mens de ventede på, at en kollega læste dem igennem."
        ),
        "document": "INS-003",
        "reporter": "medarbejder",
        "received": 48,
        "discovered": 50,
        "impact": (
            "Virksomhederne fik sent besked om de forhold, vi havde håndhævet, og offentliggørelsen af tilsynene "
            "blev forsinket tilsvarende."
        ),
        "steps": [
            {"day": 45, "status": Status.IN_PROGRESS, "kind": "casework", "handler": "worksmarter", "due": 30},
            {
                "day": 12,
                "status": Status.ACTION_TAKEN,
                "cause": (
                    "Kollegalæsningen havde ingen frist, og kladder i ESDH-systemet vises ikke på fristlisten. "
                    "Rapporter med håndhævelser kunne derfor vente, uden at nogen så det."
                ),
                "action": (
                    "Kollegalæsningen skal nu ske inden 10 arbejdsdage, og den tilsynsførende opretter en frist på "
                    "sagen, når rapporten sendes til læsning. INS-003 er rettet, og Team Miljø er orienteret på "
                    "teammødet. Virkningen vurderes ved næste kvartals gennemgang af fristlisten."
                ),
            },
        ],
    },
    {
        "title": "Klage over støj fra autoværksted har ikke fået svar",
        "description": (
            "En borger klagede for seks uger siden over støj fra et autoværksted om aftenen. Klagen er "
            "journaliseret, men klageren har hverken fået kvittering eller svar, og sagen står ikke på nogens "
            "liste. Klageren har nu ringet to gange."
        ),
        "document": "PRO-009",
        "reporter": None,  # reported anonymously
        "received": 40,
        "discovered": 41,
        "impact": (
            "Klageren har ikke fået kvittering inden 5 arbejdsdage eller svar inden 10 arbejdsdage, som "
            "servicemålene siger, og støjen fortsætter."
        ),
        "steps": [
            {"day": 36, "status": Status.IN_PROGRESS, "kind": "casework", "handler": "worksmarter", "due": -8},
        ],
    },
    {
        "title": "Anmeldelse af jordflytning journaliseret på forkert ejendom",
        "description": (
            "En anmeldelse af jordflytning fra en byggeplads blev journaliseret på nabomatriklen, fordi adressen i "
            "anmeldelsen var forkert. Det blev først opdaget, da vognmanden spurgte efter kvitteringen. Proceduren "
            "siger ikke, at matrikelnummeret skal holdes op mod kortlægningen."
        ),
        "document": "PRO-010",
        "reporter": "medarbejder",
        "received": 3,
        "discovered": 4,
        "impact": "Kvitteringen blev en uge forsinket. Jorden blev ikke flyttet i mellemtiden.",
        "steps": [],
    },
    {
        "title": "Partshøringsbreve uden frist for bemærkninger",
        "description": (
            "Tre partshøringer i Team Miljø er sendt uden frist for bemærkninger. Fristfeltet i skabelonen til "
            "partshøring kan stå tomt, uden at det ses i det færdige brev."
        ),
        "document": "INS-001",
        "reporter": "redaktoer",
        "received": 25,
        "discovered": 27,
        "impact": (
            "Parterne vidste ikke, hvornår de skulle svare, og i én sag blev afgørelsen truffet, før virksomheden "
            "havde svaret."
        ),
        # A part may have lost a right, so the unit manager handles it (PRO-003, “Alvorlige afvigelser”).
        "steps": [
            {"day": 21, "status": Status.IN_PROGRESS, "kind": "document", "handler": "enhedsleder", "due": 12},
        ],
    },
    {
        "title": "Tjeklisten til miljøtilsyn mangler punkt om olieudskillere",
        "description": (
            "Tjeklisten til miljøtilsyn på virksomheder har intet punkt om olieudskillere og sandfang. Jeg har to "
            "gange været tæt på at glemme dem på autoværksteder."
        ),
        "document": "PRO-008",
        "reporter": "medarbejder",
        "received": 70,
        "discovered": 71,
        "impact": "Ingen endnu. Jeg opdagede det selv ude på tilsynet.",
        "steps": [
            {
                "day": 62,
                "status": Status.REJECTED,
                "rejection_reason": (
                    "Punktet står i tjeklisten under afsnittet om spildevand (olieudskillere og sandfang), så "
                    "tjeklisten er ikke mangelfuld, og der er ikke sket en afvigelse. Vi gennemgår tjeklistens "
                    "opbygning på næste teammøde i Team Miljø."
                ),
            },
        ],
    },
    {
        "title": "Aktindsigt udleveret med CPR-numre",
        "description": (
            "Ved en aktindsigt i en klagesag om lugtgener blev et bilag udleveret med to naboers navne og "
            "CPR-numre, som skulle have været overstreget. Bilaget var en scannet underskriftsliste, og "
            "overstregningen i PDF-filen kunne fjernes af modtageren."
        ),
        "document": "PRO-007",
        "reporter": "redaktoer",
        "received": 160,
        "discovered": 160,
        "impact": (
            "Personoplysninger om to borgere blev videregivet uden grund. Det er anmeldt til kommunens "
            "databeskyttelsesrådgiver samme dag."
        ),
        "steps": [
            {"day": 159, "status": Status.IN_PROGRESS, "kind": "casework", "handler": "worksmarter", "due": -130},
            {
                "day": 140,
                "status": Status.ACTION_TAKEN,
                "cause": (
                    "Oplysningerne var dækket med en sort firkant oven på teksten i PDF-filen i stedet for at blive "
                    "fjernet med ESDH-systemets redigeringsfunktion, så de lå stadig i filen. Proceduren sagde "
                    "“overstreg”, men ikke hvordan."
                ),
                "action": (
                    "Modtageren har slettet filen og bekræftet det skriftligt, og databeskyttelsesrådgiveren har "
                    "vurderet sagen. PRO-007 beskriver nu, at fortrolige oplysninger fjernes med ESDH-systemets "
                    "redigeringsfunktion, og at en kollega kontrollerer udleveringer med personoplysninger. Team "
                    "Miljø og Team Natur har fået en kort instruktion."
                ),
            },
            {
                "day": 45,
                "status": Status.CLOSED,
                "effectiveness_check": (
                    "Stikprøve på 20 aktindsigter udleveret efter ændringen: ingen indeholdt fortrolige "
                    "oplysninger, og alle med personoplysninger var kontrolleret af en kollega. Gennemgået på "
                    "WorkSmarter-gruppens kvartalsmøde."
                ),
            },
        ],
    },
]

PROPOSALS = [
    {
        "title": "Standardtekster på klart sprog til tilsynsrapporter",
        "description": (
            "Vi skriver de samme forklaringer igen og igen i tilsynsrapporterne, og de bliver ofte tunge. Jeg "
            "foreslår et lille bibliotek af standardtekster på klart sprog til de forhold, der går igen "
            "(olietanke, affaldssortering, spildevand), som kan sættes ind fra skabelonen."
        ),
        "document": "INS-003",
        "reporter": "medarbejder",
        "received": 120,
        "benefit": "Kortere skrivetid pr. rapport, og rapporter som virksomhederne forstår uden at ringe ind.",
        "steps": [
            {"day": 115, "status": Status.IN_PROGRESS, "kind": "document", "handler": "worksmarter", "due": -60},
            {
                "day": 113,
                "board": {
                    "public_title": "Standardtekster på klart sprog i tilsynsrapporter",
                    "public_summary": (
                        "Forslag om et bibliotek af standardtekster på klart sprog til de forhold, der går igen i "
                        "tilsynsrapporterne, så rapporterne bliver lettere at skrive og at forstå."
                    ),
                },
            },
            {
                "day": 70,
                "status": Status.ACTION_TAKEN,
                "action": (
                    "Team Miljø har skrevet 18 standardtekster, som kommunikationsafdelingen har læst igennem. De "
                    "ligger nu i skabelonen til tilsynsrapport."
                ),
            },
            {
                "day": 15,
                "status": Status.CLOSED,
                "public_outcome": (
                    "Vi gjorde det: 18 standardtekster på klart sprog ligger nu i skabelonen til tilsynsrapport "
                    "(INS-003), og virksomhederne ringer sjældnere ind med spørgsmål til rapporterne."
                ),
            },
        ],
    },
    {
        "title": "Fælles fristoversigt for teamet",
        "description": (
            "Hver sagsbehandler har sin egen fristliste, og når nogen er syg eller på ferie, ser ingen de frister, "
            "der nærmer sig. Forslag: en fælles oversigt over teamets frister de næste 14 dage, som vi gennemgår "
            "på det ugentlige teammøde."
        ),
        "document": "INS-002",
        "reporter": "redaktoer",
        "received": 90,
        "benefit": "Færre overskredne frister og lettere overdragelse ved ferie og sygdom.",
        "steps": [
            {"day": 84, "status": Status.IN_PROGRESS, "kind": "workflow", "handler": "worksmarter", "due": 20},
            {
                "day": 83,
                "board": {
                    "public_title": "Fælles fristoversigt for teamene",
                    "public_summary": (
                        "Forslag om en fælles oversigt over teamets frister, som gennemgås på teammødet, så frister "
                        "ikke bliver overset ved ferie og sygdom."
                    ),
                },
            },
            {
                "day": 30,
                "status": Status.ACTION_TAKEN,
                "action": (
                    "En fælles søgning på frister er sat op i ESDH-systemet for Team Miljø og Team Natur og "
                    "gennemgås på teammøderne. INS-002 er rettet til."
                ),
                "public_outcome": (
                    "Vi er i gang: den fælles fristoversigt bruges nu på teammøderne i Team Miljø og Team Natur. "
                    "Vi ser på, om den har virket, når kvartalet er gået."
                ),
            },
        ],
    },
    {
        "title": "Tablet med tjekliste og kort til tilsyn i marken",
        "description": (
            "Giv de tilsynsførende en tablet med tjeklisten og kortet over kortlagte arealer, så konstateringer kan "
            "noteres på stedet i stedet for på papir, der skal skrives ind bagefter."
        ),
        "document": None,
        "reporter": "enhedsleder",
        "received": 30,
        "benefit": "Mindre dobbeltarbejde og færre fejl, når notater skrives rent.",
        "steps": [
            {"day": 26, "status": Status.IN_PROGRESS, "kind": "systems", "handler": "worksmarter", "due": 35},
            {
                "day": 25,
                "board": {
                    "public_title": "Tablet til tilsyn i marken",
                    "public_summary": (
                        "Forslag om, at de tilsynsførende får en tablet med tjekliste og kort, så konstateringer "
                        "noteres direkte på stedet."
                    ),
                },
            },
        ],
    },
    {
        "title": "Fast vidensdeling om nye afgørelser fra klagenævnet",
        "description": (
            "Miljø- og Fødevareklagenævnets afgørelser på naturområdet ændrer jævnligt praksis, men vi hører ofte "
            "om dem tilfældigt. Forslag: et fast punkt på hvert andet teammøde, hvor én af os gennemgår de nye "
            "afgørelser."
        ),
        "document": None,
        "reporter": "medarbejder",
        "received": 6,
        "benefit": "Vi træffer afgørelser efter den gældende praksis og undgår hjemvisninger.",
        "steps": [],
    },
    {
        "title": "Egen app til registrering af beskyttet natur",
        "description": (
            "Forslag om, at kommunen får udviklet en app, hvor vi kan registrere § 3-natur i felten med foto og "
            "GPS-position."
        ),
        "document": "INS-004",
        "reporter": "redaktoer",
        "received": 100,
        "benefit": "Hurtigere registrering i felten.",
        "steps": [
            {"day": 95, "status": Status.IN_PROGRESS, "kind": "systems", "handler": "worksmarter", "due": -60},
            {
                "day": 80,
                "status": Status.REJECTED,
                "rejection_reason": (
                    "Beskyttet natur registreres i Danmarks Miljøportal, som er det fælles offentlige system (se "
                    "INS-004), og Miljøportalen har selv en feltløsning med foto og GPS. En egen app ville give "
                    "dobbeltregistrering. Vi tilbyder i stedet en introduktion til feltløsningen på næste temadag."
                ),
            },
        ],
    },
]

CASE_MODELS = {"deviation": Deviation, "proposal": ImprovementProposal}
HANDLING_FIELDS = ("kind", "cause", "action", "effectiveness_check", "rejection_reason", "public_outcome")
# The users the demo cases name; without them (DEBUG off and no --allow-demo-users) no case is made.
CASE_USERS = ("medarbejder", "redaktoer", "enhedsleder", "worksmarter", "kvalitet")
MODERATOR = "worksmarter"
# The second member of the WorkSmarter group, who approves the public texts the moderator writes.
CO_MODERATOR = "kvalitet"
# What a step stamps on the case with the clock, moved back to the day of the step.
CLOCK_FIELDS = ("status_changed_at", "closed_at", "first_published_at", "last_published_at")


def all_cases():
    """Every demo case with its type, oldest first, so references follow the order they were received in."""
    cases = [{**spec, "type": "deviation"} for spec in DEVIATIONS] + [
        {**spec, "type": "proposal"} for spec in PROPOSALS
    ]
    return sorted(cases, key=lambda spec: -spec["received"])


# ---------------------------------------------------------------------------------------------------------
# The builder
# ---------------------------------------------------------------------------------------------------------


@contextmanager
def mail_suppressed():
    """Sends every mail of the block nowhere, including those queued for the commit of a transaction in it.

    The demo's cases change state the way real ones do, and each change queues a mail to the reporter or the
    handler for when the transaction commits. Loading the demo must not mail the demo users (``make run``
    would print a dozen mails from the console backend), so the commit has to happen inside this block.
    """
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        yield


def build_section(home):
    """“Indberetninger” under ``home`` with both forms and the board; what exists already is kept."""
    index = ReportingIndexPage.objects.first()
    if index is None:
        index = _publish(home.add_child(instance=ReportingIndexPage(**SECTION)))
    if not DeviationFormPage.objects.exists():
        _add_form(index, DeviationFormPage, DeviationFormField, DEVIATION_FORM)
    if not ProposalFormPage.objects.exists():
        _add_form(index, ProposalFormPage, ProposalFormField, PROPOSAL_FORM)
    if not ProposalBoardPage.objects.exists():
        _publish(index.add_child(instance=ProposalBoardPage(**BOARD)))
    return index


def _add_form(index, page_class, field_class, data):
    questions = [
        field_class(sort_order=number, required=False, **question) for number, question in enumerate(data["questions"])
    ]
    page = page_class(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        next_steps=data["next_steps"],
        to_address="",  # empty: the WorkSmarter group's members get the notice of each new report
        form_fields=questions,
    )
    return _publish(index.add_child(instance=page))


def _publish(page):
    page.save_revision().publish()
    return page


def build_cases():
    """Creates the demo cases that do not exist yet; returns how many, or None without the demo users."""
    users = {user.username: user for user in get_user_model().objects.filter(username__in=CASE_USERS)}
    if len(users) < len(CASE_USERS):
        return None
    today = timezone.localdate()
    created = 0
    for number, spec in enumerate(all_cases()):
        model = CASE_MODELS[spec["type"]]
        if model.objects.filter(title=spec["title"]).exists():
            continue
        case = _report(model, spec, users, today, number)
        for step_number, step in enumerate(spec["steps"], start=1):
            _handle(case, step, users, today, _moment(today, step["day"], number + step_number))
        created += 1
    return created


def _report(model, spec, users, today, number):
    """The case as the report form stores it: live, with a first revision by its reporter (none if anonymous)."""
    reporter = users.get(spec["reporter"]) if spec["reporter"] else None
    document = _document(spec["document"])
    received = _moment(today, spec["received"], number)
    case = model(
        title=spec["title"],
        description=spec["description"],
        document=document,
        document_version=_version_on(document, received),
        section=_section_of(document),
        reporter=reporter,
        anonymous=reporter is None,
        answers=_answers(spec, today),
        submission_key=uuid.uuid4(),
        received_at=received,
        status_changed_at=received,
    )
    if document is not None:
        case.kind = model.Kind.DOCUMENT
    started = timezone.now()
    with LogContext(user=reporter, generate_uuid=False):
        case.reference = next_case_reference(model.reference_prefix)
        case.live = True
        case.save()
        revision = case.save_revision(user=reporter, log_action=False)
        revision.publish(user=reporter, log_action=False, skip_permission_checks=True)
        log(instance=case, action="wagtail.create", user=reporter)
    _backdate(case, started, received)
    return case


def _handle(case, step, users, today, when):
    """One step by the WorkSmarter member, as the case editor does it: a revision, published (or moderated).

    The edit action cleans the case first, so a move the lifecycle refuses stops here with its reason.
    """
    moderator = users[MODERATOR]
    started = timezone.now()
    case.refresh_from_db()
    old_status = case.status
    _apply(case, step, users, today)
    workflow = case.get_workflow() if "board" in step else None
    with LogContext(user=moderator):
        if workflow is None:
            EditAction(case, user=moderator, publish=True).execute(skip_permission_checks=True)
        else:
            EditAction(case, user=moderator, clean=True).execute(skip_permission_checks=True)
            _moderate(case, workflow, moderator, users[CO_MODERATOR])
        if case.status != old_status:
            log_status_change(case, old_status, case.status, moderator)  # the history line the editor writes
    _backdate(case, started, when)


def _apply(case, step, users, today):
    if "status" in step:
        case.status = step["status"]
    if "handler" in step:
        case.handler = users[step["handler"]]
    if "due" in step:
        case.due_date = today + datetime.timedelta(days=step["due"])
    for field in HANDLING_FIELDS:
        if field in step:
            setattr(case, field, step[field])
    if "board" in step:
        case.on_board = True
        case.public_title = step["board"]["public_title"]
        case.public_summary = step["board"]["public_summary"]


def _moderate(case, workflow, moderator, approver):
    """Submits the moderator's revision for moderation; another member approves each task, the last approval
    publishing it."""
    state = workflow.start(case, moderator)
    for _task in workflow.tasks.all():
        state.refresh_from_db()
        if state.status != WorkflowState.STATUS_IN_PROGRESS:
            break
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, approver, "approve")


def _backdate(case, since, when):
    """Moves everything the last step stamped with the clock (at or after ``since``) to the day of the step."""
    Revision.objects.for_instance(case).filter(created_at__gte=since).update(created_at=when)
    ModelLogEntry.objects.for_instance(case).filter(timestamp__gte=since).update(timestamp=when)
    StatusChange.objects.filter(
        content_type=ContentType.objects.get_for_model(case), object_id=case.pk, changed_at__gte=since
    ).update(changed_at=when)
    workflow_states = WorkflowState.objects.for_instance(case)
    workflow_states.filter(created_at__gte=since).update(created_at=when)
    task_states = TaskState.objects.filter(workflow_state__in=workflow_states)
    task_states.filter(started_at__gte=since).update(started_at=when)
    task_states.filter(finished_at__gte=since).update(finished_at=when)
    row = type(case).objects.filter(pk=case.pk)
    stamped = row.values(*CLOCK_FIELDS).get()
    row.update(**{field: when for field, value in stamped.items() if value is not None and value >= since})


def _moment(today, days_ago, number):
    """A working hour ``days_ago`` days before ``today``, varied a little from case to case."""
    day = today - datetime.timedelta(days=days_ago)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8 + number % 7, (17 * number) % 60)))


def _answers(spec, today):
    """The extra questions' answers as the form keeps them: every question, in order, as text."""
    if spec["type"] == "deviation":
        discovered = today - datetime.timedelta(days=spec["discovered"])
        return [{"label": DISCOVERED, "value": answer_text(discovered)}, {"label": IMPACT, "value": spec["impact"]}]
    return [{"label": BENEFIT, "value": spec["benefit"]}]


def _document(number):
    if not number:
        return None
    return ControlledDocumentPage.objects.live().filter(document_number=number).first()


def _version_on(document, moment):
    """The version in force when the case was reported, as “Rapportér et problem” fills it in."""
    if document is None:
        return ""
    version = DocumentVersion.objects.filter(document=document, published_at__lte=moment).first()
    return version.label if version else document.version


def _section_of(document):
    if document is None:
        return None
    return SectionPage.objects.ancestor_of(document).order_by("-depth").first()
