"""Supervisors run imports: they may see imports and their rows in the admin."""

from __future__ import annotations

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_importbatch", "view_importrow"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("imports")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="supervisor")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="imports", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0001_initial"),
        ("cases", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
