"""The imports API (supervisors): upload, progress, rows, decisions, apply."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import BaseParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from cases.api.permissions import IsSupervisor
from cases.api.schema import responses
from cases.errors import InvalidInput
from cases.imports import selectors, services
from cases.imports.api.serializers import (
    ImportBatchSerializer,
    ImportCreateSerializer,
    ImportRowDecisionSerializer,
    ImportRowSerializer,
)
from cases.imports.errors import FileRefused
from cases.imports.files import Limits
from cases.imports.models import ImportBatch, ImportRow


def _upload_bytes(upload: Any) -> bytes:
    """Refuse an oversized file before reading it into memory."""
    try:
        Limits.from_settings().check_size(upload.size)
    except FileRefused as exc:
        raise InvalidInput({"file": exc.message}) from exc
    return bytes(upload.read())


def _project_parsers() -> list[type[BaseParser]]:
    # Classes at run time; the stubs type the setting as dotted paths.
    return cast(list[type[BaseParser]], api_settings.DEFAULT_PARSER_CLASSES)


@extend_schema_view(
    list=extend_schema(
        summary="List imports (supervisor)",
        responses=responses({200: ImportBatchSerializer(many=True)}, 400, 401, 403),
    ),
    retrieve=extend_schema(
        summary="One import and its progress (supervisor)",
        responses=responses({200: ImportBatchSerializer}, 401, 403, 404),
    ),
)
class ImportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsSupervisor]
    serializer_class = ImportBatchSerializer
    # Multipart first (an upload is a file), then the project's own parsers:
    # its JSON parser refuses nesting too deep to parse (DEFAULT_PARSER_CLASSES).
    parser_classes = [
        MultiPartParser,
        *(p for p in _project_parsers() if p is not MultiPartParser),
    ]
    filterset_fields = ("status", "purpose")

    def get_queryset(self) -> QuerySet[ImportBatch]:
        return selectors.imports_visible_to(self.request.user)

    def get_object(self) -> ImportBatch:
        return generics.get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    @extend_schema(
        summary="Upload a list (supervisor)",
        description="The file is read at once: a bad file is a 400 naming the problem and "
        "nothing is stored. Its rows are then matched in the background; follow `done` of "
        f"`total` on GET. Limits: {Limits.from_settings().describe()} (settings IMPORT_MAX_*). "
        "The same file uploaded again for the same purpose is a 409 naming the earlier import.",
        request={"multipart/form-data": ImportCreateSerializer},
        responses=responses({202: ImportBatchSerializer}, 400, 401, 403, 409),
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ImportCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        upload = fields.pop("file")
        batch = services.import_create(
            actor=request.user, file_name=upload.name, data=_upload_bytes(upload), **fields
        )
        return Response(self.get_serializer(batch).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        summary="The rows of an import, in file order (supervisor)",
        parameters=[OpenApiParameter("state", str, description="matched, ambiguous, new, ...")],
        responses=responses({200: ImportRowSerializer(many=True)}, 400, 401, 403, 404),
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def rows(self, request: Request, pk: str) -> Response:
        rows = selectors.import_rows(
            batch=self.get_object(), state=request.query_params.get("state")
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(ImportRowSerializer(page, many=True).data)

    @extend_schema(
        summary="Match every matched, undecided row to its candidate (supervisor)",
        request=None,
        responses=responses({200: ImportBatchSerializer}, 401, 403, 404, 409),
    )
    @action(detail=True, methods=["post"], url_path="accept-matched", filter_backends=[])
    def accept_matched(self, request: Request, pk: str) -> Response:
        batch = self.get_object()
        services.import_accept_matched(batch=batch, actor=request.user)
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        summary="Apply the decided rows (supervisor)",
        description="Runs in the background through the usual services; applying twice "
        "changes nothing.",
        request=None,
        responses=responses({202: ImportBatchSerializer}, 401, 403, 404, 409),
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def apply(self, request: Request, pk: str) -> Response:
        batch = services.import_apply(batch=self.get_object(), actor=request.user)
        fresh = self.get_queryset().get(pk=batch.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_202_ACCEPTED)


ROW_PATH = [
    OpenApiParameter("id", int, OpenApiParameter.PATH, description="The import's id."),
    OpenApiParameter("row_id", int, OpenApiParameter.PATH, description="The row's id."),
]


class ImportRowView(generics.GenericAPIView):
    permission_classes = [IsSupervisor]
    serializer_class = ImportRowSerializer

    def get_object(self) -> ImportRow:
        batch = generics.get_object_or_404(
            selectors.imports_visible_to(self.request.user), pk=self.kwargs["pk"]
        )
        return generics.get_object_or_404(
            selectors.import_rows(batch=batch), pk=self.kwargs["row_id"]
        )

    @extend_schema(
        summary="One row of an import (supervisor)",
        parameters=ROW_PATH,
        responses=responses({200: ImportRowSerializer}, 401, 403, 404),
    )
    def get(self, request: Request, pk: str, row_id: str) -> Response:
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        summary="Decide a row: match (with the case), new, or skip (supervisor)",
        parameters=ROW_PATH,
        request=ImportRowDecisionSerializer,
        responses=responses({200: ImportRowSerializer}, 400, 401, 403, 404, 409),
    )
    def patch(self, request: Request, pk: str, row_id: str) -> Response:
        row = self.get_object()
        serializer = ImportRowDecisionSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        decision = serializer.validated_data["decision"] or {}
        decided = services.import_row_decide(
            row=row, actor=request.user, action=decision.get("action"), case=decision.get("case")
        )
        return Response(
            self.get_serializer(selectors.import_rows(batch=row.batch).get(pk=decided.pk)).data
        )
