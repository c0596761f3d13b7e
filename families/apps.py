from __future__ import annotations

from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    name = "families"
    verbose_name = "Relatives and notifications"
    default_auto_field = "django.db.models.BigAutoField"
