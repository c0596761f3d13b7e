from __future__ import annotations

from django.apps import AppConfig


class BureauConfig(AppConfig):
    """The National Information Bureau's side of the registry: the documents
    that go out (and their audit), who opened which case, retention."""

    name = "cases.bureau"
    label = "bureau"
    verbose_name = "Information bureau"
    default_auto_field = "django.db.models.BigAutoField"
