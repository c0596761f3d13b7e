"""Give the staff roles the admin permissions on relatives and notifications.

Caseworkers and supervisors add and edit relatives (through the services, in
the admin form) and read what was sent; nobody edits a notification by hand.
"""

from __future__ import annotations

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "view_familymember",
    "add_familymember",
    "change_familymember",
    "view_familylink",
    "view_notification",
    "view_deliveryattempt",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("families")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = list(
        Permission.objects.filter(content_type__app_label="families", codename__in=CODENAMES)
    )
    for group in Group.objects.filter(name__in=["caseworker", "supervisor"]):
        group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="families", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=["caseworker", "supervisor"]):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("families", "0001_initial"),
        ("cases", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
