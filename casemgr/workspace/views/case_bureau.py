"""The bureau's part of a case page: recording a detention event and
answering a relative's enquiry. Each calls one service (detention_event_add,
family_enquiry_answer) and goes back to the case; a refusal comes back on
the form that was sent, with the entry kept."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from casemgr.workspace import forms
from casemgr.workspace.views.case import load_case, render_case
from casemgr.workspace.views.common import refusal_status, report_refusal, staff_page
from cases import services
from cases.errors import DomainError
from families import selectors as family_selectors
from families import services as family_services


def _back(case_id: int, anchor: str) -> HttpResponse:
    return redirect(f"{reverse('workspace:case', args=[case_id])}#{anchor}")


@require_POST
@staff_page
def add_detention_event(request: HttpRequest, case_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    form = forms.DetentionEventForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            services.detention_event_add(case=case, actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            report_refusal(request, exc, form)
            status = refusal_status(exc)
        else:
            messages.success(request, _("The detention event was recorded."))
            return _back(case.pk, "detention")
    return render_case(request, case, status=status, detention=form)


@require_POST
@staff_page
def answer_enquiry(request: HttpRequest, case_id: int, enquiry_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    enquiries = family_selectors.enquiries_visible_to(request.user).filter(case=case)
    enquiry = get_object_or_404(enquiries, pk=enquiry_id)
    form = forms.EnquiryAnswerForm(request.POST, prefix=f"e{enquiry.pk}")
    status = 400
    if form.is_valid():
        try:
            family_services.family_enquiry_answer(
                enquiry_id=enquiry.pk, actor=request.user, answer=form.cleaned_data["answer"]
            )
        except DomainError as exc:
            report_refusal(request, exc, form)
            status = refusal_status(exc)
        else:
            messages.success(request, _("The answer was recorded; the relative reads it."))
            return _back(case.pk, "enquiries")
    return render_case(request, case, status=status, answers={enquiry.pk: form})
