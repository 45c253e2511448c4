"""Administrators edit the DHIS2 connection; facilitators and administrators manage
analytics queries (and refresh them) and export mappings."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FACILITATOR = "Facilitators"
ADMIN = "Administrators"
SHARED = [
    f"{action}_{model}"
    for model in ("analyticsquery", "exportmapping")
    for action in ("add", "change", "delete", "view")
] + ["view_analyticssnapshot"]
ADMIN_ONLY = ["change_dhis2settings", "view_dhis2settings"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("dhis2")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((FACILITATOR, SHARED), (ADMIN, SHARED + ADMIN_ONLY)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="dhis2", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group_name in (FACILITATOR, ADMIN):
        for permission in Permission.objects.filter(content_type__app_label="dhis2"):
            permission.group_set.remove(*permission.group_set.filter(name=group_name))


class Migration(migrations.Migration):
    dependencies = [
        ("dhis2", "0001_initial"),
        ("districts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
