"""Cases: list, open, read, edit (If-Match), move, timeline, notes.

Thin views: check the input with a serializer, call one service, shape the
answer. Which cases a user may see is decided by cases.selectors.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from cases import selectors, services
from cases.api.conditional import etag_for, if_match_version
from cases.api.filters import CaseFilter
from cases.api.permissions import IsCaseworker
from cases.api.schema import IF_MATCH, IF_MATCH_OPTIONAL, responses
from cases.api.serializers import (
    CaseSerializer,
    DetentionEventSerializer,
    EventSerializer,
    FamilyToldSerializer,
    NoteSerializer,
    PendingTransitionEnvelopeSerializer,
    PendingTransitionSerializer,
    TransitionRequestSerializer,
)
from cases.bureau.models import AccessVia
from cases.bureau.services import case_access_record
from cases.models import CaseEvent, DetentionEvent, MissingPerson


def record_opened(request: Request, case_id: int) -> None:
    """The access log: this person opened this case (one INSERT)."""
    case_access_record(user=request.user, case_ids=[case_id], via=AccessVia.API, path=request.path)


def case_response(case: MissingPerson, *, code: int = status.HTTP_200_OK, **kw: Any) -> Response:
    return Response(CaseSerializer(case, **kw).data, status=code, headers={"ETag": etag_for(case)})


@extend_schema_view(
    list=extend_schema(
        summary="List and search cases",
        responses=responses({200: CaseSerializer(many=True)}, 400, 401, 403, 404),
    ),
    retrieve=extend_schema(
        summary="One case (with its ETag)",
        description="The ETag header carries the case's version; send it back in If-Match "
        "to PATCH.",
        responses=responses({200: CaseSerializer}, 401, 403, 404),
    ),
    create=extend_schema(
        summary="Open a case",
        responses=responses({201: CaseSerializer}, 400, 401, 403),
    ),
    partial_update=extend_schema(
        summary="Edit a case's details (needs If-Match)",
        description="Status is not editable here: use /transition/. Unknown or read-only "
        "fields are refused (400).",
        parameters=[IF_MATCH],
        responses=responses({200: CaseSerializer}, 400, 401, 403, 404, 412, 428),
    ),
)
class CaseViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsCaseworker]
    serializer_class = CaseSerializer
    filterset_class = CaseFilter

    def get_queryset(self) -> QuerySet[MissingPerson]:
        return selectors.cases_visible_to(self.request.user)

    def get_object(self) -> MissingPerson:
        # Detail routes ignore the list's filters: the id alone names the case.
        case = generics.get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, case)
        return case

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_object()
        record_opened(request, case.pk)
        return case_response(case)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = CaseSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        case = services.case_open(actor=request.user, **serializer.validated_data)
        response = case_response(case, code=status.HTTP_201_CREATED)
        response["Location"] = f"/api/cases/{case.pk}/"
        return response

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_object()
        version = if_match_version(request, case, required=True)
        serializer = CaseSerializer(
            case, data=request.data, partial=True, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        updated = services.case_update(
            case=case, actor=request.user, expected_version=version, **serializer.validated_data
        )
        return case_response(updated)

    @extend_schema(
        summary="Move a case to another status",
        description="200 with the case when the move is applied; 202 with the pending "
        "transition when it is sensitive and waits for a supervisor who is not the asker; "
        "409 with the allowed moves when the current status does not allow it.",
        request=TransitionRequestSerializer,
        parameters=[IF_MATCH_OPTIONAL],
        responses=responses(
            {
                200: CaseSerializer,
                202: OpenApiResponse(
                    PendingTransitionEnvelopeSerializer, description="Waits for a supervisor."
                ),
            },
            400,
            401,
            403,
            404,
            409,
            412,
        ),
    )
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def transition(self, request: Request, pk: str) -> Response:
        case = self.get_object()
        version = if_match_version(request, case, required=False)
        serializer = TransitionRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        outcome = services.case_transition(
            case=case,
            actor=request.user,
            to_status=serializer.validated_data["status"],
            note=serializer.validated_data["note"],
            expected_version=version,
        )
        if outcome.pending is not None:
            body = {"pending_transition": PendingTransitionSerializer(outcome.pending).data}
            return Response(body, status=status.HTTP_202_ACCEPTED)
        return case_response(outcome.case)

    @extend_schema(
        summary="Add a note to the timeline",
        description="family_visible=true tells the linked relatives in words.",
        request=NoteSerializer,
        responses=responses({201: EventSerializer}, 400, 401, 403, 404),
    )
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def notes(self, request: Request, pk: str) -> Response:
        case = self.get_object()
        serializer = NoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event = services.case_note_add(case=case, actor=request.user, **serializer.validated_data)
        return Response(EventSerializer(event).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Record that the family was told of a death in person",
        description="Only then does the family portal show the full status. 409 when the "
        "case is not deceased or remains_returned.",
        request=FamilyToldSerializer,
        responses=responses({200: CaseSerializer}, 400, 401, 403, 404, 409),
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="family-told",
        filter_backends=[],
        pagination_class=None,
    )
    def family_told(self, request: Request, pk: str) -> Response:
        case = self.get_object()
        serializer = FamilyToldSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        told = services.case_family_told(case=case, actor=request.user, **serializer.validated_data)
        return case_response(told)


@extend_schema(
    summary="A case's timeline, newest first",
    parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH, description="The case's id.")],
    responses=responses({200: EventSerializer(many=True)}, 401, 403, 404),
)
class CaseTimelineView(generics.ListAPIView):
    permission_classes = [IsCaseworker]
    serializer_class = EventSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return CaseEvent.objects.none()
        case = generics.get_object_or_404(
            selectors.cases_visible_to(self.request.user), pk=self.kwargs["pk"]
        )
        record_opened(self.request, case.pk)
        return selectors.case_timeline(case=case)


@extend_schema_view(
    get=extend_schema(
        summary="A case's detention events, newest first",
        responses=responses({200: DetentionEventSerializer(many=True)}, 401, 403, 404),
    ),
    post=extend_schema(
        summary="Record a detention event (transfer, health, ICRC visit, death particulars...)",
        description="Each type carries its own fields (README: Detention events); a field "
        "the type does not carry is a 400 naming it. share_with_family tells the family in "
        "plain words (never for death or escape).",
        request=DetentionEventSerializer,
        responses=responses({201: DetentionEventSerializer}, 400, 401, 403, 404),
    ),
)
class CaseDetentionEventsView(generics.ListCreateAPIView):
    permission_classes = [IsCaseworker]
    serializer_class = DetentionEventSerializer
    filter_backends: list[Any] = []

    def case(self) -> MissingPerson:
        return generics.get_object_or_404(
            selectors.cases_visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return DetentionEvent.objects.none()
        case = self.case()
        record_opened(self.request, case.pk)
        return selectors.detention_events(case=case)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.case()
        serializer = DetentionEventSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event = services.detention_event_add(
            case=case, actor=request.user, **serializer.validated_data
        )
        return Response(DetentionEventSerializer(event).data, status=status.HTTP_201_CREATED)
