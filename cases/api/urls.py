"""The caseworkers' API (cases, capture reports, exchanges, transitions)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, re_path
from rest_framework.routers import SimpleRouter

from cases.api.views_cases import CaseDetentionEventsView, CaseTimelineView, CaseViewSet
from cases.api.views_names import CaseMatchView, CaseSpellingsView
from cases.api.views_registry import CaptureReportViewSet, ExchangeViewSet
from cases.api.views_transitions import TransitionViewSet

router = SimpleRouter()
router.register("cases", CaseViewSet, basename="case")
router.register("transitions", TransitionViewSet, basename="transition")
router.register("capture-reports", CaptureReportViewSet, basename="capture-report")
router.register("exchanges", ExchangeViewSet, basename="exchange")

urlpatterns: list[URLPattern | URLResolver] = [
    # Same id pattern as the router's, so a malformed id is a JSON 404 too.
    re_path(r"^cases/(?P<pk>[^/.]+)/timeline/$", CaseTimelineView.as_view(), name="case-timeline"),
    re_path(
        r"^cases/(?P<pk>[^/.]+)/detention-events/$",
        CaseDetentionEventsView.as_view(),
        name="case-detention-events",
    ),
    re_path(
        r"^cases/(?P<pk>[^/.]+)/spellings/$", CaseSpellingsView.as_view(), name="case-spellings"
    ),
    # Before the router, whose case detail route would take "match" for an id.
    re_path(r"^cases/match/$", CaseMatchView.as_view(), name="case-match"),
    *router.urls,
]
