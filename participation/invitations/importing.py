"""Invite every member of a CSV file, or nobody: every row is checked first."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from districts.models import District
from participation.invitations.csv_file import InvitationFileError, read_rows
from participation.invitations.services import (
    ACCOUNT_EXISTS,
    DEFAULT_LANGUAGE,
    LANGUAGE_CODES,
    blocked_emails,
    invite,
    normalise_email,
    pending_invitation,
)
from participation.models import Invitation


@dataclass
class RowError:
    row: int
    email: str
    messages: list[str]


@dataclass
class ImportResult:
    file_error: str = ""
    errors: list[RowError] = field(default_factory=list)
    invitations: list[Invitation] = field(default_factory=list)
    resent: int = 0

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.errors


def import_csv(file, invited_by) -> ImportResult:
    """Check every row first; invite all of them in one transaction, or nobody."""
    try:
        rows = read_rows(file)
    except InvitationFileError as error:
        return ImportResult(file_error=str(error))
    districts = {district.code.lower(): district for district in District.objects.all()}
    blocked = blocked_emails([normalise_email(row.email) for row in rows])
    errors, seen = [], {}
    for row in rows:
        messages = _row_problems(row, districts, seen, blocked)
        if messages:
            errors.append(RowError(row.number, row.email, messages))
    if errors:
        return ImportResult(errors=errors)
    result = ImportResult()
    with transaction.atomic():
        for row in rows:
            email = normalise_email(row.email)
            result.resent += pending_invitation(email) is not None
            result.invitations.append(
                invite(
                    name=row.name,
                    email=email,
                    district=districts[row.district.lower()],
                    language=row.language.lower() or DEFAULT_LANGUAGE,
                    invited_by=invited_by,
                )
            )
    return result


def _row_problems(row, districts: dict, seen: dict, blocked: set[str]) -> list[str]:
    problems = []
    if not row.name:
        problems.append(_("The name is missing."))
    elif len(row.name) > Invitation._meta.get_field("name").max_length:
        problems.append(_("The name is too long (150 characters at most)."))
    email = normalise_email(row.email)
    if not email:
        problems.append(_("The e-mail is missing."))
    else:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(
                _("“%(email)s” is not a valid e-mail address.") % {"email": email}
            )
        else:
            first_row = seen.setdefault(email.lower(), row.number)
            if first_row != row.number:
                problems.append(
                    _("The same e-mail is already on row %(row)s.") % {"row": first_row}
                )
            if email.lower() in blocked:
                problems.append(str(ACCOUNT_EXISTS))
    if not row.district:
        problems.append(_("The district code is missing."))
    elif row.district.lower() not in districts:
        problems.append(
            _("No district has the code “%(code)s”.") % {"code": row.district}
        )
    if row.language and row.language.lower() not in LANGUAGE_CODES:
        problems.append(
            _("The language must be fr or en, not “%(language)s”.")
            % {"language": row.language}
        )
    return problems
