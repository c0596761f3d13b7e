"""Helpers shared by the service modules: validation and locking."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models
from django.utils import timezone
from django.utils.translation import gettext

from cases.errors import InvalidInput, NotAllowed
from cases.roles import is_caseworker, is_supervisor


def validate_instance(instance: models.Model, *, exclude: Iterable[str] = ()) -> None:
    """Run the model's own validation and raise InvalidInput naming the fields."""
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        raise InvalidInput(_error_dict(exc)) from exc


def _error_dict(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {
            ("non_field_errors" if k == "__all__" else k): [str(m) for e in v for m in e.messages]
            for k, v in exc.error_dict.items()
        }
    return {"non_field_errors": [str(m) for m in exc.messages]}


def refuse_future_dates(values: Mapping[str, Any], fields: Iterable[str]) -> None:
    today = timezone.localdate()
    errors = {
        name: gettext("This date is in the future.")
        for name in fields
        if values.get(name) is not None and values[name] > today
    }
    if errors:
        raise InvalidInput(errors)


def refuse_unknown_fields(values: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        refusal = gettext("This field cannot be changed here.")
        raise InvalidInput({name: refusal for name in unknown})


def integrity_to_invalid(exc: IntegrityError) -> InvalidInput:
    text = str(exc)
    if "service_number" in text:
        return InvalidInput(
            {"service_number": gettext("Another case already has this service number.")}
        )
    if "one_listing_per_case" in text:
        return InvalidInput({"case": gettext("This case is already on this exchange's list.")})
    return InvalidInput({"non_field_errors": gettext("This would break a uniqueness rule.")})


def require_caseworker(actor: Any) -> None:
    if not is_caseworker(actor):
        raise NotAllowed(gettext("Only caseworkers and supervisors may do this."))


def require_supervisor(actor: Any) -> None:
    if not is_supervisor(actor):
        raise NotAllowed(gettext("Only a supervisor may do this."))
