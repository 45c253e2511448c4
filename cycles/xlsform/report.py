"""What an XLSForm import says: its errors, the rows it skipped, its count."""

from dataclasses import dataclass, field

from django.utils.text import slugify


class XLSFormError(Exception):
    """The file cannot be imported; the message is translated and safe to show."""


class AnswersExist(XLSFormError):
    """Districts have answered: the caller says how to replace anyway (a checkbox in
    the editor, --force on the command line)."""


class DraftPending(XLSFormError):
    """The page has unpublished changes that an import would throw away."""


def stable_name(xlsform_name: str) -> str:
    """An XLSForm name as the questionnaire's stable name: XLSForm accepts capitals,
    "-" and "." (`Nom_District`, `q1-a`, `q1.b`); stable names are lower-case
    letters, digits and "_", starting with a letter."""
    name = slugify(str(xlsform_name).replace(".", "_")).replace("-", "_")
    if not name[:1].isalpha():
        name = f"q_{name.lstrip('_')}" if name.strip("_") else "q"
    return name


@dataclass(frozen=True)
class SkippedRow:
    row: int | None
    name: str
    reason: str


@dataclass
class ImportReport:
    imported: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    notes: list[SkippedRow] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


@dataclass
class ParsedQuestion:
    name: str
    kind: str
    row: int | None
    labels: dict[str, str]
    hints: dict[str, str]
    required: bool = False
    choices: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    min_value: float | None = None
    max_value: float | None = None
    condition_name: str = ""
    condition_value: str = ""
