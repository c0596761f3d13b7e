"""Serializers for capture reports and exchanges."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cases.api.fields import StrictModelSerializer, StrictSerializer, VisibleCaseField
from cases.models import REPORT_FIELDS, CaptureReport, Exchange, ExchangeListing, ExchangeStatus

MAX_EXCHANGE_LIST = 5000


class CaptureReportSerializer(StrictModelSerializer):
    case = VisibleCaseField(
        allow_null=True, required=False, help_text="The case this report is about, or null."
    )
    created_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = CaptureReport
        read_only_fields = ("id", "created_by", "created_at", "updated_at")
        fields = (read_only_fields[0], *REPORT_FIELDS, *read_only_fields[1:])


class ListingSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="case.case_number", read_only=True)

    class Meta:
        model = ExchangeListing
        fields = ("id", "case", "case_number", "outcome", "listed_at")
        read_only_fields = fields


class ExchangeSerializer(StrictModelSerializer):
    listings = ListingSerializer(many=True, read_only=True)
    read_only_hints = {
        "listings": "Put cases on the list with POST /api/exchanges/{id}/listings/.",
    }

    class Meta:
        model = Exchange
        fields = (
            "id",
            "name",
            "principle",
            "scheduled_for",
            "place",
            "mediator",
            "status",
            "completed_at",
            "listings",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("id", "completed_at", "listings", "created_at", "updated_at")

    def validate_status(self, value: str) -> str:
        if value == ExchangeStatus.COMPLETED:
            raise serializers.ValidationError(
                "Complete an exchange with POST /api/exchanges/{id}/complete/."
            )
        if self.instance is None and value != ExchangeStatus.PLANNED:
            raise serializers.ValidationError("A new exchange starts as planned.")
        return value


class ListingRequestSerializer(StrictSerializer):
    case = VisibleCaseField(help_text="The id of a detained case.")


class CompleteRequestSerializer(StrictSerializer):
    exchanged = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        max_length=MAX_EXCHANGE_LIST,
        required=False,
        default=list,
        help_text="Ids of the listed cases who were handed over (become repatriated).",
    )
    not_released = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        max_length=MAX_EXCHANGE_LIST,
        required=False,
        default=list,
        help_text="Ids of the listed cases who were not released (back to detained).",
    )
