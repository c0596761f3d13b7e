"""The services' side of cases.plaintext: every text a service writes is
cleaned here, so the API, the admin, the imports and the commands all store
the same thing. A refusal is an InvalidInput naming the field (400)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from cases.errors import InvalidInput
from cases.plaintext import UnsafeText, clean_line, clean_multiline


def clean_text(field: str, value: str, *, multiline: bool = False) -> str:
    try:
        return clean_multiline(value) if multiline else clean_line(value)
    except UnsafeText as exc:
        raise InvalidInput({field: str(exc)}) from exc


def clean_text_values(
    model: type[models.Model], values: Mapping[str, Any], *, verbatim: Iterable[str] = ()
) -> dict[str, Any]:
    """`values` with each of the model's text fields cleaned: a TextField as
    several lines, any other CharField as one. Fields named in `verbatim`
    (a secret) are kept byte for byte. Every refused field is named."""
    cleaned = dict(values)
    errors: dict[str, str] = {}
    keep = set(verbatim)
    for name, value in values.items():
        field = _text_field(model, name)
        if field is None or name in keep or not isinstance(value, str):
            continue
        try:
            cleaned[name] = clean_text(name, value, multiline=isinstance(field, models.TextField))
        except InvalidInput as exc:
            errors.update({k: v[0] for k, v in exc.errors.items()})
    if errors:
        raise InvalidInput(errors)
    return cleaned


def _text_field(model: type[models.Model], name: str) -> models.Field[Any, Any] | None:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:  # the service refuses unknown names itself
        return None
    return field if isinstance(field, models.CharField | models.TextField) else None
