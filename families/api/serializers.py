"""Relatives (staff) and the family projection (family members).

Serializers check shapes and types only; the rules (channels need an
address, verifying records who and when) live in families.services.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cases.api.fields import (
    PLAIN_TEXT_FIELD_MAPPING,
    MultilineTextField,
    StrictSerializer,
    TextField,
)
from cases.models import MissingPerson
from families.models import (
    Channel,
    DeliveryAttempt,
    FamilyEnquiry,
    FamilyLink,
    FamilyMember,
    Language,
    Notification,
    Relationship,
)


class FamilyLinkSerializer(serializers.ModelSerializer):
    case = serializers.PrimaryKeyRelatedField(queryset=MissingPerson.objects.all())
    case_number = serializers.CharField(source="case.case_number", read_only=True)
    relationship = serializers.ChoiceField(choices=Relationship.choices)
    verified = serializers.BooleanField(default=False)

    class Meta:
        model = FamilyLink
        fields = ["case", "case_number", "relationship", "verified", "verified_by", "verified_at"]
        read_only_fields = ["verified_by", "verified_at"]
        # The member+case uniqueness is the service's business (it updates).
        validators: list[Any] = []


class FamilyMemberSerializer(serializers.ModelSerializer):
    serializer_field_mapping = PLAIN_TEXT_FIELD_MAPPING
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    channels = serializers.ListField(
        child=serializers.ChoiceField(choices=Channel.choices), required=False, max_length=3
    )
    links = FamilyLinkSerializer(many=True, required=False)
    webhook_secret = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=128
    )
    has_account = serializers.SerializerMethodField()

    class Meta:
        model = FamilyMember
        fields = [
            "id",
            "full_name",
            "email",
            "phone",
            "language",
            "channels",
            "opted_out",
            "webhook_url",
            "webhook_secret",
            "links",
            "has_account",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["opted_out", "created_at", "updated_at"]

    def get_has_account(self, member: FamilyMember) -> bool:
        return member.user_id is not None

    def validate_channels(self, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))  # the same channel twice means it once


class InvitationSentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sent_to = serializers.EmailField(source="member.email")
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()


class DeliveryAttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeliveryAttempt
        fields = ["started_at", "duration_ms", "outcome", "error", "provider_message_id"]


class StaffNotificationSerializer(serializers.ModelSerializer):
    """A delivery as staff follow it up: every status, every attempt."""

    member = serializers.IntegerField(source="member_id")
    member_name = serializers.CharField(source="member.full_name")
    case = serializers.IntegerField(source="event.case_id")
    case_number = serializers.CharField(source="event.case.case_number")
    event = serializers.IntegerField(source="event_id")
    event_kind = serializers.CharField(source="event.kind")
    body = serializers.CharField(source="body_text")
    attempt_count = serializers.IntegerField(source="attempts")
    attempts = DeliveryAttemptSerializer(source="delivery_attempts", many=True)

    class Meta:
        model = Notification
        fields = [
            "id",
            "member",
            "member_name",
            "case",
            "case_number",
            "event",
            "event_kind",
            "channel",
            "language",
            "subject",
            "body",
            "status",
            "attempt_count",
            "last_error",
            "created_at",
            "claimed_at",
            "sent_at",
            "attempts",
        ]
        read_only_fields = fields


class FamilyNotificationSerializer(serializers.ModelSerializer):
    """What was sent to the relative themselves, and whether it arrived."""

    at = serializers.DateTimeField(source="created_at")
    case_number = serializers.CharField(source="event.case.case_number")
    body = serializers.CharField(source="body_text")

    class Meta:
        model = Notification
        fields = ["id", "at", "case_number", "channel", "subject", "body", "status", "sent_at"]
        read_only_fields = fields


class FamilyUpdateSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    message = serializers.CharField()


class CaseworkerContactSerializer(serializers.Serializer):
    name = serializers.CharField(source="caseworker_name")
    phone = serializers.CharField(source="caseworker_phone")


class FamilyCaseSerializer(serializers.Serializer):
    """The family projection (families.selectors.FamilyCaseView)."""

    case_number = serializers.CharField()
    name = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    status_meaning = serializers.CharField()
    status_next = serializers.CharField()
    status_changed_at = serializers.DateTimeField()
    caseworker = CaseworkerContactSerializer(source="*")
    updates = FamilyUpdateSerializer(many=True)


class AcceptInviteSerializer(serializers.Serializer):
    # Shapes only; the service checks the token, the name and the password.
    token = serializers.CharField(max_length=200, trim_whitespace=True)
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False, write_only=True)


class AccountCreatedSerializer(serializers.Serializer):
    username = serializers.CharField()
    detail = serializers.CharField()


class FamilyEnquirySerializer(serializers.ModelSerializer):
    """An enquiry as its relative reads it: what they wrote and the answer."""

    case_number = serializers.CharField(source="case.case_number", read_only=True)

    class Meta:
        model = FamilyEnquiry
        fields: tuple[str, ...] = (
            "id",
            "case_number",
            "text",
            "submitted_at",
            "answer",
            "answered_at",
        )
        read_only_fields: tuple[str, ...] = fields


class EnquirySubmitSerializer(StrictSerializer):
    case_number = TextField(max_length=20)
    text = MultilineTextField(max_length=2000)


class StaffEnquirySerializer(FamilyEnquirySerializer):
    member: serializers.PrimaryKeyRelatedField[Any] = serializers.PrimaryKeyRelatedField(
        read_only=True
    )
    case: serializers.PrimaryKeyRelatedField[Any] = serializers.PrimaryKeyRelatedField(
        read_only=True
    )
    answered_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta(FamilyEnquirySerializer.Meta):
        fields = (*FamilyEnquirySerializer.Meta.fields, "member", "case", "answered_by")
        read_only_fields = fields


class EnquiryAnswerSerializer(StrictSerializer):
    answer = MultilineTextField(max_length=2000)
