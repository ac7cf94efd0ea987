"""Demo procedures and instructions for the handbook's three sections.

Data only. `SECTIONS` lists the sections in the order the loader creates them; the seven seed policies of
`seed.py` are put first in "Fælles" by the loader and are not repeated here. Each document's `body` is a raw
StreamField value for `DocumentBodyBlock`, and its `attachments` are file names in `files/` (beside this
module), titled by `ATTACHMENT_TITLES`.
"""

ELI_MILJOEBESKYTTELSESLOVEN = "https://www.retsinformation.dk/eli/lta/2024/1093"
ELI_NATURBESKYTTELSESLOVEN = "https://www.retsinformation.dk/eli/lta/2024/927"
ELI_FORVALTNINGSLOVEN = "https://www.retsinformation.dk/eli/lta/2014/433"
ELI_OFFENTLIGHEDSLOVEN = "https://www.retsinformation.dk/eli/lta/2020/145"
ELI_ARKIVLOVEN = "https://www.retsinformation.dk/eli/lta/2016/1201"
ELI_JORDFORURENINGSLOVEN = "https://www.retsinformation.dk/eli/lta/2017/282"
ELI_TILSYNSBEKENDTGOERELSEN = "https://www.retsinformation.dk/eli/lta/2019/1536"

ATTACHMENT_TITLES = {
    "skabelon-tilsynsrapport.docx": "Skabelon: Tilsynsrapport",
    "skabelon-afgoerelse-dispensation.docx": "Skabelon: Afgørelse om dispensation fra naturbeskyttelseslovens § 3",
    "skabelon-auditrapport.docx": "Skabelon: Auditrapport",
    "skabelon-partshoering.docx": "Skabelon: Partshøring",
    "tjekliste-miljoetilsyn.xlsx": "Tjekliste: Miljøtilsyn på virksomheder",
}

# ---------------------------------------------------------------------------------------------------------
# Fælles
# ---------------------------------------------------------------------------------------------------------

INTERN_AUDIT = {
    "type": "procedure",
    "title": "Intern audit",
    "slug": "intern-audit",
    "summary": (
        "Sådan planlægger, gennemfører og følger WorkSmarter-gruppen op på de interne audits, der viser, om "
        "kvalitetsstyringssystemet virker og bliver fulgt i praksis."
    ),
    "responsible": "worksmarter",
    "approver": "enhedsleder",
    "review_interval_months": 12,
    "effective_date": "2025-03-01",
    "tags": ["audit", "WorkSmarter", "opfølgning"],
    "iso_clauses": ["9.2", "10.2"],
    "legal_basis": [],
    "related": [
        "haandtering-af-afvigelser-og-forbedringsforslag",
        "ledelsens-evaluering",
        "aktiviteter-i-aarets-loeb",
        "worksmarter-gruppen",
    ],
    "attachments": ["skabelon-auditrapport.docx"],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer, at afdelingen med faste mellemrum undersøger, om kvalitetsstyringssystemet "
                "lever op til ISO 9001 og til vores egne procedurer, og om det bliver brugt i det daglige "
                "arbejde. Audit er et læringsværktøj: formålet er at finde forbedringsmuligheder, ikke at finde "
                "fejl hos den enkelte medarbejder.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Proceduren gælder for alle processer i Miljø &amp; Teknik, der er omfattet af certificeringen, "
                "dvs. sagsbehandlingen på miljø- og naturområdet og de tværgående procedurer. Eksterne audits ved "
                "certificeringsorganet er ikke omfattet, men fund herfra behandles på samme måde.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "WorkSmarter-gruppen",
                        "duties": (
                            "<p>Udarbejder og vedtager det årlige auditprogram, udpeger auditorer og følger op på "
                            "fund på kvartalsmøderne.</p>"
                        ),
                    },
                    {
                        "role": "Auditor",
                        "duties": (
                            "<p>Planlægger og gennemfører den enkelte audit, skriver auditrapporten og registrerer "
                            "fund. En auditor må ikke auditere sit eget arbejde.</p>"
                        ),
                    },
                    {
                        "role": "Enhedsleder",
                        "duties": "<p>Sikrer tid til audits og godkender auditprogrammet.</p>",
                    },
                    {
                        "role": "Auditeret team",
                        "duties": (
                            "<p>Stiller sager og dokumentation til rådighed og ejer de korrigerende handlinger, "
                            "fundene giver anledning til.</p>"
                        ),
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Vedtag auditprogrammet",
                        "text": (
                            "<p>På kvartalsmødet i januar vedtages årets auditprogram. Alle certificerede "
                            "processer auditeres mindst hvert andet år; processer med mange afvigelser, nye "
                            "lovkrav eller klager prioriteres højere.</p>"
                        ),
                        "responsible": "WorkSmarter-gruppen",
                    },
                    {
                        "title": "Udpeg auditorer",
                        "text": (
                            "<p>Der udpeges normalt to auditorer pr. audit, heraf mindst én fra et andet team "
                            "end det auditerede. Auditorer skal have gennemført afdelingens auditorkursus.</p>"
                        ),
                        "responsible": "WorkSmarter-gruppen",
                    },
                    {
                        "title": "Planlæg og varsl auditten",
                        "text": (
                            "<p>Aftal tidspunkt med teamet mindst tre uger før. Fastlæg auditkriterier (procedure, "
                            "ISO-afsnit, lovkrav) og vælg stikprøver af sager i ESDH-systemet.</p>"
                        ),
                        "responsible": "Auditor",
                    },
                    {
                        "title": "Gennemfør auditten",
                        "text": (
                            "<p>Gennemgå stikprøverne, interview medarbejderne og sammenhold praksis med "
                            "procedurerne. Notér både positive iagttagelser og fund med konkret dokumentation.</p>"
                        ),
                        "responsible": "Auditor",
                    },
                    {
                        "title": "Afslut med et kort opsamlingsmøde",
                        "text": (
                            "<p>Gennemgå fundene med de auditerede, så der er enighed om fakta, før rapporten "
                            "skrives.</p>"
                        ),
                        "responsible": "Auditor",
                    },
                    {
                        "title": "Skriv auditrapporten",
                        "text": (
                            "<p>Brug skabelonen til auditrapport. Rapporten sendes til teamet, enhedslederen og "
                            "WorkSmarter-gruppen senest 10 arbejdsdage efter auditten og journaliseres.</p>"
                        ),
                        "responsible": "Auditor",
                    },
                    {
                        "title": "Registrér fund",
                        "text": (
                            "<p>Afvigelser og forbedringsforslag registreres i Kvalitetsportalen og behandles "
                            "efter proceduren for håndtering af afvigelser og forbedringsforslag.</p>"
                        ),
                        "responsible": "Auditor",
                    },
                    {
                        "title": "Følg op",
                        "text": (
                            "<p>WorkSmarter-gruppen følger på kvartalsmøderne op på, om de korrigerende handlinger "
                            "er gennemført og har virket. Resultaterne indgår i ledelsens evaluering.</p>"
                        ),
                        "responsible": "WorkSmarter-gruppen",
                    },
                ],
            },
        },
        {
            "type": "heading",
            "value": {"text": "Kategorier af fund", "level": "h2"},
        },
        {
            "type": "table",
            "value": {
                "data": [
                    ["Kategori", "Beskrivelse", "Opfølgning"],
                    [
                        "Afvigelse",
                        "Et krav i ISO 9001, i en procedure eller i lovgivningen er ikke opfyldt",
                        "Årsagsanalyse og korrigerende handling; frist aftales med teamet",
                    ],
                    [
                        "Observation",
                        "Kravet er opfyldt, men der er risiko for, at det ikke vil være det fremover",
                        "Teamet vurderer, om der skal handles; drøftes på næste kvartalsmøde",
                    ],
                    [
                        "Forbedringsforslag",
                        "En idé til en enklere eller bedre arbejdsgang",
                        "Behandles som forbedringsforslag",
                    ],
                    [
                        "Positiv iagttagelse",
                        "God praksis, som andre teams kan lære af",
                        "Formidles til hele afdelingen",
                    ],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Kategorier af auditfund",
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "success",
                "title": "God praksis",
                "text": (
                    "<p>Vælg stikprøverne, så de dækker både nye og afsluttede sager og både afgørelser og "
                    "henvendelser, der ikke førte til afgørelse. Det giver det mest retvisende billede.</p>"
                ),
            },
        },
    ],
}

