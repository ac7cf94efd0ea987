"""Document bodies as raw StreamField data for handbook.blocks.DocumentBodyBlock, shaped like the demo's."""

from bench.datagen import vocabulary as v
from bench.datagen.text import DEADLINES, Writer


def _responsibilities(writer: Writer):
    roles = writer.rng.sample(v.ROLES, writer.rng.randint(2, 4))
    return {
        "type": "responsibilities",
        "value": {
            "heading": "Ansvar",
            "roles": [{"role": role[0].capitalize(), "duties": writer.paragraph(1, 2)} for role in roles],
        },
    }


def _steps(writer: Writer, low, high):
    return {
        "type": "steps",
        "value": {
            "heading": "Fremgangsmåde",
            "steps": [
                {
                    "title": writer.step_title(),
                    "text": writer.paragraph(1, 3),
                    "responsible": writer.role()[0].capitalize(),
                }
                for _ in range(writer.rng.randint(low, high))
            ],
        },
    }


def _note(writer: Writer):
    kind = writer.pick(["info", "warning", "success"])
    title = {"info": "Bemærk", "warning": "Frist", "success": "God praksis"}[kind]
    return {"type": "note", "value": {"kind": kind, "title": title, "text": writer.paragraph(1, 2)}}


def _table(writer: Writer):
    rows = [["Opgave", "Frist", "Ansvarlig"]]
    for _ in range(writer.rng.randint(2, 5)):
        rows.append([writer.step_title(), writer.pick(DEADLINES), writer.role()[0].capitalize()])
    return {
        "type": "table",
        "value": {
            "data": rows,
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Frister og ansvar",
        },
    }


def _extra_section(writer: Writer):
    return [
        {"type": "heading", "value": {"text": f"Særligt om {writer.noun()[3]}", "level": "h2"}},
        {"type": "paragraph", "value": writer.paragraph(3, 5)},
    ]


def body(writer: Writer, kind):
    """A policy states purpose and principles; a procedure has roles and steps; an instruction is mostly steps."""
    rng = writer.rng
    blocks = [{"type": "purpose", "value": writer.paragraph(2, 4)}]
    if kind != "instruction":
        blocks.append({"type": "scope", "value": writer.paragraph(1, 2)})
    if kind == "policy":
        for _ in range(rng.randint(2, 3)):
            blocks.extend(_extra_section(writer))
        return blocks
    if kind == "procedure":
        blocks.append(_responsibilities(writer))
    blocks.append(_steps(writer, 4 if kind == "instruction" else 5, 9))
    if rng.random() < 0.7:
        blocks.extend(_extra_section(writer))
    if rng.random() < 0.5:
        blocks.append(_note(writer))
    if rng.random() < 0.25:
        blocks.append(_table(writer))
    return blocks
