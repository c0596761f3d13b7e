"""What every workspace view shares: staff-only access, and turning a
service's refusal into words on the page (the rules stay in the services)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from cases.errors import (
    DomainError,
    InvalidInput,
    NotAllowed,
    StaleVersion,
    refusal_lead,
)
from cases.roles import is_caseworker, is_supervisor

View = Callable[..., HttpResponse]

PAGE_SIZE = 50


def staff_page(view: View) -> View:
    """Caseworkers and supervisors only; others are sent to log in or refused."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_caseworker(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def supervisor_page(view: View) -> View:
    """Supervisors only (imports are theirs, as in the API): a caseworker is refused."""

    @staff_page
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_supervisor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


# The status of a page shown again after a refusal, as the API would answer.
REFUSAL_STATUS = {InvalidInput: 400, NotAllowed: 403, StaleVersion: 409}


def refusal_status(exc: DomainError) -> int:
    return next((s for kind, s in REFUSAL_STATUS.items() if isinstance(exc, kind)), 409)


def refusal_text(exc: DomainError) -> str:
    return f"{refusal_lead(exc)} {exc.message}".strip()


def report_refusal(
    request: HttpRequest, exc: DomainError, form: forms.BaseForm | None = None
) -> None:
    """Put a refusal where the person will see it: on the fields it names
    when there is a form, otherwise as a message at the top of the page."""
    if form is not None and isinstance(exc, InvalidInput):
        for field, errors in exc.errors.items():
            form.add_error(field if field in form.fields else None, errors)
        return
    messages.error(request, refusal_text(exc))


def page_of(request: HttpRequest, items: Any) -> Page:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
