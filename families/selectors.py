"""Reads about relatives, and the family projection. Access checks live here.

Two audiences read through this module and must never see each other's view:
staff (caseworkers and supervisors) see every relative and every delivery;
a family member sees only the cases they are verified-linked to, and of
those only the family projection: status in plain words in their language,
when it changed, who to call, and the updates marked family-visible,
rendered from a whitelist of event kinds (never sources, never notes meant
for staff, never a move that still waits for a second person).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from cases.models import STATUS_MOVE_KINDS, CaseEvent, EventKind, MissingPerson
from cases.plaintext import strip_unsafe
from cases.roles import is_caseworker
from cases.selectors import reports_family_may_hear
from cases.status import DEATH_STATUSES, Status
from families.detention_words import detention_sentence
from families.labels import AWAITING_CONTACT, family_status, status_label, status_meaning
from families.models import (
    FamilyEnquiry,
    FamilyLink,
    FamilyMember,
    Invitation,
    Notification,
    NotificationStatus,
)
from families.names import reader_name
from families.texts import caseworker_contact
from families.wording import exchange_listed_sentence, hotline_name, report_sentence

# The only event kinds a family may ever read, even if an event of another
# kind were flagged family-visible by mistake.
FAMILY_EVENT_KINDS = (
    EventKind.STATUS_CHANGED,
    EventKind.EXCHANGE_LISTED,
    EventKind.CAPTURE_REPORT_ADDED,
    EventKind.CAPTURE_REPORT_UPDATED,
    EventKind.NOTE,
    EventKind.DETENTION_EVENT,
)
REPORT_KINDS = frozenset({EventKind.CAPTURE_REPORT_ADDED, EventKind.CAPTURE_REPORT_UPDATED})


# --- Who is asking ----------------------------------------------------------------


def member_for_user(user: Any) -> FamilyMember | None:
    """The relative behind a login, or None (staff, anonymous, inactive)."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    try:
        member = user.family_member
    except FamilyMember.DoesNotExist:
        return None
    return member if isinstance(member, FamilyMember) else None


def members_visible_to(user: Any) -> QuerySet[FamilyMember]:
    """Every relative for staff; nothing for anyone else (a family member sees
    no other relative, not even the ones linked to the same case)."""
    if not is_caseworker(user):
        return FamilyMember.objects.none()
    return FamilyMember.objects.prefetch_related(
        Prefetch("links", queryset=FamilyLink.objects.select_related("case").order_by("id"))
    )


def member_search(*, user: Any, q: str = "", case_id: int | None = None) -> QuerySet[FamilyMember]:
    qs = members_visible_to(user)
    if case_id is not None:
        qs = qs.filter(links__case_id=case_id)
    for word in q.split():
        qs = qs.filter(
            Q(full_name__icontains=word) | Q(email__iexact=word) | Q(phone__icontains=word)
        )
    return qs.distinct() if case_id is not None else qs


# --- The family projection ----------------------------------------------------------


@dataclass(frozen=True)
class FamilyUpdate:
    at: datetime
    message: str


@dataclass(frozen=True)
class FamilyCaseView:
    case_number: str
    name: str
    status: str
    status_label: str
    status_meaning: str
    status_next: str
    status_changed_at: datetime
    caseworker_name: str
    caseworker_phone: str
    caseworker_assigned: bool
    updates: list[FamilyUpdate]


def family_cases(member: FamilyMember) -> QuerySet[MissingPerson]:
    """The cases this relative may read: verified links only."""
    return (
        MissingPerson.objects.filter(family_links__member=member, family_links__verified=True)
        .select_related("caseworker__staff_profile")
        .order_by("case_number")
    )


def family_case_or_404(member: FamilyMember, case_number: str) -> MissingPerson:
    """One case of this relative; another family's case, or an unverified
    link, is indistinguishable from a case that does not exist."""
    case = family_cases(member).filter(case_number=case_number).first()
    if case is None:
        raise Http404("No such case.")
    return case


