from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    """List imports: its own app (label `imports`) inside the registry, with
    its own migrations."""

    name = "cases.imports"
    label = "imports"
    verbose_name = _("List imports")
    default_auto_field = "django.db.models.BigAutoField"
