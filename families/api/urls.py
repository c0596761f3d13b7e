from __future__ import annotations

from django.urls import URLPattern, URLResolver, path, re_path
from rest_framework.routers import SimpleRouter

from families.api import views

router = SimpleRouter()
router.register("family-members", views.FamilyMemberViewSet, basename="family-member")

# Relatives (caseworkers) and the family portal (family members).
urlpatterns: list[URLPattern | URLResolver] = [
    *router.urls,
    path("notifications/", views.NotificationListView.as_view(), name="notification-list"),
    path("family/cases/", views.FamilyCaseListView.as_view(), name="family-case-list"),
    path(
        "family/cases/<str:case_number>/",
        views.FamilyCaseDetailView.as_view(),
        name="family-case-detail",
    ),
    path(
        "family/notifications/",
        views.FamilyNotificationListView.as_view(),
        name="family-notification-list",
    ),
    path("family/enquiries/", views.FamilyEnquiryListView.as_view(), name="family-enquiries"),
    path("enquiries/", views.EnquiryListView.as_view(), name="enquiry-list"),
    re_path(
        r"^enquiries/(?P<pk>[^/.]+)/answer/$",
        views.EnquiryAnswerView.as_view(),
        name="enquiry-answer",
    ),
    path("family/accept-invite/", views.AcceptInviteView.as_view(), name="family-accept-invite"),
]