def _family_events(case_ids: Sequence[int]) -> list[CaseEvent]:
    # FAMILY_TOLD events, and status moves whatever their flag, are read to
    # decide how a death reads; only family-visible events are rendered.
    return list(
        CaseEvent.objects.filter(case_id__in=case_ids)
        .filter(
            Q(family_visible=True, kind__in=FAMILY_EVENT_KINDS)
            | Q(kind__in=[EventKind.FAMILY_TOLD, *STATUS_MOVE_KINDS])
        )
        .only("id", "case_id", "kind", "at", "family_visible", "data")
        .order_by("-at", "-id")
    )


def _shared_reports(case_ids: Sequence[int], events: Iterable[CaseEvent]) -> dict[int, Any]:
    """The reports behind report events, as they are now: a report that was
    unshared or refuted since is not shown, and its source is never read."""
    ids = {e.data.get("report_id") for e in events if e.kind in REPORT_KINDS}
    ids.discard(None)
    if not ids:
        return {}
    reports = (
        reports_family_may_hear()
        .filter(pk__in=ids, case_id__in=case_ids)
        .only("id", "case_id", "captured_on", "place_of_detention")
    )
    return {r.pk: r for r in reports}


def _deaths_told_in_person(events: Iterable[CaseEvent]) -> set[int]:
    """Ids of the death events the family was told of in person.

    A FAMILY_TOLD covers the deaths since the case last moved to a status
    that is not a death. A death confirmed by mistake and reversed before
    anyone visited the family was never told, and stays unnamed even after a
    later death is told.
    """
    told: set[int] = set()
    untold: dict[int, list[int]] = {}
    for event in sorted(events, key=lambda e: (e.at, e.pk)):
        if event.kind == EventKind.FAMILY_TOLD:
            told.update(untold.pop(event.case_id, []))
        elif event.kind in STATUS_MOVE_KINDS:
            if (event.data or {}).get("to") in DEATH_STATUSES:
                untold.setdefault(event.case_id, []).append(event.pk)
            else:
                untold.pop(event.case_id, None)
    return told


def _render(
    event: CaseEvent, *, language: str, told: set[int], reports: dict[int, Any], sex: str = ""
) -> str | None:
    """One family-visible event in plain words, or None when it must not show."""
    data = event.data or {}
    if event.kind == EventKind.STATUS_CHANGED:
        to = data.get("to")
        if to not in Status.values:
            return None
        if to in DEATH_STATUSES and event.pk not in told:
            return status_label(AWAITING_CONTACT, language)
        return status_label(to, language, sex)
    if event.kind == EventKind.EXCHANGE_LISTED:
        return exchange_listed_sentence(language, sex)
    if event.kind in REPORT_KINDS:
        report_id = data.get("report_id")
        report = reports.get(report_id) if isinstance(report_id, int) else None
        if report is None or report.case_id != event.case_id:
            return None
        return report_sentence(
            language,
            captured_on=report.captured_on,
            place_of_detention=report.place_of_detention,
            sex=sex,
        )
    if event.kind == EventKind.NOTE:
        text = str(data.get("text") or "").strip()
        return text or None
    if event.kind == EventKind.DETENTION_EVENT:
        return detention_sentence(data, language, sex)
    return None


def _updates_by_case(
    cases: Sequence[MissingPerson], language: str
) -> dict[int, list[FamilyUpdate]]:
    case_ids = [c.pk for c in cases]
    sexes = {c.pk: c.sex for c in cases}
    events = _family_events(case_ids)
    reports = _shared_reports(case_ids, events)
    told = _deaths_told_in_person(events)
    updates: dict[int, list[FamilyUpdate]] = {cid: [] for cid in case_ids}
    for event in events:
        if event.kind == EventKind.FAMILY_TOLD or not event.family_visible:
            continue
        message = strip_unsafe(
            _render(event, language=language, told=told, reports=reports, sex=sexes[event.case_id])
            or ""
        )
        if message:
            updates[event.case_id].append(FamilyUpdate(at=event.at, message=message))
    return updates


