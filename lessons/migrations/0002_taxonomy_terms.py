from django.db import migrations

from lessons.taxonomy import AudienceCode, TopicCode


def create_terms(apps, schema_editor):
    for model_name, choices in (("Topic", TopicCode), ("Audience", AudienceCode)):
        model = apps.get_model("lessons", model_name)
        for code in choices.values:
            model.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("lessons", "0001_initial")]

    operations = [migrations.RunPython(create_terms, migrations.RunPython.noop)]
