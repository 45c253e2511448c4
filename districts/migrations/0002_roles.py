"""Create the four roles and give facilitators and administrators their rights.

Facilitators: the Wagtail admin, editor and moderator rights on every page, images
and documents, translations. Administrators: the same plus users, groups, sites,
locales and districts. HDMT members and policymakers get no admin access at all.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HDMT_MEMBER = "HDMT members"
FACILITATOR = "Facilitators"
POLICYMAKER = "Policymakers"
ADMIN = "Administrators"

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
FACILITATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("districts", "view_country"),
    ("districts", "view_district"),
    ("districts", "view_membership"),
]
ADMIN_PERMISSIONS = FACILITATOR_PERMISSIONS + [
    (app, f"{action}_{model}")
    for app, model in [
        ("auth", "user"),
        ("districts", "country"),
        ("districts", "district"),
        ("districts", "membership"),
        ("wagtailcore", "site"),
        ("wagtailcore", "locale"),
    ]
    for action in ("add", "change", "delete", "view")
] + [("auth", "view_group")]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    Group.objects.get_or_create(name=HDMT_MEMBER)
    Group.objects.get_or_create(name=POLICYMAKER)
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name, permissions in ((FACILITATOR, FACILITATOR_PERMISSIONS), (ADMIN, ADMIN_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(apps, app, code) for app, code in permissions])
        if root_page is not None:
            for codename in PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=_permission(apps, "wagtailcore", codename),
                )
        if root_collection is not None:
            for app, codename in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app, codename),
                )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[HDMT_MEMBER, FACILITATOR, POLICYMAKER, ADMIN]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("districts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
