"""An export mapping belongs to a learning cycle page (was any page).

Mappings already on a cycle page keep their row (a CyclePage shares its page's id);
a mapping on any other kind of page could never export anything and is removed first.
"""

import django.db.models.deletion
from django.db import migrations, models


def drop_mappings_on_other_pages(apps, schema_editor):
    ExportMapping = apps.get_model("dhis2", "ExportMapping")
    CyclePage = apps.get_model("cycles", "CyclePage")
    ExportMapping.objects.exclude(cycle_id__in=CyclePage.objects.values("pk")).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cycles", "0001_initial"),
        ("dhis2", "0002_role_permissions"),
    ]

    operations = [
        migrations.RunPython(drop_mappings_on_other_pages, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="exportmapping",
            name="cycle",
            field=models.OneToOneField(
                help_text="The cycle page in its source language.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="cycles.cyclepage",
                verbose_name="cycle",
            ),
        ),
    ]
