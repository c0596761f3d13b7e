"""Supervisors set caseworkers' phone numbers in the admin; caseworkers read them."""

from __future__ import annotations

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "caseworker": ["view_staffprofile"],
    "supervisor": ["view_staffprofile", "add_staffprofile", "change_staffprofile"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("cases")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in GRANTS.items():
        group = Group.objects.get(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="cases", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_service_number_error_names_the_field")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