LEDELSENS_EVALUERING = {
    "type": "procedure",
    "title": "Ledelsens evaluering",
    "slug": "ledelsens-evaluering",
    "summary": (
        "Den årlige evaluering, hvor ledelsen gør status over kvalitetsstyringssystemet og beslutter mål, "
        "forbedringer og ressourcer for det kommende år."
    ),
    "responsible": "enhedsleder",
    "approver": "enhedsleder",
    "review_interval_months": 12,
    "effective_date": "2025-04-01",
    "tags": ["ledelsens evaluering", "kvalitetsmål", "ledelse"],
    "iso_clauses": ["5.1", "6.2", "9.3"],
    "legal_basis": [],
    "related": [
        "intern-audit",
        "haandtering-af-afvigelser-og-forbedringsforslag",
        "kvalitetspolitik-og-maalsaetninger",
        "aktiviteter-i-aarets-loeb",
    ],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Ledelsens evaluering sikrer, at kvalitetsstyringssystemet fortsat er egnet, tilstrækkeligt og "
                "virkningsfuldt, og at det understøtter afdelingens strategiske retning og kvalitetspolitik. "
                "Evalueringen er ledelsens vigtigste anledning til at beslutte forbedringer.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Evalueringen omfatter hele det certificerede kvalitetsstyringssystem for sagsbehandlingen på "
                "miljø- og naturområdet. Den holdes én gang årligt i november, efter årets audits og "
                "tilfredshedsundersøgelse.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Enhedsleder",
                        "duties": "<p>Indkalder til og leder evalueringen og sikrer, at beslutningerne følges op.</p>",
                    },
                    {
                        "role": "Ledergruppe",
                        "duties": "<p>Deltager i evalueringen og træffer beslutninger om mål og ressourcer.</p>",
                    },
                    {
                        "role": "WorkSmarter-gruppen",
                        "duties": (
                            "<p>Samler og forbereder input til evalueringen og skriver referatet. Formidler "
                            "beslutningerne til teams og MED-udvalg.</p>"
                        ),
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Fastsæt dato og indkald",
                        "text": "<p>Mødet fastlægges i årshjulet og indkaldes senest fire uger før.</p>",
                        "responsible": "Enhedsleder",
                    },
                    {
                        "title": "Saml input",
                        "text": (
                            "<p>WorkSmarter-gruppen samler input efter tabellen nedenfor i et kort "
                            "evalueringsnotat, der sendes ud sammen med dagsordenen senest en uge før mødet.</p>"
                        ),
                        "responsible": "WorkSmarter-gruppen",
                    },
                    {
                        "title": "Gennemfør evalueringen",
                        "text": (
                            "<p>Gennemgå notatet punkt for punkt. Vurdér for hvert kvalitetsmål, om det er nået, "
                            "og om det fortsat er relevant.</p>"
                        ),
                        "responsible": "Ledergruppe",
                    },
                    {
                        "title": "Træf beslutninger",
                        "text": (
                            "<p>Beslut nye eller ændrede kvalitetsmål, forbedringstiltag, behov for ændringer i "
                            "systemet og behov for ressourcer, herunder kompetenceudvikling.</p>"
                        ),
                        "responsible": "Ledergruppe",
                    },
                    {
                        "title": "Skriv og godkend referat",
                        "text": (
                            "<p>Referatet angiver beslutninger, ansvarlige og frister. Det godkendes af "
                            "enhedslederen og journaliseres som dokumenteret information.</p>"
                        ),
                        "responsible": "WorkSmarter-gruppen",
                    },
                    {
                        "title": "Formidl og følg op",
                        "text": (
                            "<p>Beslutningerne formidles på afdelingsmøde og i MED-udvalget. WorkSmarter-gruppen "
                            "følger op på kvartalsmøderne.</p>"
                        ),
                        "responsible": "WorkSmarter-gruppen",
                    },
                ],
            },
        },
        {
            "type": "heading",
            "value": {"text": "Input og output", "level": "h2"},
        },
        {
            "type": "table",
            "value": {
                "data": [
                    ["Input til evalueringen", "Kilde"],
                    ["Status på beslutninger fra sidste evaluering", "Sidste års referat"],
                    ["Ændringer i interne og eksterne forhold, herunder ny lovgivning", "Teams og enhedsleder"],
                    ["Interessenternes tilfredshed og tilbagemeldinger", "Tilfredshedsundersøgelse, klager"],
                    ["Opfyldelse af kvalitetsmål", "Målopfølgning"],
                    ["Sagsbehandlingstider og overholdelse af frister", "Ledelsesinformation fra ESDH"],
                    ["Afvigelser og korrigerende handlinger", "Kvalitetsportalen"],
                    ["Resultater af interne og eksterne audits", "Auditrapporter"],
                    ["Ressourcer og kompetencer", "Kompetenceoversigt"],
                    ["Risici og muligheder", "WorkSmarter-gruppen"],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Input til ledelsens evaluering (ISO 9001, afsnit 9.3.2)",
            },
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Evalueringen skal resultere i beslutninger om:</p>"
                "<ul><li>muligheder for forbedringer,</li>"
                "<li>behov for ændringer i kvalitetsstyringssystemet, og</li>"
                "<li>behov for ressourcer.</li></ul>"
            ),
        },
        {
            "type": "note",
            "value": {
                "kind": "info",
                "title": "Dokumentation",
                "text": (
                    "<p>Referatet af ledelsens evaluering efterspørges altid ved den eksterne audit. Sørg for, at "
                    "det tydeligt fremgår, hvilke input der er behandlet, og hvilke beslutninger der er truffet.</p>"
                ),
            },
        },
    ],
}

AFVIGELSER = {
    "type": "procedure",
    "title": "Håndtering af afvigelser og forbedringsforslag",
    "slug": "haandtering-af-afvigelser-og-forbedringsforslag",
    "summary": (
        "Sådan registrerer, vurderer og lukker vi afvigelser, klager og forbedringsforslag, så vi lærer af dem "
        "og undgår, at fejl gentager sig."
    ),
    "responsible": "worksmarter",
    "approver": "enhedsleder",
    "review_interval_months": 12,
    "effective_date": "2025-03-01",
    "tags": ["afvigelser", "forbedringer", "korrigerende handlinger", "klager"],
    "iso_clauses": ["8.7", "10.1", "10.2", "10.3"],
    "legal_basis": [],
    "related": ["intern-audit", "ledelsens-evaluering", "worksmarter-gruppen", "ansvars-og-opgavefordeling"],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer, at fejl, mangler og ideer til forbedringer bliver registreret ét sted, "
                "vurderet ensartet og fulgt op, så vi retter både fejlen og dens årsag. Alle medarbejdere har pligt "
                "til at orientere WorkSmarter-gruppen om afvigelser.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Proceduren gælder for:</p>"
                "<ul><li>afvigelser fra lovkrav, procedurer eller aftaler, som medarbejderne selv opdager,</li>"
                "<li>klager fra borgere, virksomheder og samarbejdspartnere over sagsbehandlingen,</li>"
                "<li>fund fra interne og eksterne audits, og</li>"
                "<li>forbedringsforslag fra medarbejdere og interessenter.</li></ul>"
                "<p>Klager over en afgørelses indhold behandles efter den relevante klagevejledning og er ikke "
                "omfattet, men kan give anledning til en afvigelse.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Alle medarbejdere",
                        "duties": "<p>Registrerer afvigelser og forbedringsforslag, så snart de opdages.</p>",
                    },
                    {
                        "role": "Teamkoordinator",
                        "duties": (
                            "<p>Retter den umiddelbare fejl, gennemfører årsagsanalysen og gennemfører de "
                            "korrigerende handlinger i eget team.</p>"
                        ),
                    },
                    {
                        "role": "WorkSmarter-gruppen",
                        "duties": (
                            "<p>Vurderer og klassificerer alle registreringer, udpeger ansvarlige, følger op og "
                            "lukker sagerne. Vurderer, om en afvigelse kræver ændring af en fælles procedure.</p>"
                        ),
                    },
                    {
                        "role": "Enhedsleder",
                        "duties": "<p>Inddrages straks ved alvorlige afvigelser og beslutter ressourcer.</p>",
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Registrér",
                        "text": (
                            "<p>Registrér afvigelsen eller forslaget i Kvalitetsportalen med en kort beskrivelse, "
                            "sagsnummer og eventuel dokumentation. Skriv fakta, ikke navne.</p>"
                        ),
                        "responsible": "Medarbejder",
                    },
                    {
                        "title": "Ret den umiddelbare fejl",
                        "text": (
                            "<p>Hvis en borger eller virksomhed er berørt, rettes fejlen straks, fx ved at sende et "
                            "korrekt brev eller en manglende klagevejledning.</p>"
                        ),
                        "responsible": "Teamkoordinator",
                    },
                    {
                        "title": "Vurdér og klassificér",
                        "text": (
                            "<p>WorkSmarter-gruppen vurderer registreringen inden for 10 arbejdsdage og "
                            "klassificerer den som mindre eller alvorlig afvigelse, klage eller forbedringsforslag. "
                            "Der udpeges en ansvarlig.</p>"
                        ),
                        "responsible": "WorkSmarter-gruppen",
                    },
                    {
                        "title": "Find årsagen",
                        "text": (
                            "<p>For alvorlige og gentagne afvigelser gennemføres en årsagsanalyse, fx med "
                            "metoden \u201d5 x hvorfor\u201d. Vurdér, om lignende fejl kan forekomme i andre "
                            "teams.</p>"
                        ),
                        "responsible": "Teamkoordinator",
                    },
                    {
                        "title": "Beslut og gennemfør handlinger",
                        "text": (
                            "<p>Beslut korrigerende handlinger med ansvarlig og frist. Det kan være en ændret "
                            "procedure, en ny skabelon, en tjekliste eller kompetenceudvikling.</p>"
                        ),
                        "responsible": "Teamkoordinator",
                    },
                    {
                        "title": "Vurdér virkningen",
                        "text": (
                            "<p>Efter en passende periode vurderes det, om handlingen har virket, fx ved "
                            "stikprøver. Først derefter lukkes afvigelsen.</p>"
                        ),
                        "responsible": "WorkSmarter-gruppen",
                    },
                    {
                        "title": "Rapportér",
                        "text": (
                            "<p>Status på åbne afvigelser gennemgås på hvert kvartalsmøde, og en samlet oversigt "
                            "indgår i ledelsens evaluering.</p>"
                        ),
                        "responsible": "WorkSmarter-gruppen",
                    },
                ],
            },
        },
        {
            "type": "table",
            "value": {
                "data": [
                    ["Klassifikation", "Eksempel", "Frist for handling"],
                    [
                        "Alvorlig afvigelse",
                        "Afgørelse sendt uden klagevejledning; overskredet lovbestemt frist; fejl i personfølsomme "
                        "oplysninger",
                        "Umiddelbar rettelse; årsagsanalyse inden 1 måned",
                    ],
                    [
                        "Mindre afvigelse",
                        "Dokument ikke journaliseret; skabelon ikke anvendt",
                        "Rettelse og vurdering inden 3 måneder",
                    ],
                    [
                        "Klage over sagsbehandling",
                        "Manglende svar på henvendelse",
                        "Svar til klager inden 10 arbejdsdage",
                    ],
                    ["Forbedringsforslag", "Forslag om ny tjekliste", "Behandles på næste kvartalsmøde"],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Klassifikation og frister",
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "warning",
                "title": "Alvorlige afvigelser",
                "text": (
                    "<p>Ved alvorlige afvigelser, hvor en part kan have lidt et retstab, skal enhedslederen "
                    "orienteres samme dag. Brud på persondatasikkerheden skal desuden straks anmeldes til "
                    "kommunens databeskyttelsesrådgiver.</p>"
                ),
            },
        },
    ],
}