def family_case_views(member: FamilyMember, cases: Iterable[MissingPerson]) -> list[FamilyCaseView]:
    """The family projection of these cases (already checked to be the
    member's own): a fixed number of queries whatever their number."""
    cases = list(cases)
    language = member.language
    # The name in the reader's script comes from the spellings: one query.
    prefetch_related_objects(cases, "spellings")
    updates = _updates_by_case(cases, language) if cases else {}
    views = []
    for case in cases:
        status, label = family_status(case, language)
        # The same person and number as the messages name (families.texts);
        # where they say "our hotline", the portal names it, never a login name.
        name, phone = caseworker_contact(case)
        meaning, next_step = status_meaning(status, language, case.sex)
        views.append(
            FamilyCaseView(
                case_number=case.case_number,
                name=strip_unsafe(reader_name(case, language).full),
                status=status,
                status_label=label,
                status_meaning=meaning,
                status_next=next_step,
                status_changed_at=case.status_changed_at,
                caseworker_name=name or hotline_name(language),
                caseworker_assigned=bool(name),
                caseworker_phone=phone,
                updates=updates.get(case.pk, []),
            )
        )
    return views


# --- What was sent ------------------------------------------------------------------


def family_notifications(member: FamilyMember) -> QuerySet[Notification]:
    """What was sent to this relative about the cases they may read now,
    newest first. A link un-verified (a relative linked by mistake) takes its
    messages out of view with the case itself; a message withdrawn before
    sending was never theirs to read."""
    return (
        Notification.objects.filter(
            member=member,
            event__case__family_links__member=member,
            event__case__family_links__verified=True,
        )
        .exclude(status=NotificationStatus.CANCELLED)
        .select_related("event__case")
        .only(
            "id",
            "created_at",
            "channel",
            "subject",
            "body_text",
            "status",
            "sent_at",
            "event__id",
            "event__case__id",
            "event__case__case_number",
        )
        .order_by("-created_at", "-id")
    )


def notifications_visible_to(
    user: Any,
    *,
    status: str = "",
    member_id: int | None = None,
    case_id: int | None = None,
) -> QuerySet[Notification]:
    """Staff's view of deliveries, with every attempt; nothing for others."""
    if not is_caseworker(user):
        return Notification.objects.none()
    qs = Notification.objects.select_related("event__case", "member").prefetch_related(
        "delivery_attempts"
    )
    if status:
        qs = qs.filter(status=status)
    if member_id is not None:
        qs = qs.filter(member_id=member_id)
    if case_id is not None:
        qs = qs.filter(event__case_id=case_id)
    return qs.order_by("-created_at", "-id")


# --- Enquiries -----------------------------------------------------------------------


def family_enquiries(member: FamilyMember) -> QuerySet[FamilyEnquiry]:
    """A relative's own enquiries, on the cases they may read now."""
    return (
        FamilyEnquiry.objects.filter(
            member=member, case__family_links__member=member, case__family_links__verified=True
        )
        .select_related("case")
        .order_by("-submitted_at", "-id")
    )


def enquiries_visible_to(user: Any, *, unanswered: bool = False) -> QuerySet[FamilyEnquiry]:
    if not is_caseworker(user):
        return FamilyEnquiry.objects.none()
    qs = FamilyEnquiry.objects.select_related("case", "member", "answered_by")
    if unanswered:
        qs = qs.filter(answered_at__isnull=True)
    return qs.order_by("submitted_at", "id")


def enquiries_overdue(*, user: Any, now: datetime | None = None) -> QuerySet[FamilyEnquiry]:
    """Today's queue: enquiries with no answer after FAMILY_ENQUIRY_ANSWER_HOURS,
    oldest first (one query)."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.FAMILY_ENQUIRY_ANSWER_HOURS)
    return enquiries_visible_to(user, unanswered=True).filter(submitted_at__lte=cutoff)


# --- Invitations ---------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invitation_for_token(token: Any) -> Invitation | None:
    if not isinstance(token, str) or not token or len(token) > 200:
        return None
    return Invitation.objects.select_related("member").filter(token_hash=token_hash(token)).first()


def invitation_refusal(invitation: Invitation | None, *, now: datetime | date) -> str | None:
    """Why this invitation cannot be accepted (a code of
    families.wording.INVITATION_REFUSALS), or None when it can."""
    if invitation is None:
        return "unknown"
    if invitation.used_at is not None:
        return "used"
    if Invitation.objects.filter(member_id=invitation.member_id, pk__gt=invitation.pk).exists():
        return "superseded"
    if invitation.expires_at <= now:
        return "expired"
    return None
