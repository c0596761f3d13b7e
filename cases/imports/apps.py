from __future__ import annotations

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """List imports: its own app (label `imports`) inside the registry, with
    its own migrations."""

    name = "cases.imports"
    label = "imports"
    verbose_name = "List imports"
    default_auto_field = "django.db.models.BigAutoField"
