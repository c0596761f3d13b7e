"""Serializer pieces shared by the caseworkers' API: text that PostgreSQL can
store, relations resolved through the access selectors, and strict input
(an unknown or read-only field is a 400 naming it, never silently dropped)."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases import selectors
from cases.plaintext import UnsafeText, clean_line, clean_multiline


class TextField(serializers.CharField):
    """CharField that refuses lone surrogates (not encodable in UTF-8, they
    would reach the database driver and fail there). NUL characters are
    already refused by DRF's CharField."""

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.fail("invalid_unicode")
        return value

    default_error_messages = {
        **serializers.CharField.default_error_messages,
        "invalid_unicode": "This text is not valid Unicode.",
    }


class PlainTextField(TextField):
    """A name or any one line of text, cleaned by the one rule of
    cases.plaintext (NFC, no invisible characters, controls refused) before
    the service sees it; the services apply the same rule for the admin and
    the imports."""

    multiline = False

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        try:
            value = clean_multiline(value) if self.multiline else clean_line(value)
        except UnsafeText as exc:
            raise serializers.ValidationError(str(exc), code="unsafe_text") from exc
        if not value and not self.allow_blank:
            self.fail("blank")
        return value


class MultilineTextField(PlainTextField):
    """A note or an account of circumstances: line breaks kept."""

    multiline = True


# Model text fields become the fields above in every model serializer.
PLAIN_TEXT_FIELD_MAPPING = {
    **serializers.ModelSerializer.serializer_field_mapping,
    models.CharField: PlainTextField,
    models.TextField: MultilineTextField,
}


@extend_schema_field(OpenApiTypes.INT)
class VisibleCaseField(serializers.PrimaryKeyRelatedField):
    """A case id, resolved among the cases the requesting user may see."""

    def get_queryset(self) -> Any:
        request = self.context.get("request")
        return selectors.cases_visible_to(getattr(request, "user", None))


class StrictModelSerializer(serializers.ModelSerializer):
    """Unknown fields and read-only fields in the input are errors.

    `read_only_hints` gives a better message for a read-only field than
    "read-only" (e.g. status: use /transition/).
    """

    serializer_field_mapping = PLAIN_TEXT_FIELD_MAPPING
    read_only_hints: dict[str, str] = {}

    def to_internal_value(self, data: Any) -> Any:
        return _strict(super().to_internal_value, data, self._unwritable(data))

    def _unwritable(self, data: Any) -> dict[str, list[str]]:
        if not isinstance(data, dict):
            return {}
        writable = {name for name, field in self.fields.items() if not field.read_only}
        errors: dict[str, list[str]] = {}
        for name in data:
            if name in writable:
                continue
            if name in self.read_only_hints:
                errors[name] = [self.read_only_hints[name]]
            elif name in self.fields:
                errors[name] = ["This field is read-only."]
            else:
                errors[name] = ["Unknown field."]
        return errors


class StrictSerializer(serializers.Serializer):
    """A plain serializer that refuses unknown fields."""

    def to_internal_value(self, data: Any) -> Any:
        unknown = sorted(set(data) - set(self.fields)) if isinstance(data, dict) else []
        return _strict(
            super().to_internal_value, data, {name: ["Unknown field."] for name in unknown}
        )


def _strict(convert: Any, data: Any, extra: dict[str, list[str]]) -> Any:
    """Convert the input, reporting `extra` errors together with the fields' own."""
    try:
        value = convert(data)
    except serializers.ValidationError as exc:
        if extra and isinstance(exc.detail, dict):
            raise serializers.ValidationError({**exc.detail, **extra}) from exc
        raise
    if extra:
        raise serializers.ValidationError(extra)
    return value
