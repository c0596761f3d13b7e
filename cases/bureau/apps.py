from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BureauConfig(AppConfig):
    """The National Information Bureau's side of the registry: the documents
    that go out (and their audit), who opened which case, retention."""

    name = "cases.bureau"
    label = "bureau"
    verbose_name = _("Information bureau")
    default_auto_field = "django.db.models.BigAutoField"
