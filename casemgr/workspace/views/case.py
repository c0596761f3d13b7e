"""A case: identity, status and its moves, the timeline, capture reports,
relatives and what they were sent, and the forms that act on it (posted to
case_actions). A fixed number of queries however long its history."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from casemgr.workspace import forms, timeline
from casemgr.workspace.views.common import staff_page
from cases import selectors
from cases.bureau.models import AccessVia
from cases.bureau.services import case_access_record
from cases.models import MissingPerson
from families import selectors as family_selectors
from families.names import reader_name

TIMELINE_LENGTH = 200
MESSAGES_SHOWN = 100


def load_case(request: HttpRequest, case_id: int) -> MissingPerson:
    qs = selectors.cases_visible_to(request.user).select_related("caseworker")
    return get_object_or_404(qs, pk=case_id)


def _relatives(user: Any, case: MissingPerson) -> list[dict[str, Any]]:
    """Each relative linked to the case, with their link and the messages
    they were sent about it, newest first."""
    sent: dict[int, list[Any]] = defaultdict(list)
    for note in family_selectors.notifications_visible_to(user, case_id=case.pk)[:MESSAGES_SHOWN]:
        sent[note.member_id].append(note)
    relatives = []
    for member in family_selectors.member_search(user=user, case_id=case.pk):
        link = next(link for link in member.links.all() if link.case_id == case.pk)
        relatives.append(
            {
                "member": member,
                "link": link,
                "messages": sent.get(member.pk, []),
                # Exactly the name their messages and portal show (families.names).
                "reads_as": reader_name(case, member.language),
            }
        )
    return relatives


def _forms(case: MissingPerson) -> dict[str, Any]:
    return {
        "details": forms.CaseDetailsForm(initial=forms.case_values(case)),
        "move": forms.MoveForm(initial={"version": case.version}),
        "decision": forms.DecisionForm(),
        "note": forms.NoteForm(),
        "report": forms.ReportForm(),
        "relative": forms.RelativeForm(),
        "family_told": forms.FamilyToldForm(),
        "detention": forms.DetentionEventForm(),
        "spelling": forms.SpellingForm(),
    }


def _enquiries(user: Any, case: MissingPerson, bound: dict[int, Any]) -> list[tuple[Any, Any]]:
    """The relatives' enquiries about the case, oldest first, each unanswered
    one with its answer form (the one sent back, when it was refused)."""
    enquiries = family_selectors.enquiries_visible_to(user).filter(case=case)
    return [
        (e, None if e.answered_at else bound.get(e.pk, forms.EnquiryAnswerForm(prefix=f"e{e.pk}")))
        for e in enquiries
    ]


def render_case(
    request: HttpRequest,
    case: MissingPerson,
    *,
    status: int = 200,
    changes: list[tuple[str, Any, Any]] | None = None,
    **bound: Any,
) -> HttpResponse:
    """The case page; `bound` replaces a blank form with the one the person
    sent, so a refused entry comes back with its errors and nothing lost."""
    user = request.user
    reports = list(selectors.case_reports(case))
    answers = bound.pop("answers", {})
    # The relatives' names and the spellings list read them: one query.
    prefetch_related_objects([case], Prefetch("spellings", selectors.case_spellings(case=case)))
    context = {
        "case": case,
        "moves": selectors.case_moves(case),
        "pending": selectors.case_pending_transition(case),
        "decidable": selectors.transitions_decidable_by(user).filter(case=case).first(),
        "untold": selectors.cases_untold_deaths(user).filter(pk=case.pk).exists(),
        "timeline": [
            timeline.line(e) for e in selectors.case_timeline(case=case)[:TIMELINE_LENGTH]
        ],
        "reports": [(r, _verification_form(r)) for r in reports],
        "relatives": _relatives(user, case),
        "detention_events": selectors.detention_events(case=case),
        "enquiries": _enquiries(user, case, answers),
        "spellings": case.spellings.all(),
        "forms": {**_forms(case), **bound},
        "changes": changes,
        "nav": "cases",
    }
    return render(request, "workspace/case.html", context, status=status)


def _verification_form(report: Any) -> forms.VerificationForm:
    initial = {"verification": report.verification, "share_with_family": report.share_with_family}
    return forms.VerificationForm(initial=initial, prefix=f"r{report.pk}")


@staff_page
def case_page(request: HttpRequest, case_id: int) -> HttpResponse:
    case = load_case(request, case_id)
    # Who opened which case (the bureau's access log): one INSERT a view.
    case_access_record(user=request.user, case_ids=[case.pk], via=AccessVia.PAGE, path=request.path)
    return render_case(request, case)
