"""Serializers for cases, their timeline and status changes.

Serializers only shape and check input; every write is a service call made
by the view.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cases import selectors
from cases.api.fields import (
    MultilineTextField,
    PlainTextField,
    StrictModelSerializer,
    StrictSerializer,
)
from cases.models import (
    CASE_EDITABLE_FIELDS,
    CaseEvent,
    DetentionEvent,
    MissingPerson,
    PendingTransition,
    ReportSource,
)
from cases.status import Status

# The system's fields of a case (CASE_EDITABLE_FIELDS are the people's).
CASE_READ_ONLY = (
    "id",
    "case_number",
    "status",
    "status_changed_at",
    "closed_reason",
    "family_told_in_person_at",
    "provenance",
    "personal_data_removed_at",
    "created_at",
    "updated_at",
    "version",
)


class StaffUserField(serializers.PrimaryKeyRelatedField):
    """The assigned caseworker: an active caseworker's or supervisor's id."""

    def get_queryset(self) -> Any:
        return selectors.staff_users()


class FactSourceSerializer(StrictSerializer):
    source = serializers.ChoiceField(choices=ReportSource.choices)  # type: ignore[assignment]
    detail = PlainTextField(max_length=500, allow_blank=True, required=False, default="")
    on = serializers.DateField(required=False, allow_null=True, default=None)


class CaseSerializer(StrictModelSerializer):
    caseworker = StaffUserField(allow_null=True, required=False)
    sources = serializers.DictField(
        child=FactSourceSerializer(),
        write_only=True,
        required=False,
        help_text="Who told us the facts written here: {field: {source, detail, on}}. "
        "Read back in provenance.",
    )

    read_only_hints = {
        "status": "The status changes only through POST /api/cases/{id}/transition/.",
        "status_changed_at": "Set by POST /api/cases/{id}/transition/.",
        "version": "Send the version in If-Match (the ETag), not in the body.",
    }

    class Meta:
        model = MissingPerson
        fields = (*CASE_READ_ONLY[:2], *CASE_EDITABLE_FIELDS, "sources", *CASE_READ_ONLY[2:])
        read_only_fields = CASE_READ_ONLY
        # Uniqueness of service_number is checked by the service under the
        # database constraint; a pre-check here would only race with it.
        validators: list[Any] = []
        extra_kwargs: dict[str, dict[str, Any]] = {"service_number": {"validators": []}}


class EventSerializer(serializers.ModelSerializer):
    actor: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username",
        read_only=True,
        allow_null=True,
        help_text="Who did it (username), or null.",
    )

    class Meta:
        model = CaseEvent
        fields = ("id", "kind", "at", "actor", "family_visible", "summary", "data")
        read_only_fields = fields


class TransitionRequestSerializer(StrictSerializer):
    status = serializers.ChoiceField(choices=Status.choices, help_text="The status to move to.")
    note = MultilineTextField(
        max_length=5000, allow_blank=True, required=False, default="", trim_whitespace=False
    )


class PendingTransitionSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="case.case_number", read_only=True)
    requested_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )
    decided_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = PendingTransition
        fields = (
            "id",
            "case",
            "case_number",
            "from_status",
            "to_status",
            "note",
            "requested_by",
            "requested_at",
            "state",
            "decided_by",
            "decided_at",
            "decision_note",
        )
        read_only_fields = fields


class PendingTransitionEnvelopeSerializer(serializers.Serializer):
    """202: the move waits for a supervisor who is not the asker."""

    pending_transition = PendingTransitionSerializer()


class DecisionSerializer(StrictSerializer):
    note = MultilineTextField(max_length=5000, allow_blank=True, required=False, default="")


class NoteSerializer(StrictSerializer):
    text = MultilineTextField(max_length=2000)
    family_visible = serializers.BooleanField(
        required=False,
        default=False,
        help_text="True to tell the linked relatives (in words, on the portal and by message).",
    )


class FamilyToldSerializer(StrictSerializer):
    note = MultilineTextField(max_length=500, allow_blank=True, required=False, default="")


class DetentionEventSerializer(StrictModelSerializer):
    """One detention event. Which fields a type carries is the service's rule
    (cases.services.detention.TYPE_FIELDS): a field the type does not carry
    is a 400 naming it."""

    recorded_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = DetentionEvent
        fields = (
            "id",
            "case",
            "type",
            "occurred_on",
            "source",
            "source_detail",
            "place",
            "prisoner_number",
            "health",
            "certificate_reference",
            "cause_of_death",
            "place_of_burial",
            "grave_marked",
            "grave_findable",
            "personal_effects",
            "notes",
            "share_with_family",
            "recorded_by",
            "recorded_at",
        )
        read_only_fields = ("id", "case", "recorded_by", "recorded_at")
