from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CycleParticipants(models.Model):
    """The districts taking part in a cycle, frozen when its answers open.

    Hangs on the cycle's source page, so every translation reads the same set. Until
    it exists the cycle counts every district (the live set); afterwards a district
    created later (by the DHIS2 org-unit sync, say) changes none of the cycle's
    figures. See docs/decisions.md, "A cycle's districts are frozen when its answers
    open"."""

    cycle = models.OneToOneField(
        "cycles.CyclePage",
        on_delete=models.CASCADE,
        related_name="frozen_participants",
        verbose_name=_("cycle"),
    )
    districts = models.ManyToManyField(
        "districts.District", related_name="+", verbose_name=_("districts")
    )
    frozen_at = models.DateTimeField(_("frozen at"), default=timezone.now)

    class Meta:
        verbose_name = _("districts taking part")
        verbose_name_plural = _("districts taking part")

    def __str__(self) -> str:
        return str(self.cycle)
