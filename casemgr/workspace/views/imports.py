"""Imports on the workspace (supervisors): the list of imports and an upload
form, an import's progress while its rows are matched, its rows grouped by
what matching concluded, each row's decision, accepting every clear match,
and applying. Every write is the imports services', as in the API."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from casemgr.workspace import forms
from casemgr.workspace.views.common import (
    page_of,
    refusal_status,
    refusal_text,
    report_refusal,
    supervisor_page,
)
from cases import selectors as case_selectors
from cases.errors import DomainError, InvalidInput
from cases.imports import selectors, services
from cases.imports.models import BatchStatus, ImportBatch, ImportRow, RowState

# The groups a supervisor reviews, in the order they are shown; skipped
# rows have their own group so a skip can be taken back.
GROUPS = [RowState.MATCHED, RowState.AMBIGUOUS, RowState.NEW, RowState.ERROR, RowState.SKIPPED]
# While an import is in one of these, its page follows it.
MOVING = (BatchStatus.QUEUED, BatchStatus.MATCHING, BatchStatus.APPLYING)


@require_http_methods(["GET", "POST"])
@supervisor_page
def import_list(request: HttpRequest) -> HttpResponse:
    form = forms.ImportUploadForm(request.POST or None, request.FILES or None)
    status = 400 if form.is_bound and not form.is_valid() else 200
    if form.is_bound and form.is_valid():
        try:
            batch = _create(request, form.cleaned_data)
        except DomainError as exc:
            report_refusal(request, exc, form)
            status = refusal_status(exc)
        else:
            messages.success(request, _("The list was taken in; its rows are being matched."))
            return redirect("workspace:import", batch.pk)
    context = {
        "imports": page_of(request, selectors.imports_visible_to(request.user)),
        "form": form,
        "nav": "imports",
    }
    return render(request, "workspace/imports.html", context, status=status)


def _create(request: HttpRequest, fields: dict[str, Any]) -> ImportBatch:
    upload = fields.pop("file")
    return services.import_create(
        actor=request.user, file_name=upload.name, data=bytes(upload.read()), **fields
    )


def _load(request: HttpRequest, import_id: int) -> ImportBatch:
    return get_object_or_404(selectors.imports_visible_to(request.user), pk=import_id)


def _back(batch: ImportBatch, state: str = "") -> HttpResponseRedirect:
    url = reverse("workspace:import", args=[batch.pk])
    return redirect(f"{url}?state={state}#rows" if state else url)


def _group(request: HttpRequest, batch: ImportBatch) -> str:
    """The group asked for, else the first one that has rows."""
    asked = request.GET.get("state", "")
    if asked in GROUPS:
        return asked
    return next((state for state in GROUPS if _count(batch, state)), RowState.MATCHED)


def _count(batch: ImportBatch, state: str) -> int:
    return int(getattr(batch, "errors" if state == RowState.ERROR else state))


def render_import(
    request: HttpRequest, batch: ImportBatch, *, status: int = 200, **extra: Any
) -> HttpResponse:
    state = _group(request, batch)
    rows = selectors.import_rows(batch=batch, state=state).select_related("decision_case")
    context = {
        "batch": batch,
        "moving": batch.status in MOVING,
        "reviewable": batch.status in (BatchStatus.REVIEW, BatchStatus.APPLIED),
        "groups": [(s.value, s.label, _count(batch, s)) for s in GROUPS],
        "state": state,
        "rows": _with_cells_shown(page_of(request, rows)),
        "nav": "imports",
        **extra,
    }
    return render(request, "workspace/import.html", context, status=status)


def _with_cells_shown(page: Any) -> Any:
    """Each row's cells as read, the empty ones left out."""
    for row in page:
        row.cells_shown = " · ".join(str(cell) for cell in row.cells if cell)
    return page


@supervisor_page
def import_page(request: HttpRequest, import_id: int) -> HttpResponse:
    return render_import(request, _load(request, import_id))


@supervisor_page
def import_progress(request: HttpRequest, import_id: int) -> HttpResponse:
    """The progress bar alone, which htmx asks for every second or two; once
    the import stops moving, the whole page is loaded again (its rows)."""
    batch = _load(request, import_id)
    if getattr(request, "htmx", False) and batch.status not in MOVING:
        return HttpResponseClientRefresh()
    context = {"batch": batch, "moving": batch.status in MOVING}
    return render(request, "workspace/_import_progress.html", context)


def _decided_case(request: HttpRequest, case_id: int | None) -> Any:
    """The case a match names, among the cases this person may see (as the API's field)."""
    if case_id is None:
        return None
    case = case_selectors.cases_visible_to(request.user).filter(pk=case_id).first()
    if case is None:
        raise InvalidInput({"case": _("Choose a case from the candidates.")})
    return case


@require_POST
@supervisor_page
def decide_row(request: HttpRequest, import_id: int, row_id: int) -> HttpResponse:
    batch = _load(request, import_id)
    row: ImportRow = get_object_or_404(selectors.import_rows(batch=batch), pk=row_id)
    form = forms.RowDecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise InvalidInput({"decision": _("Choose match, new or skip.")})
        services.import_row_decide(
            row=row,
            actor=request.user,
            action=form.cleaned_data["action"] or None,
            case=_decided_case(request, form.cleaned_data["case"]),
        )
    except DomainError as exc:
        line = _("Line %(line)s") % {"line": row.line}
        messages.error(request, f"{line}: {refusal_text(exc)}")
        return render_import(request, batch, status=refusal_status(exc))
    return _back(batch, row.state)


@require_POST
@supervisor_page
def accept_matched(request: HttpRequest, import_id: int) -> HttpResponse:
    batch = _load(request, import_id)
    try:
        n = services.import_accept_matched(batch=batch, actor=request.user)
    except DomainError as exc:
        messages.error(request, refusal_text(exc))
        return render_import(request, batch, status=refusal_status(exc))
    messages.success(request, _("Rows matched to their case: %(n)d.") % {"n": n})
    return _back(batch)


@require_POST
@supervisor_page
def apply(request: HttpRequest, import_id: int) -> HttpResponse:
    batch = _load(request, import_id)
    try:
        services.import_apply(batch=batch, actor=request.user)
    except DomainError as exc:
        messages.error(request, refusal_text(exc))
        return render_import(request, batch, status=refusal_status(exc))
    messages.success(request, _("The decided rows are being applied."))
    return _back(batch)
