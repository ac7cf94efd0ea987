"""A small set of Word and PDF attachments (templates, appendices), built in memory without network.

Each file carries a sentence found nowhere else in the handbook (`marker`), so a search for it can only be
answered from the attachment's text.
"""

import io
import random
from dataclasses import dataclass

import docx

from bench.datagen.text import Writer


@dataclass(frozen=True)
class AttachmentSpec:
    filename: str
    title: str
    kind: str  # AttachmentBlock kind: template or appendix
    marker: str


ATTACHMENTS = [
    AttachmentSpec(
        "skabelon-tilsynsbrev.docx",
        "Skabelon: Brev efter tilsynsbesøg",
        "template",
        "Vi takker for en konstruktiv rundvisning på matriklen og for den udleverede logbog over filterskift.",
    ),
    AttachmentSpec(
        "skabelon-hoeringsbrev.docx",
        "Skabelon: Høringsbrev til naboer",
        "template",
        "Eventuelle indsigelser mod det påtænkte pumpehus bedes indsendt via kommunens sikre postkasse.",
    ),
    AttachmentSpec(
        "skabelon-kvittering-jordflytning.docx",
        "Skabelon: Kvittering for anmeldt jordflytning",
        "template",
        "Kvitteringen gælder kun for lastbilernes kørselsrute som angivet på det vedlagte oversigtskort.",
    ),
    AttachmentSpec(
        "skabelon-dispensation-paragraf-3.docx",
        "Skabelon: Dispensation fra § 3",
        "template",
        "Græsningen med kreaturer må genoptages, når vandstanden i kæret er faldet under pejlepinden.",
    ),
    AttachmentSpec(
        "skabelon-afslag-paa-aktindsigt.docx",
        "Skabelon: Afslag på aktindsigt",
        "template",
        "Oplysninger om kundekartotekets forretningshemmeligheder er undtaget efter en konkret afvejning.",
    ),
    AttachmentSpec(
        "skabelon-paabud-olietank.docx",
        "Skabelon: Påbud om sløjfning af olietank",
        "template",
        "Tanken skal tømmes af en autoriseret slamsuger, og påfyldningsstudsen skal afmonteres eller plomberes.",
    ),
    AttachmentSpec(
        "bilag-stoejgraenser.pdf",
        "Bilag: Vejledende støjgrænser",
        "appendix",
        "Ved impulsstøj fra knusere og sorteringsanlæg lægges et genetillæg på fem decibel til målingen.",
    ),
    AttachmentSpec(
        "bilag-tjekliste-spildevand.pdf",
        "Bilag: Tjekliste til spildevandstilsyn",
        "appendix",
        "Kontrollér olieudskillerens alarm, sandfangets tømningsjournal og prøvetagningsbrønden ved skel.",
    ),
    AttachmentSpec(
        "bilag-vandloebsvedligeholdelse.pdf",
        "Bilag: Årsplan for vandløbsvedligeholdelse",
        "appendix",
        "Grødeskæringen i strømrenden foretages med håndle eller mejekurv efter fiskenes gydeperiode.",
    ),
    AttachmentSpec(
        "bilag-gebyrsatser.pdf",
        "Bilag: Timetakst og gebyrsatser",
        "appendix",
        "Timetaksten for brugerbetalt miljøtilsyn reguleres hvert år pr. første januar efter pristallet.",
    ),
]


def _paragraphs(spec: AttachmentSpec, seed):
    writer = Writer(random.Random(f"{seed}-{spec.filename}"))
    texts = [writer.sentences(3, 5) for _ in range(4)]
    texts.insert(2, spec.marker)
    return texts


def docx_bytes(spec: AttachmentSpec, seed=1):
    document = docx.Document()
    document.add_heading(spec.title, level=1)
    for text in _paragraphs(spec, seed):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_string(text):
    """A PDF literal string in WinAnsi (cp1252), which holds æ, ø and å."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _wrap(text, width=85):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])


def pdf_bytes(spec: AttachmentSpec, seed=1):
    """A one-page PDF written by hand: a text object in Helvetica, which every reader has built in."""
    lines = [spec.title, ""]
    for text in _paragraphs(spec, seed):
        lines += [*_wrap(text), ""]
    content = b"BT /F1 10 Tf 14 TL 50 790 Td " + b" ".join(_pdf_string(line) + b" Tj T*" for line in lines) + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def file_bytes(spec: AttachmentSpec, seed=1):
    return pdf_bytes(spec, seed) if spec.filename.endswith(".pdf") else docx_bytes(spec, seed)
