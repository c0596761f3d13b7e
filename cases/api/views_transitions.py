"""The two-person rule over HTTP: the supervisors' queue of sensitive status
changes, and confirming or rejecting one (never by the person who asked)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from cases import selectors, services
from cases.api.filters import TransitionFilter
from cases.api.permissions import IsCaseworker, IsSupervisor
from cases.api.schema import responses
from cases.api.serializers import CaseSerializer, DecisionSerializer, PendingTransitionSerializer
from cases.api.views_cases import case_response
from cases.models import PendingTransition


@extend_schema_view(
    list=extend_schema(
        summary="Sensitive status changes (default: those waiting for a supervisor)",
        responses=responses({200: PendingTransitionSerializer(many=True)}, 400, 401, 403, 404),
    ),
    retrieve=extend_schema(
        summary="One status change request",
        responses=responses({200: PendingTransitionSerializer}, 401, 403, 404),
    ),
)
class TransitionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = PendingTransitionSerializer
    filterset_class = TransitionFilter

    def get_permissions(self) -> list[Any]:
        if self.action in ("confirm", "reject"):
            return [IsSupervisor()]
        return [IsCaseworker()]

    def get_queryset(self) -> QuerySet[PendingTransition]:
        return selectors.transitions_visible_to(self.request.user).order_by("requested_at", "id")

    def get_object(self) -> PendingTransition:
        transition = generics.get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, transition)
        return transition

    @extend_schema(
        summary="Confirm a sensitive status change (a supervisor, not the asker)",
        description="Applies the move: 200 with the case. 403 for the person who asked; "
        "409 when the case has moved on since, or the request was already decided.",
        request=DecisionSerializer,
        responses=responses({200: CaseSerializer}, 400, 401, 403, 404, 409),
    )
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def confirm(self, request: Request, pk: str) -> Response:
        transition = self.get_object()
        serializer = DecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        outcome = services.transition_confirm(
            transition_id=transition.pk, actor=request.user, **serializer.validated_data
        )
        return case_response(outcome.case)

    @extend_schema(
        summary="Reject a sensitive status change (a supervisor, not the asker)",
        request=DecisionSerializer,
        responses=responses({200: PendingTransitionSerializer}, 400, 401, 403, 404, 409),
    )
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def reject(self, request: Request, pk: str) -> Response:
        transition = self.get_object()
        serializer = DecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rejected = services.transition_reject(
            transition_id=transition.pk, actor=request.user, **serializer.validated_data
        )
        return Response(PendingTransitionSerializer(rejected).data)
