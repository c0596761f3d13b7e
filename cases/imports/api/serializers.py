"""Serializers of the imports API: shapes only; the rules are the services'."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases.api.fields import StrictSerializer, VisibleCaseField
from cases.imports.columns import FIELDS
from cases.imports.models import Action, ImportBatch, ImportRow, NameOrder, Purpose
from cases.models import Exchange, ReportSource, Verification


class ColumnsField(serializers.JSONField):
    """JSON that arrives as text in a multipart form, so the project's
    depth-limited parser never saw it: bounded here (a deeply nested array
    was a RecursionError, a 500)."""

    MAX_CHARS = 4000

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str | bytes) and len(data) > self.MAX_CHARS:
            raise serializers.ValidationError(f"At most {self.MAX_CHARS} characters.")
        try:
            return super().to_internal_value(data)
        except RecursionError:
            self.fail("invalid")


class ImportCreateSerializer(StrictSerializer):
    file = serializers.FileField(
        help_text="The list: CSV (UTF-8 or Windows-1251), XLSX, or a PFIF 1.4 XML file "
        "(capture reports only)."
    )
    source = serializers.ChoiceField(choices=ReportSource.choices)  # type: ignore[assignment]
    purpose = serializers.ChoiceField(choices=Purpose.choices)
    exchange = serializers.PrimaryKeyRelatedField(
        queryset=Exchange.objects.all(), required=False, allow_null=True
    )
    reported_on = serializers.DateField(required=False, allow_null=True)
    verification = serializers.ChoiceField(
        choices=Verification.choices, default=Verification.UNVERIFIED
    )
    share_with_family = serializers.BooleanField(default=False)
    name_order = serializers.ChoiceField(choices=NameOrder.choices, default=NameOrder.FAMILY_FIRST)
    columns = ColumnsField(
        required=False,
        help_text='Which column holds what, overriding the headers: {"full_name": "ФИО", '
        f'"date_of_birth": 3}} (a header or a column number from 1). Fields: {", ".join(FIELDS)}.',
    )

    def validate_columns(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict) or not all(
            isinstance(v, str | int) and not isinstance(v, bool) for v in value.values()
        ):
            raise serializers.ValidationError(
                "An object of field -> column header or column number."
            )
        return value


class ImportBatchSerializer(serializers.ModelSerializer):
    created_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )
    apply_requested_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = ImportBatch
        fields = (
            "id",
            "status",
            "total",
            "done",
            "matched",
            "new",
            "ambiguous",
            "errors",
            "skipped",
            "applied",
            "source",
            "purpose",
            "exchange",
            "reported_on",
            "verification",
            "share_with_family",
            "name_order",
            "file_name",
            "file_kind",
            "sha256",
            "header",
            "columns",
            "failure",
            "created_by",
            "created_at",
            "reviewable_at",
            "apply_requested_by",
            "apply_requested_at",
            "applied_at",
        )
        read_only_fields = fields


class CandidateSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    case_number = serializers.CharField()
    name = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)
    service_number = serializers.CharField()
    status = serializers.CharField()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())


class ImportDecisionSerializer(StrictSerializer):
    action = serializers.ChoiceField(choices=Action.choices)
    case = VisibleCaseField(required=False, allow_null=True)


class ImportRowSerializer(serializers.ModelSerializer):
    values = serializers.SerializerMethodField(help_text="The row as read: header -> text.")
    candidates = CandidateSerializer(many=True, read_only=True)
    decision = serializers.SerializerMethodField()
    applied = serializers.SerializerMethodField()

    class Meta:
        model = ImportRow
        fields = (
            "id",
            "line",
            "values",
            "state",
            "candidates",
            "decision",
            "error",
            "data",
            "applied",
            "applied_case",
            "applied_object_id",
            "apply_error",
            "decided_at",
        )
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_values(self, row: ImportRow) -> dict[str, str]:
        return dict(zip(row.batch.header, row.cells, strict=False))

    @extend_schema_field(ImportDecisionSerializer(allow_null=True))
    def get_decision(self, row: ImportRow) -> dict[str, Any] | None:
        if not row.decision_action:
            return None
        return {"action": row.decision_action, "case": row.decision_case_id}

    def get_applied(self, row: ImportRow) -> bool:
        return row.applied_at is not None


class ImportRowDecisionSerializer(StrictSerializer):
    decision = ImportDecisionSerializer(allow_null=True, help_text="null clears the decision.")
