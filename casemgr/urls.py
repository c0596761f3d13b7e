from __future__ import annotations

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from casemgr import accounts, api_auth, views
from families.optout_views import optout

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("workspace/", include("casemgr.workspace.urls")),
    path("", include("families.urls")),
    path("optout/<str:token>/", optout, name="optout"),
    path("api/auth/token/", api_auth.TokenView.as_view(), name="api-token"),
    path("api/auth/token/refresh/", api_auth.TokenRefreshView.as_view(), name="api-token-refresh"),
    path("api/auth/logout/", api_auth.LogoutView.as_view(), name="api-logout"),
    path("api/auth/tokens/", api_auth.TokenListView.as_view(), name="api-token-list"),
    path(
        "api/auth/tokens/<str:token_id>/",
        api_auth.TokenDetailView.as_view(),
        name="api-token-detail",
    ),
    path("api/", include("cases.api.urls")),
    path("api/", include("cases.bureau.api")),
    path("api/", include("families.api.urls")),
    path("api/", include("cases.imports.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file, so no
    # inline script runs here either; Swagger UI sets inline styles from its
    # script, which only this page allows (styles, never scripts).
    path(
        "api/docs/",
        csp_update({"style-src": [UNSAFE_INLINE]})(
            SpectacularSwaggerSplitView.as_view(url_name="schema")
        ),
        name="api-docs",
    ),
]

# Django's own refusals (a body too large, too many fields) in the API's JSON.
handler400 = "casemgr.views.bad_request"