KOMPETENCER = {
    "type": "procedure",
    "title": "Kompetencer og uddannelse",
    "slug": "kompetencer-og-uddannelse",
    "summary": (
        "Sådan kortlægger vi kompetencer og kompetencebehov, planlægger uddannelse og sikrer, at nye "
        "medarbejdere bliver introduceret til lovgivning, procedurer og systemer."
    ),
    "responsible": "enhedsleder",
    "approver": "enhedsleder",
    "review_interval_months": 24,
    "effective_date": "2025-05-01",
    "tags": ["kompetencer", "uddannelse", "introduktion", "MUS"],
    "iso_clauses": ["7.1", "7.2", "7.3"],
    "legal_basis": [],
    "related": ["ansvars-og-opgavefordeling", "organisering-og-arbejdsmetode", "ledelsens-evaluering"],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer, at medarbejderne har de faglige, juridiske og kommunikative kompetencer, "
                "som opgaverne kræver, og at teams løbende vedligeholder og udvikler dem. Det understøtter "
                "målet om kompetent sagsbehandling på et højt fagligt niveau.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for alle medarbejdere og ledere, der er omfattet af certificeringen, samt for "
                "eksterne ressourcepersoner, der udfører opgaver for afdelingen.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Enhedsleder",
                        "duties": (
                            "<p>Vurderer årligt kompetencer og kompetencebehov, godkender uddannelsesplaner og "
                            "sikrer, at medarbejderne holder sig ajour med gældende lovgivning.</p>"
                        ),
                    },
                    {
                        "role": "Team",
                        "duties": (
                            "<p>Drøfter teamets samlede kompetencer og sårbarheder og foreslår kompetenceudvikling.</p>"
                        ),
                    },
                    {
                        "role": "Medarbejder",
                        "duties": (
                            "<p>Opdaterer oversigten over egne kurser og uddannelsesaktiviteter og gennemgår nye "
                            "lovtekster inden for eget fagområde.</p>"
                        ),
                    },
                    {
                        "role": "Mentor",
                        "duties": "<p>Introducerer nye kolleger til fagområdet efter introduktionsplanen.</p>",
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Kortlæg kompetencebehov",
                        "text": (
                            "<p>Teamet beskriver hvert år, hvilke kompetencer opgaverne kræver, herunder nye krav "
                            "fra lovændringer og politiske beslutninger.</p>"
                        ),
                        "responsible": "Team",
                    },
                    {
                        "title": "Opdatér kompetenceoversigten",
                        "text": (
                            "<p>Hver medarbejder opdaterer sine kurser, efteruddannelse og særlige kompetencer i "
                            "kompetenceoversigten forud for MUS.</p>"
                        ),
                        "responsible": "Medarbejder",
                    },
                    {
                        "title": "Hold MUS og aftal udvikling",
                        "text": (
                            "<p>I MUS aftales konkrete udviklingsaktiviteter, fx kurser, netværk, "
                            "sidemandsoplæring eller deltagelse i tværgående projekter.</p>"
                        ),
                        "responsible": "Enhedsleder",
                    },
                    {
                        "title": "Læg uddannelsesplanen",
                        "text": (
                            "<p>Enhedslederen samler aftalerne i en uddannelsesplan for året og prioriterer "
                            "kompetencer, hvor teamet er sårbart, fx hvor kun én medarbejder kan løse en "
                            "opgave.</p>"
                        ),
                        "responsible": "Enhedsleder",
                    },
                    {
                        "title": "Introducér nye medarbejdere",
                        "text": (
                            "<p>Nye medarbejdere får en mentor og en introduktionsplan, der omfatter "
                            "kvalitetshåndbogen, forvaltningsret, ESDH-systemet og teamets centrale procedurer.</p>"
                        ),
                        "responsible": "Mentor",
                    },
                    {
                        "title": "Del viden",
                        "text": (
                            "<p>Den, der har været på kursus eller konference, deler de vigtigste pointer på "
                            "næste teammøde.</p>"
                        ),
                        "responsible": "Medarbejder",
                    },
                    {
                        "title": "Evaluér",
                        "text": (
                            "<p>Ved næste MUS vurderes, om aktiviteterne har givet den ønskede kompetence. "
                            "Status indgår i ledelsens evaluering.</p>"
                        ),
                        "responsible": "Enhedsleder",
                    },
                ],
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "info",
                "title": "Eksterne ressourcepersoner",
                "text": (
                    "<p>Konsulenter og andre eksterne, der udfører opgaver for afdelingen, skal introduceres til "
                    "de procedurer, der gælder for opgaven, og det skal fremgå af aftalen med dem.</p>"
                ),
            },
        },
    ],
}

DOKUMENTHAANDTERING = {
    "type": "procedure",
    "title": "Dokumenthåndtering, journalisering og arkivering",
    "slug": "dokumenthaandtering-journalisering-og-arkivering",
    "summary": (
        "Regler for, hvordan sager oprettes, dokumenter journaliseres i ESDH-systemet, og sager afsluttes og "
        "arkiveres, så vi overholder journaliseringspligten og arkivlovgivningen."
    ),
    "responsible": "redaktoer",
    "approver": "enhedsleder",
    "review_interval_months": 24,
    "effective_date": "2025-06-01",
    "tags": ["journalisering", "arkivering", "ESDH"],
    "iso_clauses": ["7.5"],
    "legal_basis": [
        {"title": "Offentlighedsloven", "provision": "§ 15", "url": ELI_OFFENTLIGHEDSLOVEN},
        {"title": "Arkivloven", "provision": "", "url": ELI_ARKIVLOVEN},
    ],
    "related": ["styring-af-kvalitetsdokumenter", "haandtering-af-aktindsigt", "ansvars-og-opgavefordeling"],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer, at alle dokumenter, der indgår i en sag, bliver journaliseret korrekt og "
                "rettidigt, så sagen altid kan genfindes og dokumenteres, så aktindsigt kan gives hurtigt, og så "
                "arkivalier bevares eller kasseres efter reglerne.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for alle sager og dokumenter i Miljø &amp; Teknik, uanset om de modtages eller afsendes "
                "med Digital Post, e-mail, brev eller opstår som interne notater, fx telefonnotater og notater "
                "fra tilsyn og besigtigelser.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Sagsbehandler",
                        "duties": (
                            "<p>Opretter sager, journaliserer dokumenter og afslutter sagen korrekt, når den er "
                            "færdigbehandlet.</p>"
                        ),
                    },
                    {
                        "role": "Enhedsleder",
                        "duties": (
                            "<p>Sikrer, at medarbejderne følger afdelingens retningslinjer for dokumenthåndtering, "
                            "journalisering og arkivering.</p>"
                        ),
                    },
                    {
                        "role": "Kvalitetshåndbogens redaktør",
                        "duties": "<p>Vedligeholder retningslinjerne og afdelingens emneplan i ESDH-systemet.</p>",
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Opret sagen",
                        "text": (
                            "<p>Opret sagen i ESDH-systemet med KLE-emnenummer, en sigende sagstitel efter "
                            "afdelingens navngivning (fx \u201dMiljøtilsyn - Firmanavn - Adresse\u201d), "
                            "ejendom eller CVR-nr. og ansvarlig sagsbehandler.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Journalisér indgående dokumenter",
                        "text": (
                            "<p>Dokumenter, der har betydning for sagen, journaliseres senest tre arbejdsdage "
                            "efter modtagelsen. Ansøgninger, klager og anmeldelser journaliseres samme dag.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Notér mundtlige oplysninger",
                        "text": (
                            "<p>Mundtlige oplysninger af betydning for sagen, fx fra telefonsamtaler, møder og "
                            "tilsyn, noteres og journaliseres, jf. offentlighedslovens notatpligt.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Journalisér udgående dokumenter",
                        "text": (
                            "<p>Breve, afgørelser og høringer dannes fra ESDH-systemet og journaliseres ved "
                            "afsendelsen. Afgørelser sendes med Digital Post, medmindre modtageren er fritaget.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Markér fortrolige oplysninger",
                        "text": (
                            "<p>Dokumenter med personnumre, helbredsoplysninger eller forretningshemmeligheder "
                            "markeres som fortrolige, så adgangen begrænses.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Afslut sagen",
                        "text": (
                            "<p>Når sagen er færdigbehandlet, og klagefristen er udløbet, kontrolleres det, at alle "
                            "dokumenter er journaliseret, og sagen afsluttes med korrekt afslutningskode.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Bevaring og kassation",
                        "text": (
                            "<p>Afsluttede sager bevares eller kasseres efter Rigsarkivets bestemmelser og "
                            "kommunens arkivplan. Kassation sker automatisk i ESDH-systemet på grundlag af "
                            "KLE-emnenummeret.</p>"
                        ),
                        "responsible": "",
                    },
                ],
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "warning",
                "title": "Ingen sager i mailboksen",
                "text": (
                    "<p>Dokumenter må ikke ligge i personlige mailbokse, på fællesdrev eller i Teams i stedet for "
                    "ESDH-systemet. Hvis en kollega skal overtage sagen, eller der kommer en anmodning om "
                    "aktindsigt, skal alt kunne findes på sagen.</p>"
                ),
            },
        },
    ],
}

STYRING_AF_KVALITETSDOKUMENTER = {
    "type": "procedure",
    "title": "Styring af kvalitetsdokumenter",
    "slug": "styring-af-kvalitetsdokumenter",
    "summary": (
        "Sådan udarbejdes, godkendes, offentliggøres, revideres og udfases politikker, procedurer, instrukser "
        "og skabeloner i Kvalitetsportalen."
    ),
    "responsible": "redaktoer",
    "approver": "enhedsleder",
    "review_interval_months": 24,
    "effective_date": "2025-09-01",
    "tags": ["dokumentstyring", "kvalitetshåndbog", "revision"],
    "iso_clauses": ["7.5"],
    "legal_basis": [],
    "related": [
        "dokumenthaandtering-journalisering-og-arkivering",
        "haandtering-af-afvigelser-og-forbedringsforslag",
        "worksmarter-gruppen",
    ],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer, at medarbejderne altid arbejder efter den gældende version af "
                "kvalitetshåndbogens dokumenter, at ændringer bliver godkendt, før de træder i kraft, og at "
                "dokumenterne regelmæssigt bliver gennemgået.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for alle styrede dokumenter i Kvalitetsportalen: politikker, procedurer, instrukser og "
                "de skabeloner og bilag, der er knyttet til dem. Sagsdokumenter er omfattet af proceduren for "
                "dokumenthåndtering.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Dokumentansvarlig",
                        "duties": (
                            "<p>Holder dokumentet ajour, reviderer det ved lovændringer og ved den planlagte "
                            "gennemgang og sender ændringer til godkendelse.</p>"
                        ),
                    },
                    {
                        "role": "Godkender (enhedsleder)",
                        "duties": "<p>Godkender nye dokumenter og væsentlige ændringer.</p>",
                    },
                    {
                        "role": "Kvalitetshåndbogens redaktør",
                        "duties": (
                            "<p>Sikrer ensartet struktur og sprog, offentliggør godkendte versioner og holder "
                            "øje med dokumenter, hvis gennemgang er overskredet.</p>"
                        ),
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Opret eller ret et udkast",
                        "text": (
                            "<p>Arbejd i Kvalitetsportalen. Brug de faste afsnit formål, anvendelsesområde, "
                            "ansvar og fremgangsmåde, og henvis til lovgrundlag og relaterede dokumenter.</p>"
                        ),
                        "responsible": "Dokumentansvarlig",
                    },
                    {
                        "title": "Inddrag brugerne",
                        "text": (
                            "<p>Væsentlige ændringer drøftes med de teams, der skal bruge dokumentet, før det "
                            "sendes til godkendelse.</p>"
                        ),
                        "responsible": "Dokumentansvarlig",
                    },
                    {
                        "title": "Send til godkendelse",
                        "text": (
                            "<p>Send udkastet til godkendelse med en kort beskrivelse af ændringen. Den beskrivelse "
                            "bliver versionens ændringsnote.</p>"
                        ),
                        "responsible": "Dokumentansvarlig",
                    },
                    {
                        "title": "Godkend",
                        "text": (
                            "<p>Godkenderen kontrollerer indhold og konsekvenser. Ved afvisning gives en "
                            "begrundelse.</p>"
                        ),
                        "responsible": "Enhedsleder",
                    },
                    {
                        "title": "Offentliggør og orientér",
                        "text": (
                            "<p>Den godkendte version offentliggøres med nyt versionsnummer og "
                            "ikrafttrædelsesdato. Væsentlige ændringer meddeles på teammøder.</p>"
                        ),
                        "responsible": "Redaktør",
                    },
                    {
                        "title": "Gennemgå regelmæssigt",
                        "text": (
                            "<p>Dokumentet gennemgås senest på den dato, der følger af "
                            "gennemgangsintervallet. Også uændrede dokumenter bekræftes, så datoen flyttes.</p>"
                        ),
                        "responsible": "Dokumentansvarlig",
                    },
                    {
                        "title": "Udfas forældede dokumenter",
                        "text": (
                            "<p>Dokumenter, der ikke længere gælder, afpubliceres. Tidligere versioner bevares i "
                            "versionshistorikken som dokumenteret information.</p>"
                        ),
                        "responsible": "Redaktør",
                    },
                ],
            },
        },
        {
            "type": "table",
            "value": {
                "data": [
                    ["Ændring", "Eksempel", "Versionsnummer"],
                    ["Væsentlig", "Ny arbejdsgang, nye ansvarsforhold, nye lovkrav", "Ny hovedversion (fx 2.0)"],
                    ["Mindre", "Rettelse af stavefejl, opdateret link eller kontaktperson", "Ny delversion (fx 1.1)"],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Væsentlige og mindre ændringer",
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "warning",
                "title": "Udskrifter er ikke styrede",
                "text": (
                    "<p>Kun versionen i Kvalitetsportalen er gældende. Udskrevne eller downloadede kopier skal "
                    "kontrolleres mod portalen før brug.</p>"
                ),
            },
        },
    ],
}

