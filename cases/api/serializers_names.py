"""Serializers of a case's spellings and of matching (POST /api/cases/match/)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases.api.fields import StrictSerializer, TextField
from cases.api.serializers import CaseSerializer
from cases.matching import MAX_LIMIT
from cases.models import CaseSpelling, NamePart, SpellingSource
from cases.names import name_keys


class SpellingSerializer(serializers.ModelSerializer):
    added_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = CaseSpelling
        fields = ("id", "part", "text", "script", "source", "added_by", "added_at")
        read_only_fields = fields


class SpellingAddSerializer(StrictSerializer):
    part = serializers.ChoiceField(choices=NamePart.choices)
    text = TextField(max_length=300)
    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=SpellingSource.choices, required=False, default=SpellingSource.MANUAL
    )


_YEAR = re.compile(r"^\d{4}$")


@extend_schema_field(
    {"type": "string", "pattern": r"^\d{4}(-\d{2}-\d{2})?$", "example": "1996-03-14"}
)
class BirthField(serializers.Field):
    """YYYY-MM-DD, or YYYY when only the year is known: (date, year)."""

    default_error_messages = {"invalid": "Give the date of birth as YYYY-MM-DD or YYYY."}

    def to_internal_value(self, data: Any) -> tuple[date | None, int | None]:
        text = str(data).strip() if isinstance(data, str | int) else ""
        if _YEAR.match(text) and 1900 <= int(text) <= date.today().year:
            return None, int(text)
        try:
            born = date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            born = None
        if born is None or born > date.today() or born.year < 1900:
            self.fail("invalid")
        return born, born.year

    def to_representation(self, value: Any) -> Any:
        return value


class MatchRequestSerializer(StrictSerializer):
    name = TextField(
        max_length=300, help_text="Any script (Armenian, Cyrillic, Azerbaijani, Latin), any order."
    )
    date_of_birth = BirthField(required=False, help_text="YYYY-MM-DD or YYYY.")
    patronymic = TextField(max_length=150, required=False, allow_blank=True, default="")
    service_number = TextField(max_length=40, required=False, allow_blank=True, default="")
    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, required=False, default=5)

    def validate_name(self, value: str) -> str:
        if not name_keys(value):
            raise serializers.ValidationError("A name needs letters.")
        return value


class MatchCandidateSerializer(serializers.Serializer):
    case = CaseSerializer(read_only=True)
    score = serializers.FloatField(help_text="0..1, calibrated (README: what a score means).")
    reasons = serializers.ListField(child=serializers.CharField())


class MatchResponseSerializer(serializers.Serializer):
    candidates = MatchCandidateSerializer(many=True)
