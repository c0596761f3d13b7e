"""Relatives and deliveries for staff; the family portal for family members.

Thin: permissions by role, object access through families.selectors, writes
through families.services.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView, get_object_or_404
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.lockout import invitation_failed, invitation_locked, lockout_response
from accounts.throttles import AddressRateThrottle
from cases.api.params import int_param
from cases.api.permissions import IsCaseworker
from cases.api.schema import responses
from cases.errors import InvalidInput
from cases.models import MissingPerson
from families import selectors, services
from families.api.permissions import IsFamilyMember
from families.api.serializers import (
    AcceptInviteSerializer,
    AccountCreatedSerializer,
    EnquiryAnswerSerializer,
    EnquirySubmitSerializer,
    FamilyCaseSerializer,
    FamilyEnquirySerializer,
    FamilyMemberSerializer,
    FamilyNotificationSerializer,
    InvitationSentSerializer,
    StaffEnquirySerializer,
    StaffNotificationSerializer,
)
from families.models import FamilyEnquiry, FamilyMember, Notification, NotificationStatus


def _current_member(request: Request) -> FamilyMember:
    member = selectors.member_for_user(request.user)
    assert member is not None  # IsFamilyMember let the request through
    return member


# --- Staff ---------------------------------------------------------------------------


@extend_schema(
    parameters=[
        OpenApiParameter("case", int, description="Only relatives linked to this case (id)."),
        OpenApiParameter("q", str, description="Words of the name, an email or a phone."),
    ]
)
class FamilyMemberViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Relatives and their links to cases (caseworkers and supervisors)."""

    serializer_class = FamilyMemberSerializer
    permission_classes = [IsCaseworker]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> Any:
        if self.action == "list":
            return selectors.member_search(
                user=self.request.user,
                q=self.request.query_params.get("q", "")[:200],
                case_id=int_param(self.request, "case"),
            )
        return selectors.members_visible_to(self.request.user)

    def _fresh(self, member: FamilyMember) -> dict[str, Any]:
        # Read back through the selector so links come with their case numbers.
        fresh = selectors.members_visible_to(self.request.user).get(pk=member.pk)
        return self.get_serializer(fresh).data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        member = services.family_member_create(
            actor=request.user, links=data.pop("links", []), **data
        )
        return Response(self._fresh(member), status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        member = self.get_object()
        serializer = self.get_serializer(member, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        member = services.family_member_update(
            member=member, actor=request.user, links=data.pop("links", None), **data
        )
        return Response(self._fresh(member))

    @extend_schema(request=None, responses={201: InvitationSentSerializer})
    @action(detail=True, methods=["post"])
    def invite(self, request: Request, pk: str | None = None) -> Response:
        """Email the relative a one-time link to choose a username and password."""
        member = self.get_object()
        try:
            invitation = services.invitation_create(member=member, actor=request.user)
        except services.InvitationNotSent as exc:
            return Response(
                {"detail": exc.message, "code": exc.code},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
        return Response(InvitationSentSerializer(invitation).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=StaffNotificationSerializer(many=True))
    @action(detail=True, methods=["get"], serializer_class=StaffNotificationSerializer)
    def notifications(self, request: Request, pk: str | None = None) -> Response:
        """Everything sent (or tried) to this relative, with every attempt."""
        member = self.get_object()
        qs = selectors.notifications_visible_to(request.user, member_id=member.pk)
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(StaffNotificationSerializer(page, many=True).data)


@extend_schema(
    parameters=[
        OpenApiParameter("status", str, enum=NotificationStatus.values),
        OpenApiParameter("member", int),
        OpenApiParameter("case", int),
    ]
)
class NotificationListView(ListAPIView):
    """Deliveries to follow up, e.g. ?status=failed (caseworkers, supervisors)."""

    serializer_class = StaffNotificationSerializer
    permission_classes = [IsCaseworker]

    def get_queryset(self) -> Any:
        wanted = self.request.query_params.get("status", "").strip()
        if wanted and wanted not in NotificationStatus.values:
            raise ValidationError(
                {"status": [f"Unknown status. Known: {', '.join(NotificationStatus.values)}."]}
            )
        return selectors.notifications_visible_to(
            self.request.user,
            status=wanted,
            member_id=int_param(self.request, "member"),
            case_id=int_param(self.request, "case"),
        )


# --- Family members ----------------------------------------------------------------------


class FamilyCaseListView(ListAPIView):
    """The cases this relative is verified-linked to, as the family projection."""

    serializer_class = FamilyCaseSerializer
    permission_classes = [IsFamilyMember]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return MissingPerson.objects.none()
        return selectors.family_cases(_current_member(self.request))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        member = _current_member(request)
        page = self.paginate_queryset(self.get_queryset())
        views = selectors.family_case_views(member, page or [])
        return self.get_paginated_response(FamilyCaseSerializer(views, many=True).data)


class FamilyCaseDetailView(GenericAPIView):
    """One case of this relative; another family's case is 404."""

    serializer_class = FamilyCaseSerializer
    permission_classes = [IsFamilyMember]

    def get(self, request: Request, case_number: str) -> Response:
        member = _current_member(request)
        case = selectors.family_case_or_404(member, case_number)
        (view,) = selectors.family_case_views(member, [case])
        return Response(FamilyCaseSerializer(view).data)


class FamilyNotificationListView(ListAPIView):
    """What was sent to this relative, with its delivery state."""

    serializer_class = FamilyNotificationSerializer
    permission_classes = [IsFamilyMember]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return Notification.objects.none()
        return selectors.family_notifications(_current_member(self.request))


@extend_schema_view(
    get=extend_schema(
        summary="My enquiries and their answers",
        responses=responses({200: FamilyEnquirySerializer(many=True)}, 401, 403),
    ),
    post=extend_schema(
        summary="Ask about, or tell us something about, my relative's case",
        request=EnquirySubmitSerializer,
        responses=responses({201: FamilyEnquirySerializer}, 400, 401, 403, 404),
    ),
)
class FamilyEnquiryListView(ListAPIView):
    """A relative's enquiries; a case that is not theirs is 404."""

    serializer_class = FamilyEnquirySerializer
    permission_classes = [IsFamilyMember]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return FamilyEnquiry.objects.none()
        return selectors.family_enquiries(_current_member(self.request))

    def post(self, request: Request) -> Response:
        serializer = EnquirySubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        enquiry = services.family_enquiry_submit(
            member=_current_member(request), **serializer.validated_data
        )
        return Response(FamilyEnquirySerializer(enquiry).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Relatives' enquiries, oldest first",
    parameters=[OpenApiParameter("unanswered", bool, description="Only those waiting.")],
    responses=responses({200: StaffEnquirySerializer(many=True)}, 401, 403),
)
class EnquiryListView(ListAPIView):
    serializer_class = StaffEnquirySerializer
    permission_classes = [IsCaseworker]

    def get_queryset(self) -> Any:
        waiting = self.request.query_params.get("unanswered", "") in ("1", "true")
        return selectors.enquiries_visible_to(self.request.user, unanswered=waiting)


class EnquiryAnswerView(GenericAPIView):
    serializer_class = EnquiryAnswerSerializer
    permission_classes = [IsCaseworker]

    @extend_schema(
        summary="Answer a relative's enquiry (or record how it was answered)",
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
        responses=responses({200: StaffEnquirySerializer}, 400, 401, 403, 404, 409),
    )
    def post(self, request: Request, pk: str) -> Response:
        enquiry = get_object_or_404(selectors.enquiries_visible_to(request.user), pk=pk)
        serializer = EnquiryAnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answered = services.family_enquiry_answer(
            enquiry_id=enquiry.pk, actor=request.user, **serializer.validated_data
        )
        return Response(StaffEnquirySerializer(answered).data)


class AcceptInviteThrottle(AddressRateThrottle):
    """Guessing tokens or hammering the password check is slowed per address."""

    scope = "accept_invite"


class AcceptInviteView(GenericAPIView):
    """Choose a username and password with the invitation's token, once."""

    serializer_class = AcceptInviteSerializer
    permission_classes = [AllowAny]
    # No session: the token is the credential, and an anonymous form post
    # from the relative's phone must not need a CSRF cookie.
    authentication_classes: list[Any] = []
    throttle_classes = [AcceptInviteThrottle]

    @extend_schema(responses={201: AccountCreatedSerializer})
    def post(self, request: Request) -> Response:
        if invitation_locked(request._request):
            return lockout_response(request._request, None, None)  # type: ignore[return-value]
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            user = services.invitation_accept(**serializer.validated_data)
        except InvalidInput as exc:
            if "token" in exc.errors:
                invitation_failed(request._request)
            raise
        body = {
            "username": user.get_username(),
            "detail": "Your account is ready. Log in with your username and password.",
        }
        return Response(AccountCreatedSerializer(body).data, status=status.HTTP_201_CREATED)
