from django.db import migrations

# ISO 9001:2015, clauses 4-10, with the titles of the Danish edition (DS/EN ISO 9001:2015).
CLAUSES = [
    ("4", "Organisationens kontekst"),
    ("4.1", "Forståelse af organisationen og dens kontekst"),
    ("4.2", "Forståelse af interessenters behov og forventninger"),
    ("4.3", "Fastlæggelse af kvalitetsledelsessystemets omfang"),
    ("4.4", "Kvalitetsledelsessystemet og dets processer"),
    ("5", "Lederskab"),
    ("5.1", "Lederskab og engagement"),
    ("5.2", "Politik"),
    ("5.3", "Roller, ansvar og beføjelser i organisationen"),
    ("6", "Planlægning"),
    ("6.1", "Handlinger til håndtering af risici og muligheder"),
    ("6.2", "Kvalitetsmål og planlægning af, hvordan de nås"),
    ("6.3", "Planlægning af ændringer"),
    ("7", "Support"),
    ("7.1", "Ressourcer"),
    ("7.2", "Kompetencer"),
    ("7.3", "Bevidsthed"),
    ("7.4", "Kommunikation"),
    ("7.5", "Dokumenteret information"),
    ("8", "Drift"),
    ("8.1", "Operationel planlægning og styring"),
    ("8.2", "Krav til produkter og ydelser"),
    ("8.3", "Design og udvikling af produkter og ydelser"),
    ("8.4", "Styring af eksternt leverede processer, produkter og ydelser"),
    ("8.5", "Produktion og levering af ydelser"),
    ("8.6", "Frigivelse af produkter og ydelser"),
    ("8.7", "Styring af afvigende output"),
    ("9", "Evaluering af præstation"),
    ("9.1", "Overvågning, måling, analyse og evaluering"),
    ("9.2", "Intern audit"),
    ("9.3", "Ledelsens evaluering"),
    ("10", "Forbedring"),
    ("10.1", "Generelt"),
    ("10.2", "Afvigelser og korrigerende handlinger"),
    ("10.3", "Løbende forbedring"),
]


def sort_key(number):
    parts = (number.split(".") + ["0", "0"])[:3]
    return sum(int(part) * 100 ** (2 - position) for position, part in enumerate(parts))


def add_clauses(apps, schema_editor):
    IsoClause = apps.get_model("handbook", "IsoClause")
    for number, title in CLAUSES:
        IsoClause.objects.update_or_create(number=number, defaults={"title": title, "sort_key": sort_key(number)})


class Migration(migrations.Migration):
    dependencies = [("handbook", "0001_initial")]

    operations = [migrations.RunPython(add_clauses, migrations.RunPython.noop)]
