"""Facilitators and administrators manage uploaded datasets."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Facilitators", "Administrators"]
CODENAMES = ["add_dataset", "change_dataset", "delete_dataset", "view_dataset"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("charts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="charts", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("charts", "0001_initial"),
        ("districts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
