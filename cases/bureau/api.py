"""The bureau's API (supervisors): the documents that go out, the export
audit, and who opened which case. Thin: parse, call one service or selector,
shape the answer."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.urls import URLPattern, path, re_path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.views import APIView

from cases import selectors as case_selectors
from cases.api.params import int_param, since_param
from cases.api.permissions import IsSupervisor
from cases.api.schema import responses
from cases.bureau import exports, selectors
from cases.bureau.models import CaseAccess, ExportKind, ExportRecord
from cases.bureau.services import ExportedFile


def file_response(exported: ExportedFile) -> HttpResponse:
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    response["X-Content-SHA256"] = exported.record.sha256
    response["X-Export-Id"] = str(exported.record.pk)
    return response


SINCE = OpenApiParameter(
    "since", str, description="A date (YYYY-MM-DD) or an ISO date-time.", required=False
)
FILE_HEADERS = "The file; headers X-Content-SHA256 and X-Export-Id name its audit record."


class BureauListView(APIView):
    permission_classes = [IsSupervisor]

    @extend_schema(
        summary="The bureau's list for the ICRC (CSV or XLSX)",
        description="Persons and detention events since a date; columns in "
        "docs/bureau-list.md. " + FILE_HEADERS,
        parameters=[
            OpenApiParameter("since", str, required=True, description=SINCE.description),
            OpenApiParameter("type", str, enum=["csv", "xlsx"], description="Default csv."),
        ],
        responses=responses({(200, "text/csv"): OpenApiTypes.BINARY}, 400, 401, 403),
    )
    def get(self, request: Request) -> HttpResponse:
        since = since_param(request.query_params.get("since"), required=True)
        assert since is not None
        file_type = request.query_params.get("type", "csv")
        return file_response(
            exports.bureau_list_export(actor=request.user, since=since, file_type=file_type)
        )


class PfifView(APIView):
    permission_classes = [IsSupervisor]

    @extend_schema(
        summary="PFIF 1.4 XML of the public cases",
        description="Persons and their notes; only cases made public (README: PFIF). "
        + FILE_HEADERS,
        parameters=[SINCE],
        responses=responses({(200, "application/xml"): OpenApiTypes.BINARY}, 400, 401, 403),
    )
    def get(self, request: Request) -> HttpResponse:
        since = since_param(request.query_params.get("since"), required=False)
        return file_response(exports.pfif_export(actor=request.user, since=since))


class CaseDocumentView(APIView):
    """A per-person PDF; `maker` is the export service."""

    permission_classes = [IsSupervisor]
    maker: Any = None

    @extend_schema(
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
        responses=responses({(200, "application/pdf"): OpenApiTypes.BINARY}, 401, 403, 404, 409),
    )
    def get(self, request: Request, pk: str) -> HttpResponse:
        case = generics.get_object_or_404(case_selectors.cases_visible_to(request.user), pk=pk)
        return file_response(type(self).maker(actor=request.user, case=case))


class CaptureCardView(CaseDocumentView):
    """The capture card (GC III Annex IV B) as a bilingual PDF."""

    maker = staticmethod(exports.capture_card_export)


class DeathCertificateView(CaseDocumentView):
    """The death certificate (Annex IV D) as a bilingual PDF; 409 when no
    death particulars are recorded."""

    maker = staticmethod(exports.death_certificate_export)


class ExportRecordSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="case.case_number", read_only=True, default=None)

    class Meta:
        model = ExportRecord
        fields = (
            "id",
            "at",
            "actor_username",
            "kind",
            "parameters",
            "case",
            "case_number",
            "filename",
            "size",
            "sha256",
        )
        read_only_fields = fields


class CaseAccessSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="case.case_number", read_only=True)
    username = serializers.CharField(source="user.username", read_only=True)

    class Meta:
        model = CaseAccess
        fields = ("id", "at", "via", "path", "case", "case_number", "user", "username")
        read_only_fields = fields


@extend_schema(
    summary="The export audit: every document that went out, newest first",
    parameters=[OpenApiParameter("kind", str, enum=ExportKind.values)],
    responses=responses({200: ExportRecordSerializer(many=True)}, 401, 403),
)
class ExportRecordListView(generics.ListAPIView):
    permission_classes = [IsSupervisor]
    serializer_class = ExportRecordSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        kind = self.request.query_params.get("kind", "")
        if kind and kind not in ExportKind.values:
            raise ValidationError({"kind": ["Give one of: " + ", ".join(ExportKind.values)]})
        return selectors.exports_visible_to(self.request.user, kind=kind)


@extend_schema(
    summary="Who opened which case, newest first (per case and per staff member)",
    parameters=[
        OpenApiParameter("case", int, description="A case's id."),
        OpenApiParameter("user", int, description="A staff member's id."),
    ],
    responses=responses({200: CaseAccessSerializer(many=True)}, 400, 401, 403),
)
class CaseAccessListView(generics.ListAPIView):
    permission_classes = [IsSupervisor]
    serializer_class = CaseAccessSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.case_accesses_visible_to(
            self.request.user,
            case_id=int_param(self.request, "case"),
            user_id=int_param(self.request, "user"),
        )


urlpatterns: list[URLPattern] = [
    path("pfif/", PfifView.as_view(), name="pfif"),
    path("exports/", ExportRecordListView.as_view(), name="export-list"),
    path("exports/bureau-list/", BureauListView.as_view(), name="bureau-list"),
    path("access-log/", CaseAccessListView.as_view(), name="access-log"),
    re_path(
        r"^cases/(?P<pk>[^/.]+)/capture-card/$", CaptureCardView.as_view(), name="capture-card"
    ),
    re_path(
        r"^cases/(?P<pk>[^/.]+)/death-certificate/$",
        DeathCertificateView.as_view(),
        name="death-certificate",
    ),
]