AKTINDSIGT = {
    "type": "procedure",
    "title": "Håndtering af aktindsigt",
    "slug": "haandtering-af-aktindsigt",
    "summary": (
        "Sådan behandler vi anmodninger om aktindsigt efter offentlighedsloven, forvaltningsloven og "
        "miljøoplysningsloven, så fristerne overholdes, og fortrolige oplysninger beskyttes."
    ),
    "responsible": "redaktoer",
    "approver": "enhedsleder",
    "review_interval_months": 24,
    "effective_date": "2025-10-01",
    "tags": ["aktindsigt", "offentlighed", "frister"],
    "iso_clauses": ["7.5", "8.2"],
    "legal_basis": [
        {"title": "Offentlighedsloven", "provision": "§ 7 og § 36", "url": ELI_OFFENTLIGHEDSLOVEN},
        {"title": "Forvaltningsloven", "provision": "§ 9", "url": ELI_FORVALTNINGSLOVEN},
    ],
    "related": [
        "dokumenthaandtering-journalisering-og-arkivering",
        "frister-og-sagsbehandlingstider",
        "vaerdier-og-principper",
    ],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer en hurtig, korrekt og ensartet behandling af anmodninger om aktindsigt, så "
                "lovens frister overholdes, og så vi både imødekommer ønsket om åbenhed og beskytter "
                "oplysninger, der skal undtages.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for alle anmodninger om aktindsigt i sager i Miljø &amp; Teknik, uanset om de kommer "
                "fra en part, en journalist, en nabo eller en organisation. For miljøoplysninger gælder desuden "
                "lov om aktindsigt i miljøoplysninger, der giver en videre adgang til oplysninger om fx "
                "emissioner.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Sagsbehandler",
                        "duties": "<p>Behandler anmodningen og træffer afgørelse inden for fristen.</p>",
                    },
                    {
                        "role": "Teamkoordinator",
                        "duties": "<p>Fordeler anmodninger og sikrer ressourcer til at overholde fristen.</p>",
                    },
                    {
                        "role": "Kommunens juridiske team",
                        "duties": (
                            "<p>Rådgiver ved tvivl om undtagelser, fx forretningshemmeligheder eller interne "
                            "dokumenter.</p>"
                        ),
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Journalisér anmodningen",
                        "text": (
                            "<p>Journalisér anmodningen samme dag på den sag, den vedrører, eller på en særskilt "
                            "aktindsigtssag, og notér modtagelsesdatoen. Fristen løber fra modtagelsen.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Afklar anmodningen",
                        "text": (
                            "<p>Vurdér, om anmodningen er tilstrækkeligt præcis. Er den ikke, kontaktes "
                            "anmoderen straks med henblik på at præcisere den. Afklar, om anmoderen er part.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Find dokumenterne",
                        "text": ("<p>Gennemgå sagens dokumenter og eventuelle andre sager, anmodningen omfatter.</p>"),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Vurdér undtagelser",
                        "text": (
                            "<p>Vurdér for hvert dokument, om der er oplysninger, der skal undtages, fx "
                            "personnumre, oplysninger om private forhold og forretningshemmeligheder. Overvej "
                            "meroffentlighed. Hør virksomheden, hvis der er tvivl om forretningshemmeligheder.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Træf afgørelse",
                        "text": (
                            "<p>Afgørelsen sendes hurtigst muligt og som udgangspunkt inden for 7 arbejdsdage. "
                            "Kan fristen ikke overholdes, skal anmoderen inden fristens udløb have besked om "
                            "grunden og om, hvornår afgørelsen forventes.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Begrund og vejled",
                        "text": (
                            "<p>Ved helt eller delvist afslag gives en begrundelse med henvisning til de anvendte "
                            "bestemmelser og en klagevejledning.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Udlevér og journalisér",
                        "text": (
                            "<p>Udlevér dokumenterne digitalt og journalisér afgørelse og udleverede dokumenter "
                            "med eventuelle overstregninger.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                ],
            },
        },
        {
            "type": "table",
            "value": {
                "data": [
                    ["Situation", "Frist", "Grundlag"],
                    ["Almindelig anmodning", "Hurtigst muligt, normalt inden 7 arbejdsdage", "Offentlighedsloven § 36"],
                    [
                        "Omfattende anmodning",
                        "Besked om forventet tidspunkt inden 7 arbejdsdage",
                        "Offentlighedsloven § 36",
                    ],
                    ["Anmodning fra part i verserende sag", "Hurtigst muligt", "Forvaltningsloven § 9"],
                    [
                        "Anmodning om miljøoplysninger",
                        "Hurtigst muligt og senest efter 1 måned",
                        "Miljøoplysningsloven",
                    ],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Frister for aktindsigt",
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "warning",
                "title": "Klagevejledning",
                "text": (
                    "<p>Afgørelser om aktindsigt i sager efter miljø- og naturlovgivningen kan som udgangspunkt "
                    "påklages til den myndighed, der er klageinstans i sagen, typisk Miljø- og Fødevareklagenævnet. "
                    "Kontrollér klagevejledningen for den konkrete sagstype.</p>"
                ),
            },
        },
    ],
}

PARTSHOERING = {
    "type": "instruction",
    "title": "Partshøring før afgørelse",
    "slug": "partshoering-foer-afgoerelse",
    "summary": (
        "Instruks for, hvornår og hvordan en part skal høres, før vi træffer afgørelse, og hvordan høringen "
        "dokumenteres."
    ),
    "responsible": "redaktoer",
    "approver": "enhedsleder",
    "review_interval_months": 24,
    "effective_date": "2025-06-15",
    "tags": ["partshøring", "forvaltningsret", "afgørelse"],
    "iso_clauses": ["8.2", "8.5"],
    "legal_basis": [{"title": "Forvaltningsloven", "provision": "§ 19", "url": ELI_FORVALTNINGSLOVEN}],
    "related": [
        "frister-og-sagsbehandlingstider",
        "dispensation-fra-naturbeskyttelseslovens-paragraf-3",
        "behandling-af-klager-over-miljoegener",
        "vaerdier-og-principper",
    ],
    "attachments": ["skabelon-partshoering.docx"],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Instruksen sikrer, at parter får mulighed for at udtale sig om oplysninger, der er til "
                "ugunst for dem, før vi træffer afgørelse. Partshøring styrker sagens oplysning og partens "
                "retssikkerhed og er en garantiforskrift: en manglende høring kan gøre afgørelsen ugyldig.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for alle afgørelser i Team Miljø og Team Natur, fx påbud, forbud, dispensationer, "
                "afslag og tilladelser med vilkår. Høring af offentligheden og af andre myndigheder efter "
                "særlovgivningen er ikke omfattet.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Sagsbehandler",
                        "duties": "<p>Vurderer høringspligten, gennemfører høringen og dokumenterer den.</p>",
                    },
                    {
                        "role": "Kollega (sparring)",
                        "duties": ("<p>Læser høringsbrevet igennem ved påbud, forbud og afslag, før det sendes.</p>"),
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Sådan gør du",
                "steps": [
                    {
                        "title": "Afgør, hvem der er part",
                        "text": (
                            "<p>Part er den, afgørelsen retter sig til, og den, der har en væsentlig, direkte og "
                            "individuel interesse i sagens udfald, fx en nær nabo ved et påbud om støj.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Vurdér, om der skal høres",
                        "text": (
                            "<p>Der skal høres, hvis parten ikke kan antages at være bekendt med, at vi har "
                            "oplysninger om sagens faktiske grundlag, som er til ugunst for parten og af væsentlig "
                            "betydning. Vurdér, om en af undtagelserne i forvaltningslovens § 19, stk. 2, "
                            "finder anvendelse.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Skriv høringsbrevet",
                        "text": (
                            "<p>Brug skabelonen til partshøring. Beskriv den påtænkte afgørelse og de oplysninger, "
                            "vi vil lægge vægt på, og vedlæg dokumenterne.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Fastsæt en rimelig frist",
                        "text": (
                            "<p>Fristen er normalt 14 dage. Ved komplicerede sager eller i ferieperioder gives "
                            "længere frist. Kortere frist kræver en saglig begrundelse, fx risiko for "
                            "forurening.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Send og journalisér",
                        "text": "<p>Send høringen med Digital Post og journalisér den på sagen.</p>",
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Behandl bemærkningerne",
                        "text": (
                            "<p>Vurdér partens bemærkninger og forhold dig til dem i afgørelsens begrundelse. "
                            "Giver bemærkningerne nye væsentlige oplysninger til ugunst for en anden part, skal "
                            "der høres igen.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                ],
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "success",
                "title": "Tag telefonen",
                "text": (
                    "<p>Ring gerne til parten, når høringsbrevet er sendt. En kort samtale forebygger "
                    "misforståelser og lever op til afdelingens værdi om den nære relation. Notér samtalen på "
                    "sagen.</p>"
                ),
            },
        },
    ],
}

FRISTER = {
    "type": "instruction",
    "title": "Frister og sagsbehandlingstider",
    "slug": "frister-og-sagsbehandlingstider",
    "summary": (
        "Oversigt over lovbestemte frister og afdelingens servicemål for sagsbehandlingstider på miljø- og "
        "naturområdet, og hvordan de overvåges."
    ),
    "responsible": "worksmarter",
    "approver": "enhedsleder",
    "review_interval_months": 12,
    "effective_date": "2026-01-15",
    "tags": ["frister", "servicemål", "sagsbehandlingstid"],
    "iso_clauses": ["8.2", "9.1"],
    "legal_basis": [
        {"title": "Forvaltningsloven", "provision": "", "url": ELI_FORVALTNINGSLOVEN},
        {"title": "Offentlighedsloven", "provision": "§ 36", "url": ELI_OFFENTLIGHEDSLOVEN},
        {"title": "Tilsynsbekendtgørelsen", "provision": "", "url": ELI_TILSYNSBEKENDTGOERELSEN},
    ],
    "related": [
        "haandtering-af-aktindsigt",
        "partshoering-foer-afgoerelse",
        "ledelsens-evaluering",
        "kvalitetspolitik-og-maalsaetninger",
    ],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Instruksen samler de frister, medarbejderne oftest skal overholde, så de er lette at finde, "
                "og beskriver, hvordan teams overvåger sagsbehandlingstiderne. Hurtig sagsbehandling er en af "
                "interessenternes vigtigste forventninger til afdelingen.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for sagsbehandlingen i Team Miljø og Team Natur. Fristerne i særlovgivningen har "
                "forrang for servicemålene, og den enkelte procedure kan indeholde yderligere frister.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Sagsbehandler",
                        "duties": (
                            "<p>Registrerer frister på sagen og giver besked til borger eller virksomhed, hvis en "
                            "frist ikke kan holdes.</p>"
                        ),
                    },
                    {
                        "role": "Teamkoordinator",
                        "duties": "<p>Gennemgår hver måned teamets sager med overskredne eller truede frister.</p>",
                    },
                    {
                        "role": "WorkSmarter-gruppen",
                        "duties": ("<p>Opgør sagsbehandlingstiderne kvartalsvis og vedligeholder oversigten.</p>"),
                    },
                ],
            },
        },
        {
            "type": "heading",
            "value": {"text": "Oversigt over frister", "level": "h2"},
        },
        {
            "type": "table",
            "value": {
                "data": [
                    ["Sagstype", "Frist eller servicemål", "Type"],
                    ["Kvittering for modtaget ansøgning eller klage", "5 arbejdsdage", "Servicemål"],
                    ["Afgørelse om aktindsigt", "Normalt 7 arbejdsdage", "Lovkrav"],
                    ["Partshøring", "Normalt 14 dage til bemærkninger", "Praksis"],
                    ["Svar på klage over miljøgener (første reaktion)", "10 arbejdsdage", "Servicemål"],
                    ["Tilsynsrapport sendt til virksomheden", "Senest 2 måneder efter tilsynet", "Lovkrav"],
                    ["Tilsynsrapport offentliggjort", "Senest 4 måneder efter tilsynet", "Lovkrav"],
                    ["Anvisning ved jordflytning", "Inden 4 uger efter anmeldelsen", "Lovkrav"],
                    ["Dispensation fra naturbeskyttelseslovens § 3", "8 uger fra fuldt oplyst ansøgning", "Servicemål"],
                    ["Klagefrist for afgørelser efter miljø- og naturlovgivningen", "4 uger", "Lovkrav"],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Udvalgte frister og servicemål i Miljø & Teknik",
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Sådan gør du",
                "steps": [
                    {
                        "title": "Kvittér for modtagelsen",
                        "text": (
                            "<p>Send kvittering for ansøgninger, klager og anmeldelser inden 5 arbejdsdage, og "
                            "oplys den forventede sagsbehandlingstid.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Registrér fristen",
                        "text": (
                            "<p>Opret en frist på sagen i ESDH-systemet, når sagen oprettes, og når der sendes "
                            "høringer eller påbud med frist.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Giv besked ved forsinkelse",
                        "text": (
                            "<p>Kan en frist eller et servicemål ikke holdes, orienteres borgeren eller "
                            "virksomheden om grunden og om, hvornår sagen forventes afgjort.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Gennemgå fristlisten",
                        "text": (
                            "<p>På det månedlige teammøde gennemgås sager med overskredne eller truede frister, "
                            "og opgaver omfordeles om nødvendigt.</p>"
                        ),
                        "responsible": "Teamkoordinator",
                    },
                    {
                        "title": "Opgør og rapportér",
                        "text": (
                            "<p>Sagsbehandlingstiderne opgøres kvartalsvis og indgår i ledelsens evaluering. "
                            "Overskridelse af lovbestemte frister registreres som afvigelser.</p>"
                        ),
                        "responsible": "WorkSmarter-gruppen",
                    },
                ],
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "info",
                "title": "Servicemål er politisk fastsat",
                "text": (
                    "<p>Servicemålene i tabellen er fastsat af kommunalbestyrelsen og offentliggjort på "
                    "kommunens hjemmeside. Ændres de, opdateres tabellen.</p>"
                ),
            },
        },
    ],
}

# ---------------------------------------------------------------------------------------------------------
# Miljø
# ---------------------------------------------------------------------------------------------------------

MILJOETILSYN = {
    "type": "procedure",
    "title": "Miljøtilsyn på virksomheder",
    "slug": "miljoetilsyn-paa-virksomheder",
    "summary": (
        "Sådan planlægger, varsler og gennemfører Team Miljø tilsyn med virksomheder, og hvordan vi følger op "
        "med håndhævelse og tilsynsrapport."
    ),
    "responsible": "redaktoer",
    "approver": "enhedsleder",
    "review_interval_months": 12,
    "effective_date": "2025-08-01",
    "tags": ["miljøtilsyn", "virksomheder", "håndhævelse"],
    "iso_clauses": ["8.1", "8.5", "9.1"],
    "legal_basis": [
        {"title": "Miljøbeskyttelsesloven", "provision": "§ 65", "url": ELI_MILJOEBESKYTTELSESLOVEN},
        {"title": "Miljøbeskyttelsesloven", "provision": "§ 68", "url": ELI_MILJOEBESKYTTELSESLOVEN},
        {"title": "Tilsynsbekendtgørelsen", "provision": "", "url": ELI_TILSYNSBEKENDTGOERELSEN},
    ],
    "related": [
        "udarbejdelse-af-tilsynsrapport",
        "behandling-af-klager-over-miljoegener",
        "partshoering-foer-afgoerelse",
        "frister-og-sagsbehandlingstider",
    ],
    "attachments": ["tjekliste-miljoetilsyn.xlsx", "skabelon-tilsynsrapport.docx"],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer, at kommunen fører et aktivt og opsøgende tilsyn med virksomhederne, som "
                "miljøbeskyttelsesloven kræver, og at tilsynene bliver gennemført ensartet, dokumenteret og fulgt "
                "op. Tilsynet skal både kontrollere, at reglerne overholdes, og vejlede virksomhederne om "
                "forebyggelse og miljøforbedringer.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for regelmæssige tilsyn efter tilsynsplanen med godkendelsespligtige og andre "
                "risikovurderede virksomheder, kampagnetilsyn og tilsyn efter klager eller uheld. Tilsyn med "
                "husdyrbrug er ikke omfattet.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Tilsynsførende",
                        "duties": (
                            "<p>Forbereder, gennemfører og dokumenterer tilsynet, håndhæver og udarbejder "
                            "tilsynsrapporten.</p>"
                        ),
                    },
                    {
                        "role": "Teamkoordinator, Team Miljø",
                        "duties": (
                            "<p>Udarbejder den årlige tilsynsplan på grundlag af miljørisikovurderingen og "
                            "fordeler tilsynene.</p>"
                        ),
                    },
                    {
                        "role": "Enhedsleder",
                        "duties": (
                            "<p>Sikrer, at tilsynsfrekvenserne kan overholdes, og inddrages ved politianmeldelse.</p>"
                        ),
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Planlæg årets tilsyn",
                        "text": (
                            "<p>Tilsynsplanen for året udarbejdes i december ud fra miljørisikovurderingen og "
                            "kravene til tilsynsfrekvens. Planen registreres i Digital MiljøAdministration "
                            "(DMA).</p>"
                        ),
                        "responsible": "Teamkoordinator",
                    },
                    {
                        "title": "Forbered tilsynet",
                        "text": (
                            "<p>Gennemgå virksomhedens sag: miljøgodkendelse, påbud, tidligere tilsynsrapporter, "
                            "klager og egenkontrol. Udskriv eller åbn tjeklisten.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                    {
                        "title": "Varsl tilsynet",
                        "text": (
                            "<p>Tilsyn varsles normalt 14 dage før. Uvarslede tilsyn bruges, hvis formålet ellers "
                            "forspildes, fx ved klager over gener, der kun optræder periodisk.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                    {
                        "title": "Gennemfør tilsynet",
                        "text": (
                            "<p>Start med et kort møde med virksomheden, gå en runde på virksomheden og "
                            "udfyld tjeklisten. Tag fotos af forhold, der giver anledning til håndhævelse.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                    {
                        "title": "Afslut på stedet",
                        "text": (
                            "<p>Gennemgå konstateringerne med virksomheden ved tilsynets afslutning, så den "
                            "kender de forhold, der vil blive fulgt op på.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                    {
                        "title": "Håndhæv",
                        "text": (
                            "<p>Ulovlige forhold skal lovliggøres. Mindre forhold indskærpes; ved væsentlige "
                            "forhold varsles påbud eller forbud med partshøring. Overvej politianmeldelse ved "
                            "alvorlige eller gentagne overtrædelser.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                    {
                        "title": "Udarbejd tilsynsrapport",
                        "text": (
                            "<p>Udarbejd tilsynsrapporten efter instruksen om udarbejdelse af tilsynsrapport og "
                            "send den til virksomheden.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                    {
                        "title": "Følg op",
                        "text": (
                            "<p>Registrér frister for lovliggørelse og kontrollér, at de overholdes. Væsentlige "
                            "overtrædelser følges op med et nyt tilsyn senest 6 måneder efter.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                ],
            },
        },
        {
            "type": "heading",
            "value": {"text": "Håndhævelsesmidler", "level": "h2"},
        },
        {
            "type": "table",
            "value": {
                "data": [
                    ["Middel", "Anvendes når", "Krav"],
                    [
                        "Indskærpelse",
                        "Et klart ulovligt forhold skal bringes i orden",
                        "Skriftlig; ikke en afgørelse, ingen partshøring",
                    ],
                    [
                        "Påbud",
                        "Et forhold skal lovliggøres, eller der skal stilles konkrete krav",
                        "Afgørelse: partshøring, begrundelse, klagevejledning",
                    ],
                    [
                        "Forbud",
                        "Driften medfører fare for sundhed eller betydelig forurening",
                        "Afgørelse; enhedsleder inddrages",
                    ],
                    [
                        "Politianmeldelse",
                        "Alvorlige eller gentagne overtrædelser, eller påbud efterkommes ikke",
                        "Aftales med enhedslederen",
                    ],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Håndhævelse efter tilsyn",
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "warning",
                "title": "Akut forurening",
                "text": (
                    "<p>Konstateres der under tilsynet en akut forurening, fx udslip til kloak eller vandløb, "
                    "kontaktes beredskabet straks på 112, og enhedslederen orienteres. Tilsynet afbrydes om "
                    "nødvendigt.</p>"
                ),
            },
        },
    ],
}

KLAGER_MILJOEGENER = {
    "type": "procedure",
    "title": "Behandling af klager over miljøgener",
    "slug": "behandling-af-klager-over-miljoegener",
    "summary": (
        "Sådan modtager, undersøger og afslutter vi klager fra borgere over støj, lugt, røg og støv fra "
        "virksomheder og andre kilder."
    ),
    "responsible": "redaktoer",
    "approver": "enhedsleder",
    "review_interval_months": 24,
    "effective_date": "2025-11-01",
    "tags": ["klager", "støj", "lugt", "røg"],
    "iso_clauses": ["8.2", "8.5", "9.1"],
    "legal_basis": [
        {"title": "Miljøbeskyttelsesloven", "provision": "§ 42", "url": ELI_MILJOEBESKYTTELSESLOVEN},
        {"title": "Forvaltningsloven", "provision": "§ 19", "url": ELI_FORVALTNINGSLOVEN},
    ],
    "related": [
        "miljoetilsyn-paa-virksomheder",
        "partshoering-foer-afgoerelse",
        "frister-og-sagsbehandlingstider",
        "vaerdier-og-principper",
    ],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer, at borgere, der oplever gener fra støj, lugt, røg eller støv, får en "
                "hurtig og respektfuld behandling, og at kommunen griber ind over for væsentlige gener med de "
                "midler, loven giver.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for klager over gener fra virksomheder, der ikke er godkendelsespligtige, fra "
                "bygge- og anlægsarbejder og fra private, fx brændeovne. Klager over godkendelsespligtige "
                "virksomheder behandles som led i tilsynet med virksomheden. Klager over naboers adfærd, der "
                "ikke er miljøgener, henvises til politiet eller boligselskabet.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Sagsbehandler, Team Miljø",
                        "duties": "<p>Behandler klagen, holder klageren orienteret og træffer afgørelse.</p>",
                    },
                    {
                        "role": "Teamkoordinator",
                        "duties": "<p>Fordeler klager og sikrer, at servicemålet for første svar overholdes.</p>",
                    },
                    {
                        "role": "Kommunens Borgerservice",
                        "duties": "<p>Videresender klager, der kommer ind ad andre kanaler, samme dag.</p>",
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Modtag og journalisér klagen",
                        "text": (
                            "<p>Opret en sag på kilden (virksomhed eller adresse), ikke på klageren, så gentagne "
                            "klager samles. Send kvittering til klageren inden 5 arbejdsdage.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Afklar genen",
                        "text": (
                            "<p>Kontakt klageren og afklar, hvilken gene det drejer sig om, hvornår og hvor ofte "
                            "den optræder. Bed evt. klageren føre en logbog over genen i 2-4 uger.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Vurdér klagen",
                        "text": (
                            "<p>Vurdér, om genen kan være væsentlig, og om kommunen er rette myndighed. Anonyme "
                            "klager behandles, men kan kun i begrænset omfang følges op.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Kontakt kilden",
                        "text": (
                            "<p>Orientér virksomheden eller borgeren om klagen, uden at oplyse klagerens identitet "
                            "medmindre klageren accepterer det, og drøft mulige løsninger. Mange sager løses "
                            "her.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Undersøg på stedet",
                        "text": (
                            "<p>Er genen ikke løst, foretages besigtigelse eller uvarslet tilsyn, om nødvendigt "
                            "uden for normal arbejdstid. Ved støj kan der kræves dokumentation ved måling.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Træf afgørelse",
                        "text": (
                            "<p>Er genen væsentlig, varsles påbud efter miljøbeskyttelseslovens § 42 med "
                            "partshøring. Påbuddet skal være konkret og proportionalt.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Afslut og orientér",
                        "text": (
                            "<p>Orientér klageren skriftligt om resultatet, også når kommunen ikke finder grundlag "
                            "for at gribe ind, og afslut sagen.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                ],
            },
        },
        {
            "type": "table",
            "value": {
                "data": [
                    ["Gene", "Typisk kilde", "Vurderingsgrundlag"],
                    ["Støj", "Ventilation, kompressorer, af- og pålæsning", "Miljøstyrelsens vejledende støjgrænser"],
                    ["Lugt", "Fødevarevirksomheder, lakering, renserier", "Lugtgrænser og besigtigelse"],
                    ["Røg", "Brændeovne, afbrænding af haveaffald", "Brændeovnsbekendtgørelsen og lokale regler"],
                    ["Støv", "Byggepladser, oplag, nedrivning", "Kommunal forskrift for bygge- og anlægsarbejder"],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Typiske miljøgener og vurderingsgrundlag",
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "info",
                "title": "Klagerens identitet",
                "text": (
                    "<p>Klagerens navn og adresse kan være omfattet af en anmodning om aktindsigt. Oplys klageren "
                    "om det, og vurdér i hvert enkelt tilfælde, om oplysningerne kan undtages.</p>"
                ),
            },
        },
    ],
}

JORDFLYTNING = {
    "type": "procedure",
    "title": "Anmeldelse af jordflytning",
    "slug": "anmeldelse-af-jordflytning",
    "summary": (
        "Sådan behandler vi anmeldelser af flytning af jord fra kortlagte, områdeklassificerede og forurenede "
        "arealer, og hvornår kommunen skal anvise jorden."
    ),
    "responsible": "redaktoer",
    "approver": "enhedsleder",
    "review_interval_months": 24,
    "effective_date": "2026-02-01",
    "tags": ["jord", "jordflytning", "forurening"],
    "iso_clauses": ["8.2", "8.5"],
    "legal_basis": [
        {"title": "Jordforureningsloven", "provision": "§ 50", "url": ELI_JORDFORURENINGSLOVEN},
    ],
    "related": ["frister-og-sagsbehandlingstider", "dokumenthaandtering-journalisering-og-arkivering"],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer, at forurenet og muligt forurenet jord flyttes og genanvendes eller "
                "bortskaffes på en måde, der ikke skader miljø, grundvand og menneskers sundhed, og at "
                "anmeldelserne behandles inden for lovens frister.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for anmeldelser af jordflytning fra ejendomme i kommunen, der er kortlagt efter "
                "jordforureningsloven, ligger i det områdeklassificerede område, anvendes til offentlig vej "
                "eller er konstateret forurenet. Anmeldelser modtages digitalt via Jordweb.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Sagsbehandler, Team Miljø",
                        "duties": (
                            "<p>Gennemgår anmeldelser, kvitterer eller anviser og fører kontrol med "
                            "følgesedler og analyser.</p>"
                        ),
                    },
                    {
                        "role": "Teamkoordinator",
                        "duties": "<p>Sikrer, at anmeldelser behandles dagligt, også i ferieperioder.</p>",
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Modtag anmeldelsen",
                        "text": (
                            "<p>Nye anmeldelser i Jordweb gennemgås hver arbejdsdag. Anmeldelsen journaliseres "
                            "automatisk på ejendommens sag.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Kontrollér oplysningerne",
                        "text": (
                            "<p>Kontrollér oprindelsessted, mængde, jordens forureningsklasse, analyser og "
                            "modtager. Typisk kræves én analyse pr. 30 tons jord, medmindre kommunens "
                            "jordflytningsregulativ eller en godkendt jordhåndteringsplan fastsætter andet.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Vurdér modtageren",
                        "text": (
                            "<p>Går jorden til et godkendt modtageanlæg, kan flytningen ske, når anmeldelsen er "
                            "modtaget. Går jorden til et andet sted, fx til genanvendelse på en anden ejendom, skal "
                            "modtagerkommunen inddrages.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Anvis om nødvendigt",
                        "text": (
                            "<p>Er jorden forurenet, eller er modtageren ikke egnet, anvises jorden til et andet "
                            "modtageanlæg inden 4 uger efter anmeldelsen. Anvisningen er en afgørelse med "
                            "klagevejledning.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Kvittér",
                        "text": (
                            "<p>Kvittér for anmeldelsen i Jordweb, så anmelderen kan se, at den er behandlet.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Kontrollér dokumentationen",
                        "text": (
                            "<p>Foretag stikprøvekontrol af følgesedler og modtagerens kvitteringer, og at "
                            "mængderne svarer til anmeldelsen.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                ],
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "warning",
                "title": "Akutte ledningsarbejder",
                "text": (
                    "<p>Ved akutte reparationer af ledninger kan jorden flyttes, før den anmeldes. Anmelderen "
                    "skal da anmelde flytningen hurtigst muligt bagefter. Kontrollér, at det sker.</p>"
                ),
            },
        },
    ],
}

TILSYNSRAPPORT = {
    "type": "instruction",
    "title": "Udarbejdelse af tilsynsrapport",
    "slug": "udarbejdelse-af-tilsynsrapport",
    "summary": (
        "Instruks for indhold, sprog, frister og offentliggørelse af tilsynsrapporter efter miljøtilsyn på "
        "virksomheder."
    ),
    "responsible": "redaktoer",
    "approver": "enhedsleder",
    "review_interval_months": 12,
    "effective_date": "2025-08-01",
    "tags": ["tilsynsrapport", "miljøtilsyn", "offentliggørelse"],
    "iso_clauses": ["7.5", "8.5", "8.6"],
    "legal_basis": [
        {"title": "Tilsynsbekendtgørelsen", "provision": "", "url": ELI_TILSYNSBEKENDTGOERELSEN},
        {"title": "Miljøbeskyttelsesloven", "provision": "§ 65", "url": ELI_MILJOEBESKYTTELSESLOVEN},
    ],
    "related": ["miljoetilsyn-paa-virksomheder", "frister-og-sagsbehandlingstider", "vaerdier-og-principper"],
    "attachments": ["skabelon-tilsynsrapport.docx"],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Instruksen sikrer, at tilsynsrapporter er ensartede, korrekte og lette at forstå for "
                "virksomheden, og at de sendes og offentliggøres inden for fristerne i "
                "tilsynsbekendtgørelsen.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for alle tilsyn med virksomheder, der er omfattet af kravet om regelmæssige tilsyn, "
                "og bør også anvendes ved øvrige tilsyn.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Tilsynsførende",
                        "duties": "<p>Skriver rapporten, sender den og registrerer tilsynet i DMA.</p>",
                    },
                    {
                        "role": "Kollega (kvalitetssikring)",
                        "duties": ("<p>Læser rapporten igennem, når den indeholder håndhævelser, før den sendes.</p>"),
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Sådan gør du",
                "steps": [
                    {
                        "title": "Brug skabelonen",
                        "text": (
                            "<p>Dan rapporten fra skabelonen til tilsynsrapport i ESDH-systemet, så alle "
                            "obligatoriske oplysninger kommer med.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                    {
                        "title": "Beskriv, hvad der er konstateret",
                        "text": (
                            "<p>Skriv konkret og sagligt, hvad der blev set og drøftet. Adskil konstateringer fra "
                            "vurderinger, og undgå fagudtryk, som virksomheden ikke kender.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                    {
                        "title": "Angiv håndhævelser tydeligt",
                        "text": (
                            "<p>Hvert håndhævet forhold skal fremgå med hjemmel og frist. Påbud og forbud "
                            "meddeles som særskilte afgørelser efter partshøring.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                    {
                        "title": "Kvalitetssikr",
                        "text": "<p>Få rapporten læst igennem af en kollega, hvis den indeholder håndhævelser.</p>",
                        "responsible": "Kollega",
                    },
                    {
                        "title": "Send rapporten",
                        "text": (
                            "<p>Send rapporten til virksomheden med Digital Post senest 2 måneder efter "
                            "tilsynet, og journalisér den.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                    {
                        "title": "Offentliggør",
                        "text": (
                            "<p>Registrér tilsynet i DMA, så oplysningerne offentliggøres senest 4 måneder efter "
                            "tilsynet. Fortrolige oplysninger må ikke fremgå af den offentliggjorte version.</p>"
                        ),
                        "responsible": "Tilsynsførende",
                    },
                ],
            },
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Rapporten skal mindst indeholde:</p>"
                "<ul><li>virksomhedens navn, adresse, CVR- og P-nummer,</li>"
                "<li>dato og type af tilsyn,</li>"
                "<li>de væsentligste konstateringer og vurderinger,</li>"
                "<li>håndhævelser med hjemmel og frist, og</li>"
                "<li>hvordan der følges op.</li></ul>"
            ),
        },
        {
            "type": "note",
            "value": {
                "kind": "warning",
                "title": "Fristerne er lovkrav",
                "text": (
                    "<p>Overskridelse af fristen for at sende eller offentliggøre rapporten registreres som "
                    "afvigelse.</p>"
                ),
            },
        },
    ],
}

# ---------------------------------------------------------------------------------------------------------
# Natur
# ---------------------------------------------------------------------------------------------------------

DISPENSATION_P3 = {
    "type": "procedure",
    "title": "Dispensation fra naturbeskyttelseslovens § 3",
    "slug": "dispensation-fra-naturbeskyttelseslovens-paragraf-3",
    "summary": (
        "Sådan behandler Team Natur ansøgninger om dispensation til at ændre tilstanden af beskyttede "
        "naturtyper: søer, moser, heder, strandenge, ferske enge, overdrev og vandløb."
    ),
    "responsible": "redaktoer",
    "approver": "enhedsleder",
    "review_interval_months": 24,
    "effective_date": "2025-05-15",
    "tags": ["dispensation", "§ 3-natur", "naturbeskyttelse"],
    "iso_clauses": ["8.2", "8.5", "8.6"],
    "legal_basis": [
        {"title": "Naturbeskyttelsesloven", "provision": "§ 3", "url": ELI_NATURBESKYTTELSESLOVEN},
        {"title": "Naturbeskyttelsesloven", "provision": "§ 65, stk. 3", "url": ELI_NATURBESKYTTELSESLOVEN},
        {"title": "Forvaltningsloven", "provision": "§§ 22-25", "url": ELI_FORVALTNINGSLOVEN},
    ],
    "related": [
        "registrering-af-beskyttede-naturtyper",
        "partshoering-foer-afgoerelse",
        "frister-og-sagsbehandlingstider",
    ],
    "attachments": ["skabelon-afgoerelse-dispensation.docx"],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer, at ansøgninger om dispensation fra naturbeskyttelseslovens § 3 behandles "
                "fagligt og juridisk korrekt og ensartet, og at afgørelserne kan holde ved en klage til Miljø- "
                "og Fødevareklagenævnet. Dispensation kan kun gives i særlige tilfælde.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for alle ansøgninger om at ændre tilstanden af arealer, der er beskyttet efter "
                "naturbeskyttelseslovens § 3, fx oprensning af søer, etablering af vandhuller, dræning, "
                "beplantning eller anlæg. Sager om lovliggørelse af ulovlige ændringer behandles efter samme "
                "fremgangsmåde.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Sagsbehandler, Team Natur",
                        "duties": (
                            "<p>Behandler ansøgningen, besigtiger, vurderer og træffer afgørelse efter delegation.</p>"
                        ),
                    },
                    {
                        "role": "Faglig sparringspartner",
                        "duties": "<p>Læser udkast til afslag og principielle afgørelser igennem.</p>",
                    },
                    {
                        "role": "Enhedsleder",
                        "duties": (
                            "<p>Beslutter, om en sag er principiel eller politisk og skal forelægges fagudvalget.</p>"
                        ),
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Modtag og journalisér",
                        "text": (
                            "<p>Journalisér ansøgningen på en sag for ejendommen, og send kvittering med "
                            "forventet sagsbehandlingstid.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Kontrollér, at ansøgningen er fuldt oplyst",
                        "text": (
                            "<p>Kræv kort, beskrivelse af projektet, tidsplan og metode. Bed om manglende "
                            "oplysninger inden 10 arbejdsdage.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Besigtig arealet",
                        "text": (
                            "<p>Besigtig arealet i vækstsæsonen, registrér naturtype og tilstand og tag fotos. "
                            "Vurdér, om arealet faktisk er beskyttet, uanset den vejledende registrering.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Vurdér Natura 2000 og bilag IV",
                        "text": (
                            "<p>Foretag en væsentlighedsvurdering efter habitatbekendtgørelsen, og vurdér om "
                            "yngle- og rasteområder for bilag IV-arter, fx padder og flagermus, kan blive "
                            "beskadiget. Dispensation må ikke gives, hvis det er tilfældet.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Foretag den samlede vurdering",
                        "text": (
                            "<p>Vurdér, om der foreligger et særligt tilfælde, projektets påvirkning af "
                            "naturtypen, og om vilkår kan afbøde påvirkningen. Vurdér præcedensvirkningen.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Partshør",
                        "text": (
                            "<p>Hør ansøger og ejer, hvis afgørelsen vil bygge på oplysninger til ugunst for "
                            "dem, jf. instruksen om partshøring.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Træf afgørelse",
                        "text": (
                            "<p>Brug skabelonen til afgørelse om dispensation. Afgørelsen skal indeholde "
                            "begrundelse, vilkår og klagevejledning.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Offentliggør og underret",
                        "text": (
                            "<p>Offentliggør afgørelsen på kommunens hjemmeside samme dag, som den sendes, og "
                            "send kopi til de klageberettigede myndigheder og organisationer.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Følg op",
                        "text": (
                            "<p>Registrér en frist for kontrol af, at vilkårene er overholdt, og opdatér "
                            "registreringen af naturtypen, hvis arealet ændres.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                ],
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "warning",
                "title": "Klagefrist og opsættende virkning",
                "text": (
                    "<p>Klagefristen er 4 uger fra offentliggørelsen. Dispensationen må ikke udnyttes, før "
                    "klagefristen er udløbet, og en rettidig klage har opsættende virkning, medmindre "
                    "klagenævnet bestemmer andet. Gør ansøgeren tydeligt opmærksom på det.</p>"
                ),
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "info",
                "title": "Gyldighed",
                "text": "<p>En dispensation bortfalder, hvis den ikke er udnyttet inden 3 år.</p>",
            },
        },
    ],
}

REGISTRERING_NATURTYPER = {
    "type": "instruction",
    "title": "Registrering af beskyttede naturtyper",
    "slug": "registrering-af-beskyttede-naturtyper",
    "summary": (
        "Instruks for, hvordan vi besigtiger, registrerer og opdaterer beskyttede naturtyper efter "
        "naturbeskyttelseslovens § 3 i Danmarks Miljøportal."
    ),
    "responsible": "redaktoer",
    "approver": "enhedsleder",
    "review_interval_months": 24,
    "effective_date": "2026-04-01",
    "tags": ["§ 3-natur", "registrering", "besigtigelse", "Miljøportalen"],
    "iso_clauses": ["7.1", "8.5"],
    "legal_basis": [
        {"title": "Naturbeskyttelsesloven", "provision": "§ 3", "url": ELI_NATURBESKYTTELSESLOVEN},
        {"title": "Forvaltningsloven", "provision": "§ 19", "url": ELI_FORVALTNINGSLOVEN},
    ],
    "related": ["dispensation-fra-naturbeskyttelseslovens-paragraf-3", "partshoering-foer-afgoerelse"],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Instruksen sikrer, at kommunens registrering af beskyttede naturtyper er så korrekt og "
                "opdateret som muligt, så lodsejere og myndigheder kan regne med den, og at lodsejerne bliver "
                "inddraget, før registreringen ændres.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for besigtigelse og registrering af søer, vandløb, moser, heder, strandenge, "
                "strandsumpe, ferske enge og overdrev, både ved den løbende gennemgang af kommunen og i "
                "forbindelse med konkrete sager.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Biolog eller naturmedarbejder, Team Natur",
                        "duties": "<p>Besigtiger, vurderer naturtypen og registrerer resultatet.</p>",
                    },
                    {
                        "role": "Teamkoordinator, Team Natur",
                        "duties": "<p>Planlægger årets besigtigelser og prioriterer områder.</p>",
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Sådan gør du",
                "steps": [
                    {
                        "title": "Forbered besigtigelsen",
                        "text": (
                            "<p>Undersøg luftfotos, tidligere registreringer og eventuelle sager på arealet. "
                            "Varsl lodsejeren skriftligt mindst 14 dage før, hvis arealet skal betrædes.</p>"
                        ),
                        "responsible": "Naturmedarbejder",
                    },
                    {
                        "title": "Besigtig i vækstsæsonen",
                        "text": (
                            "<p>Besigtig arealet i perioden maj-september. Registrér plantearter, strukturer, "
                            "hydrologi og påvirkninger som dræning, gødskning og tilgroning.</p>"
                        ),
                        "responsible": "Naturmedarbejder",
                    },
                    {
                        "title": "Bestem naturtype og tilstand",
                        "text": (
                            "<p>Bestem naturtypen ud fra Miljøstyrelsens vejledning, og vurdér naturtilstanden "
                            "efter den fælles besigtigelsesmetode.</p>"
                        ),
                        "responsible": "Naturmedarbejder",
                    },
                    {
                        "title": "Kontrollér størrelsen",
                        "text": (
                            "<p>Afgræns arealet i GIS og kontrollér, om størrelseskravene i tabellen er "
                            "opfyldt, også når flere naturtyper ligger i sammenhæng.</p>"
                        ),
                        "responsible": "Naturmedarbejder",
                    },
                    {
                        "title": "Hør lodsejeren",
                        "text": (
                            "<p>Ændres registreringen, sendes et varsel til lodsejeren med kort og "
                            "besigtigelsesresultat, og lodsejeren får mulighed for at komme med bemærkninger.</p>"
                        ),
                        "responsible": "Naturmedarbejder",
                    },
                    {
                        "title": "Registrér i Miljøportalen",
                        "text": (
                            "<p>Indberet besigtigelsen og afgrænsningen til Danmarks Miljøportal, og journalisér "
                            "besigtigelsesskema, fotos og korrespondance.</p>"
                        ),
                        "responsible": "Naturmedarbejder",
                    },
                ],
            },
        },
        {
            "type": "table",
            "value": {
                "data": [
                    ["Naturtype", "Beskyttet når"],
                    ["Naturlige søer", "Arealet er over 100 m²"],
                    ["Vandløb", "Det er udpeget som beskyttet"],
                    [
                        "Heder, moser, strandenge og strandsumpe, ferske enge og overdrev",
                        "De enkeltvis, tilsammen eller sammen med søer er større end 2.500 m²",
                    ],
                    ["Moser under 2.500 m²", "De ligger i forbindelse med en beskyttet sø eller et beskyttet vandløb"],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Størrelseskrav for beskyttede naturtyper",
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "info",
                "title": "Registreringen er vejledende",
                "text": (
                    "<p>Beskyttelsen gælder de faktiske naturforhold, uanset om arealet er registreret. Oplys "
                    "altid lodsejere og ansøgere om det, når de spørger til registreringen.</p>"
                ),
            },
        },
    ],
}

ULOVLIGE_FORHOLD_NATUR = {
    "type": "procedure",
    "title": "Lovliggørelse af ulovlige forhold i beskyttet natur",
    "slug": "lovliggoerelse-af-ulovlige-forhold-i-beskyttet-natur",
    "summary": (
        "Sådan håndterer vi henvendelser og konstateringer om ulovlige ændringer af beskyttet natur, fra "
        "undersøgelse til påbud om retablering eller lovliggørende dispensation."
    ),
    "responsible": "enhedsleder",
    "approver": "enhedsleder",
    "review_interval_months": 24,
    "effective_date": "2026-09-01",
    "tags": ["håndhævelse", "§ 3-natur", "lovliggørelse"],
    "iso_clauses": ["8.5", "8.7"],
    "legal_basis": [
        {"title": "Naturbeskyttelsesloven", "provision": "§ 3", "url": ELI_NATURBESKYTTELSESLOVEN},
        {"title": "Forvaltningsloven", "provision": "§ 19", "url": ELI_FORVALTNINGSLOVEN},
    ],
    "related": [
        "dispensation-fra-naturbeskyttelseslovens-paragraf-3",
        "registrering-af-beskyttede-naturtyper",
        "partshoering-foer-afgoerelse",
    ],
    "attachments": [],
    "body": [
        {
            "type": "purpose",
            "value": (
                "<p>Proceduren sikrer, at kommunen reagerer ensartet og rettidigt på ulovlige ændringer af "
                "beskyttet natur, og at forholdene bliver lovliggjort, så naturværdierne så vidt muligt "
                "genoprettes.</p>"
            ),
        },
        {
            "type": "scope",
            "value": (
                "<p>Gælder for ændringer af arealer beskyttet efter naturbeskyttelseslovens § 3, der er "
                "foretaget uden dispensation, fx opfyldning af vandhuller, dræning, omlægning eller "
                "beplantning. Henvendelserne kan komme fra borgere, foreninger, andre myndigheder eller fra "
                "kommunens egne besigtigelser.</p>"
            ),
        },
        {
            "type": "responsibilities",
            "value": {
                "heading": "Ansvar",
                "roles": [
                    {
                        "role": "Sagsbehandler, Team Natur",
                        "duties": "<p>Undersøger sagen, partshører og træffer afgørelse om lovliggørelse.</p>",
                    },
                    {
                        "role": "Enhedsleder",
                        "duties": "<p>Beslutter politianmeldelse og orienteres om sager med stor bevågenhed.</p>",
                    },
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Fremgangsmåde",
                "steps": [
                    {
                        "title": "Registrér henvendelsen",
                        "text": ("<p>Journalisér henvendelsen på ejendommens sag og kvittér over for anmelderen.</p>"),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Undersøg forholdet",
                        "text": (
                            "<p>Sammenhold luftfotos og tidligere registreringer, og besigtig arealet hurtigst "
                            "muligt, så tilstanden før ændringen kan dokumenteres.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Stop igangværende arbejder",
                        "text": (
                            "<p>Er arbejdet i gang, kontaktes ejeren straks med besked om at standse det, og "
                            "beskeden bekræftes skriftligt.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Partshør om påtænkt påbud",
                        "text": (
                            "<p>Varsl påbud om retablering eller oplys om muligheden for at søge lovliggørende "
                            "dispensation. Følg instruksen om partshøring.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Træf afgørelse",
                        "text": (
                            "<p>Giv påbud om retablering med en realistisk frist, eller behandl en ansøgning om "
                            "lovliggørende dispensation efter proceduren for dispensation.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                    {
                        "title": "Kontrollér retableringen",
                        "text": (
                            "<p>Besigtig arealet efter fristens udløb. Er påbuddet ikke efterkommet, vurderes "
                            "politianmeldelse.</p>"
                        ),
                        "responsible": "Sagsbehandler",
                    },
                ],
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "warning",
                "title": "Bevissikring",
                "text": (
                    "<p>Tag daterede fotos og notér observationer ved første besigtigelse. Dokumentationen er "
                    "afgørende, hvis sagen påklages eller ender med politianmeldelse.</p>"
                ),
            },
        },
    ],
}

# ---------------------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------------------

SECTIONS = [
    {
        "title": "Fælles",
        "slug": "faelles",
        "intro": (
            "<p>Kvalitetspolitik og de tværgående procedurer, der gælder for alle teams i Miljø &amp; Teknik: "
            "audit, ledelsens evaluering, afvigelser, kompetencer, dokumenthåndtering og god forvaltningsskik.</p>"
            "<p>Afsnittet vedligeholdes af WorkSmarter-gruppen.</p>"
        ),
        "team": "WorkSmarter-gruppen",
        "documents": [
            INTERN_AUDIT,
            LEDELSENS_EVALUERING,
            AFVIGELSER,
            KOMPETENCER,
            DOKUMENTHAANDTERING,
            STYRING_AF_KVALITETSDOKUMENTER,
            AKTINDSIGT,
            PARTSHOERING,
            FRISTER,
        ],
    },
    {
        "title": "Miljø",
        "slug": "miljoe",
        "intro": (
            "<p>Procedurer og instrukser for Team Miljø: tilsyn med virksomheder, klager over støj, lugt og "
            "røg, jordflytning og forurenet jord.</p>"
        ),
        "team": "Team Miljø",
        "documents": [MILJOETILSYN, KLAGER_MILJOEGENER, JORDFLYTNING, TILSYNSRAPPORT],
    },
    {
        "title": "Natur",
        "slug": "natur",
        "intro": (
            "<p>Procedurer og instrukser for Team Natur: beskyttede naturtyper, dispensationer og håndhævelse "
            "efter naturbeskyttelsesloven.</p>"
        ),
        "team": "Team Natur",
        "documents": [DISPENSATION_P3, REGISTRERING_NATURTYPER, ULOVLIGE_FORHOLD_NATUR],
    },
]
