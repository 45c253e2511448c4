"""Freeze the districts taking part in every cycle whose answers are already open,
from the set computed until now (every district)."""

from django.db import migrations
from django.db.models import Min
from django.utils import timezone


LATER_STARTS = ("answers_open", "results_date", "discussion_open", "knowledge_translation_date")


def _answers_have_opened(cycle: dict, today) -> bool:
    """Step 3 or later reached, as `cycles.steps.step_from_dates` (or the override)
    says: the last step whose start date has passed is 3 or more."""
    if cycle["step_override"]:
        return cycle["step_override"] >= 3
    return any(cycle[name] is not None and cycle[name] <= today for name in LATER_STARTS)


def freeze_open_cycles(apps, schema_editor):
    CyclePage = apps.get_model("cycles", "CyclePage")
    CycleParticipants = apps.get_model("cycles", "CycleParticipants")
    District = apps.get_model("districts", "District")
    today = timezone.localdate()
    source_ids = (
        CyclePage.objects.values("translation_key")
        .annotate(source_id=Min("id"))
        .values_list("source_id", flat=True)
    )
    districts = list(District.objects.values_list("pk", flat=True))
    # Values, not instances: the historical form page model cannot be instantiated.
    cycles = CyclePage.objects.filter(pk__in=list(source_ids)).values(
        "pk", "step_override", *LATER_STARTS
    )
    for cycle in cycles:
        if not _answers_have_opened(cycle, today):
            continue
        frozen, created = CycleParticipants.objects.get_or_create(cycle_id=cycle["pk"])
        if created:
            frozen.districts.set(districts)


class Migration(migrations.Migration):
    dependencies = [
        ("cycles", "0007_cycle_participants"),
        ("districts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(freeze_open_cycles, migrations.RunPython.noop),
    ]
