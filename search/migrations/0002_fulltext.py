from django.db import migrations

from search.fulltext import create_fulltext, drop_fulltext


def forwards(apps, schema_editor):
    create_fulltext(schema_editor)


def backwards(apps, schema_editor):
    drop_fulltext(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
