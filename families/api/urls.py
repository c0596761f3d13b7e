from __future__ import annotations

from django.urls import URLPattern, URLResolver

# Relatives (caseworkers) and the family portal (family members).
urlpatterns: list[URLPattern | URLResolver] = []
