from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from casemgr import views
from casemgr.api_auth import TokenView
from families.optout_views import optout

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("families.urls")),
    path("optout/<str:token>/", optout, name="optout"),
    path("api/auth/token/", TokenView.as_view(), name="api-token"),
    path("api/", include("cases.api.urls")),
    path("api/", include("cases.bureau.api")),
    path("api/", include("families.api.urls")),
    path("api/", include("cases.imports.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
]
