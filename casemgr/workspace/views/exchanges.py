"""Exchanges: the planned ones with their lists, planning one, putting cases
on a list, completing one (exchanged / not released) in one form, cancelling.
Supervisors write (the services say so); caseworkers read."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from casemgr.workspace import forms
from casemgr.workspace.views.common import (
    page_of,
    refusal_status,
    refusal_text,
    report_refusal,
    staff_page,
)
from cases import selectors, services
from cases.errors import DomainError
from cases.models import Exchange, ExchangeStatus, ListingOutcome
from cases.roles import is_supervisor
from cases.search import cases_search

EXCHANGED, NOT_RELEASED = ListingOutcome.EXCHANGED.value, ListingOutcome.NOT_RELEASED.value


@require_http_methods(["GET", "POST"])
@staff_page
def exchange_list(request: HttpRequest) -> HttpResponse:
    form = forms.ExchangePlanForm(request.POST or None)
    status = 400 if form.is_bound and not form.is_valid() else 200
    if form.is_bound and form.is_valid():
        try:
            exchange = services.exchange_plan(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            report_refusal(request, exc, form)
            status = refusal_status(exc)
        else:
            messages.success(request, _("The exchange was planned."))
            return redirect("workspace:exchange", exchange.pk)
    exchanges = list(selectors.exchanges_visible_to(request.user))
    context = {
        "planned": [e for e in exchanges if e.status == ExchangeStatus.PLANNED],
        "past": [e for e in exchanges if e.status != ExchangeStatus.PLANNED],
        "form": form,
        "is_supervisor": is_supervisor(request.user),
        "nav": "exchanges",
    }
    return render(request, "workspace/exchanges.html", context, status=status)


def _load(request: HttpRequest, exchange_id: int) -> Exchange:
    return get_object_or_404(selectors.exchanges_visible_to(request.user), pk=exchange_id)


def _back(exchange: Exchange) -> HttpResponseRedirect:
    return redirect(reverse("workspace:exchange", args=[exchange.pk]))


def render_exchange(
    request: HttpRequest, exchange: Exchange, *, status: int = 200, **extra: Any
) -> HttpResponse:
    listings = list(exchange.listings.all())
    outcomes = extra.pop("outcomes", {})
    planned = exchange.status == ExchangeStatus.PLANNED
    candidates = selectors.cases_listable_on(request.user, exchange)
    search = forms.SearchForm(request.GET)
    q = search.cleaned_data["q"] if search.is_valid() else ""
    if q:
        candidates = cases_search(candidates, q)
    context = {
        "exchange": exchange,
        "rows": [(listing, outcomes.get(listing.case_id, "")) for listing in listings],
        "planned": planned,
        "is_supervisor": is_supervisor(request.user),
        "candidates": page_of(request, candidates) if planned else None,
        "q": q,
        "cancel_form": extra.pop("cancel_form", forms.CancelForm()),
        "nav": "exchanges",
        **extra,
    }
    return render(request, "workspace/exchange.html", context, status=status)


@staff_page
def exchange_page(request: HttpRequest, exchange_id: int) -> HttpResponse:
    return render_exchange(request, _load(request, exchange_id))


@require_POST
@staff_page
def list_cases(request: HttpRequest, exchange_id: int) -> HttpResponse:
    """Each chosen case goes on the list through the service, one by one; a
    refused case is named and does not stop the others."""
    exchange = _load(request, exchange_id)
    form = forms.CasesChosenForm(request.POST)
    ids = form.cleaned_data["case"] if form.is_valid() else []
    chosen = selectors.cases_visible_to(request.user).filter(pk__in=ids)
    listed = 0
    for case in chosen.order_by("pk"):
        try:
            services.exchange_list_case(exchange=exchange, case=case, actor=request.user)
        except DomainError as exc:
            messages.error(request, f"{case.case_number}: {refusal_text(exc)}")
        else:
            listed += 1
    if listed:
        messages.success(request, _("Cases put on the list: %(n)d.") % {"n": listed})
    elif not chosen:
        messages.error(request, _("Choose at least one case."))
    return _back(exchange)


@require_POST
@staff_page
def complete(request: HttpRequest, exchange_id: int) -> HttpResponse:
    exchange = _load(request, exchange_id)
    outcomes = {
        listing.case_id: request.POST.get(f"outcome-{listing.case_id}", "")
        for listing in exchange.listings.all()
    }
    try:
        services.exchange_complete(
            exchange=exchange,
            actor=request.user,
            exchanged=[c for c, o in outcomes.items() if o == EXCHANGED],
            not_released=[c for c, o in outcomes.items() if o == NOT_RELEASED],
        )
    except DomainError as exc:
        messages.error(request, refusal_text(exc))
        return render_exchange(request, exchange, status=refusal_status(exc), outcomes=outcomes)
    messages.success(request, _("The exchange was recorded as completed."))
    return _back(exchange)


@require_POST
@staff_page
def cancel(request: HttpRequest, exchange_id: int) -> HttpResponse:
    exchange = _load(request, exchange_id)
    form = forms.CancelForm(request.POST)
    if not form.is_valid():
        return render_exchange(request, exchange, status=400, cancel_form=form)
    try:
        services.exchange_update(
            exchange=exchange, actor=request.user, status=ExchangeStatus.CANCELLED
        )
    except DomainError as exc:
        messages.error(request, refusal_text(exc))
        return render_exchange(request, exchange, status=refusal_status(exc))
    messages.success(request, _("The exchange was cancelled."))
    return _back(exchange)
