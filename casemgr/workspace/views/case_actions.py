"""What the case page's forms post to. Each calls one service and goes back
to the case; a refusal comes back on the page with the person's entry kept.
A form sent from a stale page (the case's version moved on) is refused by
the service and the page says what changed meanwhile."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from casemgr.workspace import forms
from casemgr.workspace.views.case import load_case, render_case
from casemgr.workspace.views.common import (
    refusal_status,
    refusal_text,
    report_refusal,
    staff_page,
)
from cases import dates, selectors, services
from cases.errors import DomainError, StaleVersion
from cases.models import MissingPerson
from cases.status import Status
from families import services as family_services

CHANGE_LABELS = {
    **forms.CASE_LABELS,
    "status": gettext_lazy("Status"),
    "closed_reason": gettext_lazy("Reason for closing"),
    "family_told_in_person_at": gettext_lazy("Family told in person"),
}


def _back(case: MissingPerson, anchor: str = "") -> HttpResponseRedirect:
    url = reverse("workspace:case", args=[case.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _shown(name: str, value: Any) -> str:
    if name == "status" and value in Status.values:
        return str(Status(value).label)
    if isinstance(value, datetime):
        return dates.moment(value)
    if isinstance(value, date):
        return dates.day(value)
    return "—" if value in (None, "") else str(value)


def changes_since(case: MissingPerson, version: int) -> list[tuple[str, str, str]]:
    return [
        (str(CHANGE_LABELS.get(name, name)), _shown(name, then), _shown(name, now))
        for name, then, now in selectors.case_changes_since(case, version)
    ]


def _stale(request: HttpRequest, case: MissingPerson, version: int, **bound: Any) -> HttpResponse:
    messages.error(request, _("Changed by someone else meanwhile: nothing was saved."))
    return render_case(request, case, status=409, changes=changes_since(case, version), **bound)


@require_POST
@staff_page
def edit_details(request: HttpRequest, case_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    version = _posted_version(request)
    seen = selectors.case_as_of(case, version) if version else None
    form = forms.CaseDetailsForm(request.POST, initial=forms.case_values(seen or case))
    if not form.is_valid():
        return render_case(request, case, status=400, details=form)
    edits = form.edits()
    try:
        services.case_update(case=case, actor=request.user, expected_version=version, **edits)
    except StaleVersion:
        case.refresh_from_db()
        # The page again, as the case is now with this person's edits on top:
        # saving it once more sends only what they changed.
        merged = {**forms.case_values(case), **edits}
        merged["caseworker"] = getattr(merged["caseworker"], "pk", merged["caseworker"])
        return _stale(request, case, version, details=forms.CaseDetailsForm(initial=merged))
    except DomainError as exc:
        report_refusal(request, exc, form)
        return render_case(request, case, status=refusal_status(exc), details=form)
    messages.success(request, _("The details were saved."))
    return _back(case, "identity")


def _posted_version(request: HttpRequest) -> int:
    """The version the page was made from, or 0 when it is not a valid one
    (the form then says so)."""
    field = forms.version_field()
    try:
        return int(field.clean(request.POST.get("version")))
    except ValidationError:
        return 0


@require_POST
@staff_page
def move(request: HttpRequest, case_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    form = forms.MoveForm(request.POST)
    if not form.is_valid():
        return render_case(request, case, status=400, move=form)
    data = form.cleaned_data
    try:
        outcome = services.case_transition(
            case=case,
            actor=request.user,
            to_status=data["to_status"],
            note=data["note"],
            expected_version=data["version"],
        )
    except StaleVersion:
        case.refresh_from_db()
        return _stale(request, case, data["version"])
    except DomainError as exc:
        report_refusal(request, exc, form)
        return render_case(request, case, status=refusal_status(exc), move=form)
    if outcome.applied:
        status = _shown("status", outcome.case.status)
        messages.success(request, _("The status is now: %(status)s.") % {"status": status})
    else:
        messages.success(request, _("Your request waits for a supervisor's confirmation."))
    return _back(case, "status")


@require_POST
@staff_page
def decide(request: HttpRequest, transition_id: int, decision: str) -> HttpResponse:
    pending = get_object_or_404(selectors.transitions_visible_to(request.user), pk=transition_id)
    form = forms.DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if decision == "confirm":
            services.transition_confirm(transition_id=pending.pk, actor=request.user, note=note)
            messages.success(request, _("The change was confirmed."))
        elif decision == "reject":
            services.transition_reject(transition_id=pending.pk, actor=request.user, note=note)
            messages.success(request, _("The change was rejected."))
        else:
            return HttpResponse(status=404)
    except DomainError as exc:
        messages.error(request, refusal_text(exc))
    return _back(pending.case, "status")


@require_POST
@staff_page
def add_note(request: HttpRequest, case_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    form = forms.NoteForm(request.POST)
    if form.is_valid():
        try:
            services.case_note_add(case=case, actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            report_refusal(request, exc, form)
        else:
            messages.success(request, _("The note was added."))
            return _back(case, "timeline")
    return render_case(request, case, status=400, note=form)


@require_POST
@staff_page
def add_report(request: HttpRequest, case_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    form = forms.ReportForm(request.POST)
    if form.is_valid():
        try:
            services.capture_report_add(actor=request.user, case=case, **form.cleaned_data)
        except DomainError as exc:
            report_refusal(request, exc, form)
        else:
            messages.success(request, _("The report was added."))
            return _back(case, "reports")
    return render_case(request, case, status=400, report=form)


@require_POST
@staff_page
def verify_report(request: HttpRequest, case_id: int, report_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    report = get_object_or_404(selectors.case_reports(case), pk=report_id)
    form = forms.VerificationForm(request.POST, prefix=f"r{report.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose how far the report is verified."))
        return _back(case, "reports")
    try:
        services.capture_report_update(report=report, actor=request.user, **form.cleaned_data)
    except DomainError as exc:
        messages.error(request, refusal_text(exc))
    else:
        messages.success(request, _("The report was updated."))
    return _back(case, "reports")


@require_POST
@staff_page
def add_relative(request: HttpRequest, case_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    form = forms.RelativeForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        link = {
            "case": case,
            "relationship": data.pop("relationship"),
            "verified": data.pop("verified"),
        }
        try:
            family_services.family_member_create(actor=request.user, links=[link], **data)
        except DomainError as exc:
            report_refusal(request, exc, form)
        else:
            messages.success(request, _("The relative was added."))
            return _back(case, "relatives")
    return render_case(request, case, status=400, relative=form)


@require_POST
@staff_page
def add_spelling(request: HttpRequest, case_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    form = forms.SpellingForm(request.POST)
    if form.is_valid():
        try:
            services.case_spelling_add(case=case, actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            report_refusal(request, exc, form)
        else:
            messages.success(request, _("The spelling was added."))
            return _back(case, "names")
    return render_case(request, case, status=400, spelling=form)


@require_POST
@staff_page
def family_told(request: HttpRequest, case_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    form = forms.FamilyToldForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.case_family_told(case=case, actor=request.user, note=note)
    except DomainError as exc:
        messages.error(request, refusal_text(exc))
    else:
        messages.success(request, _("Recorded: the family was told in person."))
    return _back(case, "status")
