"""Facilitators and administrators approve pages submitted for moderation.

Wagtail's own migration gives its default workflow one task, assigned to Wagtail's
"Moderators" group; nobody here belongs to it, so a page a facilitator submitted
waited until a superuser came by. Every approval task given to "Moderators" is also
given to the facilitation team and the administrators (the moderators of this site).
"""

from django.db import migrations

MODERATOR_GROUPS = ("Facilitators", "Administrators")


def facilitators_moderate(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    groups = list(Group.objects.filter(name__in=MODERATOR_GROUPS))
    for task in GroupApprovalTask.objects.filter(groups__name="Moderators"):
        task.groups.add(*groups)


def undo(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    groups = list(Group.objects.filter(name__in=MODERATOR_GROUPS))
    for task in GroupApprovalTask.objects.filter(groups__name="Moderators"):
        task.groups.remove(*groups)


class Migration(migrations.Migration):
    dependencies = [
        ("districts", "0004_time_zones"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(facilitators_moderate, undo)]
