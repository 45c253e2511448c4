from django.db import migrations, models


def backfill(apps, schema_editor):
    """Existing comments take the language of the page they are stored on (the
    thread's page: the page they were posted from is not recorded), else French."""
    CommentDetails = apps.get_model("discussions", "CommentDetails")
    Page = apps.get_model("wagtailcore", "Page")
    page_ids = CommentDetails.objects.values_list("page_id", flat=True).distinct()
    languages = dict(
        Page.objects.filter(pk__in=list(page_ids)).values_list(
            "pk", "locale__language_code"
        )
    )
    for page_id, code in languages.items():
        language = (code or "fr")[:2]
        if language != "fr":
            CommentDetails.objects.filter(page_id=page_id).update(language=language)


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0003_verbose_names"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="commentdetails",
            name="language",
            field=models.CharField(
                default="fr",
                help_text="The language of the page the comment was written on.",
                max_length=8,
                verbose_name="language",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
