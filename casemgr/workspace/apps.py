from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    name = "casemgr.workspace"
    label = "workspace"
    verbose_name = _("Workspace")
