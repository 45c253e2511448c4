"""A lesson's source cycle is a learning cycle page (was any page).

Links that already point at a cycle page are kept as they are (a CyclePage shares its
page's id); a link to any other kind of page is cleared first, since it could not be
a source cycle and would break the new constraint.
"""

import django.db.models.deletion
from django.db import migrations, models


def clear_links_to_other_pages(apps, schema_editor):
    LessonPage = apps.get_model("lessons", "LessonPage")
    CyclePage = apps.get_model("cycles", "CyclePage")
    LessonPage.objects.filter(cycle__isnull=False).exclude(
        cycle_id__in=CyclePage.objects.values("pk")
    ).update(cycle=None)


class Migration(migrations.Migration):
    dependencies = [
        ("cycles", "0001_initial"),
        ("lessons", "0002_taxonomy_terms"),
    ]

    operations = [
        migrations.RunPython(clear_links_to_other_pages, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="lessonpage",
            name="cycle",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="cycles.cyclepage",
                verbose_name="source cycle",
            ),
        ),
    ]
