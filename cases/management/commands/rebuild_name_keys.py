"""Recompute every name key after cases/names.py changed how names fold:
keys written by the old fold would no longer meet queries folded by the new."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cases import services


class Command(BaseCommand):
    help = "Recompute the name keys and key pairs of every case (after the fold changed)."

    def handle(self, *args: Any, **options: Any) -> None:
        done = services.name_keys_rebuild()
        self.stdout.write(f"Rekeyed {done} spelling(s).")
