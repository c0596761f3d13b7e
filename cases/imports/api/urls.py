from __future__ import annotations

from django.urls import URLPattern, URLResolver, re_path
from rest_framework.routers import SimpleRouter

from cases.imports.api.views import ImportRowView, ImportViewSet

router = SimpleRouter()
router.register("imports", ImportViewSet, basename="import")

urlpatterns: list[URLPattern | URLResolver] = [
    re_path(
        r"^imports/(?P<pk>[^/.]+)/rows/(?P<row_id>[^/.]+)/$",
        ImportRowView.as_view(),
        name="import-row",
    ),
    *router.urls,
]
