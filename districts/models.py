from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from districts.zone_names import validate_time_zone
from portal import chrome


class Country(models.Model):
    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166 alpha-2 code, for example BJ or GN."),
    )
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(
        _("name in English"),
        max_length=100,
        blank=True,
        help_text=_("Shown on English pages; left empty, the name is used."),
    )
    dhis2_uid = models.CharField(
        _("DHIS2 organisation unit id"), max_length=11, blank=True
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_(
            "The IANA time zone its members read times in, for example "
            "Africa/Conakry; left empty, the portal's."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        """The country's name in the active language (French unless English)."""
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class District(models.Model):
    """A health district (zone sanitaire / district sanitaire) and its management team."""

    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="districts",
        verbose_name=_("country"),
    )
    name = models.CharField(_("name"), max_length=150)
    code = models.SlugField(
        _("code"),
        max_length=80,
        unique=True,
        help_text=_("Unique across countries, for example gn-boke."),
    )
    region = models.CharField(_("region"), max_length=150)
    dhis2_uid = models.CharField(
        _("DHIS2 organisation unit id"), max_length=11, blank=True, db_index=True
    )

    class Meta:
        ordering = ["country__name", "region", "name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """An HDMT member belongs to exactly one district's team."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership",
        verbose_name=_("user"),
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("district"),
    )
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")

    def __str__(self) -> str:
        return f"{self.user} — {self.district}"


class TimeZonePreference(models.Model):
    """A user's own time zone, preferred to their district's country's."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="time_zone_preference",
        verbose_name=_("user"),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_time_zone]
    )

    class Meta:
        verbose_name = _("time zone preference")
        verbose_name_plural = _("time zone preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.time_zone}"


@receiver(post_save, sender=Country, dispatch_uid="districts-country-saved")
@receiver(post_delete, sender=Country, dispatch_uid="districts-country-deleted")
@receiver(post_save, sender=District, dispatch_uid="districts-district-saved")
@receiver(post_delete, sender=District, dispatch_uid="districts-district-deleted")
def forget_site_cache(sender, **kwargs) -> None:
    """A district or country added, renamed or removed changes counts and names the
    site's cache keeps (portal/chrome.py: "31 of 34 districts of Benin")."""
    chrome.forget()
