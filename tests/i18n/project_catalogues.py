"""The project's own catalogues as Django reads them (LOCALE_PATHS and each
installed app's locale/), not Django's or a library's."""

from __future__ import annotations

import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings


def catalogues(language: str) -> list[Path]:
    """Every catalogue of ours Django reads for the language (not Django's or
    a library's, which our msgids may share)."""
    root = Path(settings.BASE_DIR).resolve()
    folders = [Path(p) for p in settings.LOCALE_PATHS] + [
        Path(app.path) / "locale" for app in apps.get_app_configs()
    ]
    found = [f / language / "LC_MESSAGES" / "django.po" for f in folders]
    installed = Path(sys.prefix).resolve()  # the virtualenv may live in the project
    return [
        po
        for po in found
        if po.exists() and root in po.resolve().parents and installed not in po.resolve().parents
    ]
