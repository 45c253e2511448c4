"""Mobile numbers in E.164, read as a member of their district's country types them
("97 00 00 00" in Benin is +229…). Each refusal says what to fix."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from phonenumbers import NumberParseException, ValidationResult

ALLOWED = re.compile(r"^[\d\s+().\-/]*$")


def to_e164(raw: str, region: str | None, country_name: str = "") -> str:
    """``raw`` as ``+22997000000``, or a ValidationError in the active language.

    ``region`` is the ISO code of the member's country (BJ, GN): a number without
    "+" is read as one of that country, and a number of another country is refused.
    Without a region, the number must start with "+" and its country code."""
    raw = (raw or "").strip()
    if not ALLOWED.match(raw):
        raise ValidationError(
            _("Use digits only (and + before the country code); no letters."),
            code="characters",
        )
    try:
        number = phonenumbers.parse(raw, region.upper() if region else None)
    except NumberParseException as error:
        raise _parse_error(error) from error
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason in (ValidationResult.TOO_SHORT, ValidationResult.INVALID_LENGTH):
        raise ValidationError(_("This number is too short."), code="too_short")
    if reason == ValidationResult.TOO_LONG:
        raise ValidationError(_("This number is too long."), code="too_long")
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        raise ValidationError(
            _("This country code does not exist."), code="country_code"
        )
    number_region = phonenumbers.region_code_for_number(number)
    if region and number_region != region.upper():
        raise ValidationError(
            _(
                "This is a number of another country (+%(code)s). Enter a mobile "
                "number of %(country)s, your district's country."
            ),
            code="other_country",
            params={"code": number.country_code, "country": country_name or region},
        )
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("This is not a valid mobile number: check the digits."), code="invalid"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parse_error(error: NumberParseException) -> ValidationError:
    kind = error.error_type
    if kind == NumberParseException.INVALID_COUNTRY_CODE:
        return ValidationError(
            _("Start with + and the country code, for example +229."),
            code="country_code",
        )
    if kind in (
        NumberParseException.TOO_SHORT_NSN,
        NumberParseException.TOO_SHORT_AFTER_IDD,
    ):
        return ValidationError(_("This number is too short."), code="too_short")
    if kind == NumberParseException.TOO_LONG:
        return ValidationError(_("This number is too long."), code="too_long")
    return ValidationError(_("This is not a phone number."), code="not_a_number")


def same_number(raw: str, region: str | None = None) -> str:
    """A gateway's sender as E.164 ("" when unreadable): "+229…", "229…", "tel:+229…"."""
    raw = (raw or "").strip().removeprefix("tel:")
    if raw and not raw.startswith("+") and region is None:
        raw = "+" + raw
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException:
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
