"""The characters a case's text may hold, for the report form, the handler's form and the exports.

Control characters (a terminal's colour codes, a bell, a backspace) cannot be seen, cannot be typed on purpose,
and cannot be written to a spreadsheet at all (XML forbids most of them), so the forms refuse them: multi-line
text keeps its tabs and line breaks, one-line text has none. Text stored before this check, or by a script, is
cleaned on its way into an export instead, so one bad character never costs the quality group its list.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

CONTROL_CODE = "control_characters"

# C0 controls, DEL, C1 controls, and the two code points XML does not allow (U+FFFE, U+FFFF).
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
_MULTI_LINE_ILLEGAL = re.compile(f"[{_CONTROLS}]")
_ONE_LINE_ILLEGAL = re.compile(f"[{_CONTROLS}\t\n\r]")


def has_control_characters(value, multi_line=True):
    pattern = _MULTI_LINE_ILLEGAL if multi_line else _ONE_LINE_ILLEGAL
    return isinstance(value, str) and pattern.search(value) is not None


def without_control_characters(value, multi_line=True):
    """``value`` with every character the field may not hold removed (a one-line text's tabs become spaces)."""
    if not isinstance(value, str):
        return value
    if multi_line:
        return _MULTI_LINE_ILLEGAL.sub("", value)
    return _MULTI_LINE_ILLEGAL.sub("", value).replace("\t", " ").replace("\r", "").replace("\n", " ")


def control_character_validator(multi_line):
    def validate(value):
        # A NUL has a check and a message of its own in both forms (text that cannot be read).
        if has_control_characters(value.replace("\x00", ""), multi_line):
            raise ValidationError(
                gettext(
                    "The text contained invisible control characters (from a copied terminal or program text, "
                    "for example). We have removed them: check the text and send it again."
                ),
                code=CONTROL_CODE,
            )

    return validate


def is_multi_line(field):
    from django import forms

    return isinstance(field.widget, forms.Textarea)


def refuse_control_characters(form):
    """Adds the check to every text field of ``form``; call :func:`offer_cleaned_text` once it is validated."""
    from django import forms

    for field in form.fields.values():
        if isinstance(field, forms.CharField) and not field.widget.is_hidden:
            field.validators.append(control_character_validator(is_multi_line(field)))


def offer_cleaned_text(form):
    """Shows the refused fields again without their control characters, so that sending once more is enough.

    The person cannot see the characters to remove them; everything else they typed is kept as it was.
    """
    refused = [name for name in form.fields if form.has_error(name, CONTROL_CODE)]
    if not refused:
        return
    form.data = form.data.copy()
    for name in refused:
        key = form.add_prefix(name)
        form.data[key] = without_control_characters(form.data.get(key, ""), is_multi_line(form.fields[name]))


def exportable(value):
    """Text as a spreadsheet can hold it: without the characters XML forbids (tabs and line breaks stay)."""
    return without_control_characters(value, multi_line=True) if isinstance(value, str) else value
