from __future__ import annotations

from django.urls import URLPattern, URLResolver

# The caseworkers' API (cases, capture reports, exchanges, transitions).
urlpatterns: list[URLPattern | URLResolver] = []
