"""Capture reports and exchanges."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from cases import selectors, services
from cases.api.filters import CaptureReportFilter
from cases.api.permissions import IsCaseworker, IsSupervisor, ReadCaseworkerWriteSupervisor
from cases.api.schema import responses
from cases.api.serializers_registry import (
    CaptureReportSerializer,
    CompleteRequestSerializer,
    ExchangeSerializer,
    ListingRequestSerializer,
    ListingSerializer,
)
from cases.models import CaptureReport, Exchange


class _ById(viewsets.GenericViewSet):
    """Detail routes find the record by id among what the user may see,
    whatever the list's filters say."""

    def get_object(self) -> Any:
        obj = generics.get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, obj)
        return obj


@extend_schema_view(
    list=extend_schema(
        summary="List capture reports",
        responses=responses({200: CaptureReportSerializer(many=True)}, 400, 401, 403, 404),
    ),
    retrieve=extend_schema(
        summary="One capture report",
        responses=responses({200: CaptureReportSerializer}, 401, 403, 404),
    ),
    create=extend_schema(
        summary="Record a capture report (linked to a case or not yet)",
        responses=responses({201: CaptureReportSerializer}, 400, 401, 403),
    ),
    partial_update=extend_schema(
        summary="Correct a capture report, link it to a case, or share it with the family",
        responses=responses({200: CaptureReportSerializer}, 400, 401, 403, 404),
    ),
)
class CaptureReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _ById):
    permission_classes = [IsCaseworker]
    serializer_class = CaptureReportSerializer
    filterset_class = CaptureReportFilter

    def get_queryset(self) -> QuerySet[CaptureReport]:
        return selectors.capture_reports_visible_to(self.request.user).select_related("created_by")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = services.capture_report_add(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(report).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        report = self.get_object()
        serializer = self.get_serializer(report, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        updated = services.capture_report_update(
            report=report, actor=request.user, **serializer.validated_data
        )
        return Response(self.get_serializer(updated).data)


@extend_schema_view(
    list=extend_schema(
        summary="List exchanges with their lists",
        responses=responses({200: ExchangeSerializer(many=True)}, 400, 401, 403, 404),
    ),
    retrieve=extend_schema(
        summary="One exchange with its list",
        responses=responses({200: ExchangeSerializer}, 401, 403, 404),
    ),
    create=extend_schema(
        summary="Plan an exchange (supervisor)",
        responses=responses({201: ExchangeSerializer}, 400, 401, 403),
    ),
    partial_update=extend_schema(
        summary="Change or cancel a planned exchange (supervisor)",
        responses=responses({200: ExchangeSerializer}, 400, 401, 403, 404, 409),
    ),
)
class ExchangeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _ById):
    permission_classes = [ReadCaseworkerWriteSupervisor]
    serializer_class = ExchangeSerializer
    filterset_fields = ("status", "principle")

    def get_queryset(self) -> QuerySet[Exchange]:
        return selectors.exchanges_visible_to(self.request.user)

    def _fresh(self, exchange: Exchange) -> Exchange:
        # Read back with the list prefetched, as GET shows it.
        return self.get_queryset().get(pk=exchange.pk)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        fields.pop("status", None)  # a new exchange is planned
        exchange = services.exchange_plan(actor=request.user, **fields)
        return Response(
            self.get_serializer(self._fresh(exchange)).data, status=status.HTTP_201_CREATED
        )

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        exchange = self.get_object()
        serializer = self.get_serializer(exchange, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        updated = services.exchange_update(
            exchange=exchange, actor=request.user, **serializer.validated_data
        )
        return Response(self.get_serializer(self._fresh(updated)).data)

    @extend_schema(
        summary="Put a detained case on the exchange's list (supervisor)",
        description="The case moves to release_scheduled and its family hears of it. "
        "409 when the case is not detained or the exchange is no longer planned; 400 when "
        "the case is already on this list.",
        request=ListingRequestSerializer,
        responses=responses({201: ListingSerializer}, 400, 401, 403, 404, 409),
    )
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[IsSupervisor],
        filter_backends=[],
        pagination_class=None,
    )
    def listings(self, request: Request, pk: str) -> Response:
        exchange = self.get_object()
        serializer = ListingRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        listing = services.exchange_list_case(
            exchange=exchange, case=serializer.validated_data["case"], actor=request.user
        )
        return Response(ListingSerializer(listing).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Record an exchange's outcome in one transaction (supervisor)",
        description="Every listed case must be in exactly one of the two lists. The "
        "exchanged become repatriated, the others go back to detained, and every linked "
        "relative is told.",
        request=CompleteRequestSerializer,
        responses=responses({200: ExchangeSerializer}, 400, 401, 403, 404, 409),
    )
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[IsSupervisor],
        filter_backends=[],
        pagination_class=None,
    )
    def complete(self, request: Request, pk: str) -> Response:
        exchange = self.get_object()
        serializer = CompleteRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        done = services.exchange_complete(
            exchange=exchange, actor=request.user, **serializer.validated_data
        )
        return Response(self.get_serializer(self._fresh(done)).data)
