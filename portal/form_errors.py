"""A form's errors as a summary whose every line links to its field.

The summary sits at the top of the form; each error names its field and links to the
field's first input (`#id_name`, or `#id_name_0` for a group of radios or boxes), so a
reader who lands on the summary goes straight to what needs fixing.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ErrorLink:
    text: str
    href: str  # "" for an error of the whole form


def first_input_id(field) -> str:
    """The id of a bound field's first input: the field itself, or its first option."""
    if field.id_for_label:
        return field.id_for_label
    subwidgets = field.subwidgets
    if subwidgets and subwidgets[0].id_for_label:
        return subwidgets[0].id_for_label
    return field.auto_id or ""


def error_links(form) -> list[ErrorLink]:
    links = [ErrorLink(str(error), "") for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            target = first_input_id(field)
            text = _("%(label)s: %(message)s") % {
                "label": field.label,
                "message": error,
            }
            links.append(ErrorLink(text, f"#{target}" if target else ""))
    return links
