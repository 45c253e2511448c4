from django.db import migrations, models

ENGLISH = {"BJ": "Benin", "GN": "Guinea"}


def name_known_countries(apps, schema_editor):
    Country = apps.get_model("districts", "Country")
    for code, name in ENGLISH.items():
        Country.objects.filter(code=code, name_en="").update(name_en=name)


class Migration(migrations.Migration):
    dependencies = [("districts", "0002_roles")]

    operations = [
        migrations.AddField(
            model_name="country",
            name="name_en",
            field=models.CharField(
                blank=True,
                help_text="Shown on English pages; left empty, the name is used.",
                max_length=100,
                verbose_name="name in English",
            ),
        ),
        migrations.RunPython(name_known_countries, migrations.RunPython.noop),
    ]
