from django.db import migrations

from search.fulltext import create_title_index, drop_title_index


def forwards(apps, schema_editor):
    create_title_index(schema_editor)


def backwards(apps, schema_editor):
    drop_title_index(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(forwards, backwards)]
