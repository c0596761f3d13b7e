"""The family portal's pages (the API is in families.api.urls)."""

from __future__ import annotations

from django.urls import path

from families import views

app_name = "families"

urlpatterns = [
    path("family/", views.portal, name="portal"),
    path("family/invite/<str:token>/", views.accept_invite, name="accept-invite"),
    path("accounts/welcome/", views.landing, name="landing"),
]
