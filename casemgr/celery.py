"""The Celery app. Configuration lives in Django settings under CELERY_*."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casemgr.settings")

app = Celery("casemgr")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
