"""A case's spellings, and matching a name against the registry."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases import selectors, services
from cases.api.permissions import IsCaseworker
from cases.api.schema import responses
from cases.api.serializers_names import (
    MatchRequestSerializer,
    MatchResponseSerializer,
    SpellingAddSerializer,
    SpellingSerializer,
)
from cases.matching import MatchQuery, match_candidates
from cases.models import CaseSpelling, MissingPerson

CASE_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The case's id.")


class CaseSpellingsView(generics.ListCreateAPIView):
    """Every spelling the case's name was ever given; POST adds one."""

    permission_classes = [IsCaseworker]
    serializer_class = SpellingSerializer
    filter_backends: list[Any] = []

    def _case(self) -> MissingPerson:
        return generics.get_object_or_404(
            selectors.cases_visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return CaseSpelling.objects.none()
        return selectors.case_spellings(case=self._case())

    @extend_schema(
        summary="A case's spellings (every script and source)",
        parameters=[CASE_ID],
        responses=responses({200: SpellingSerializer(many=True)}, 401, 403, 404),
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Add a spelling of the case's name",
        description="Adding a spelling the case already has changes nothing (200).",
        parameters=[CASE_ID],
        request=SpellingAddSerializer,
        responses=responses({201: SpellingSerializer, 200: SpellingSerializer}, 400, 401, 403, 404),
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self._case()
        serializer = SpellingAddSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        added = services.case_spelling_add(
            case=case, actor=request.user, **serializer.validated_data
        )
        code = status.HTTP_201_CREATED if added.created else status.HTTP_200_OK
        return Response(SpellingSerializer(added.spelling).data, status=code)


class CaseMatchView(APIView):
    permission_classes = [IsCaseworker]

    @extend_schema(
        summary="The cases a name may belong to, best first",
        description="`name` in any script and order; `date_of_birth` YYYY-MM-DD or YYYY; "
        "`limit` at most 50 (default 5). Each candidate's score is calibrated (README: "
        "what a match score means) and its reasons say why.",
        request=MatchRequestSerializer,
        responses=responses({200: MatchResponseSerializer}, 400, 401, 403),
    )
    def post(self, request: Request) -> Response:
        serializer = MatchRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        born, year = data.get("date_of_birth") or (None, None)
        query = MatchQuery(
            name=data["name"],
            date_of_birth=born,
            birth_year=year,
            patronymic=data["patronymic"],
            service_number=data["service_number"],
        )
        candidates = match_candidates(query, limit=data["limit"])
        body = MatchResponseSerializer({"candidates": candidates}).data
        return Response(body)
