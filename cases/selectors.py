"""Reads of the registry beyond a plain .get(). Access checks live here.

Every API view starts from one of the `*_visible_to(user)` querysets, so the
question "who may see what" has one answer, tested in
tests/cases/test_selectors_access.py. Staff (caseworkers and supervisors) see
the whole registry; anyone else sees nothing here (families read through
their own projection in families.selectors).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet

from cases.models import (
    STATUS_MOVE_KINDS,
    CaptureReport,
    CaseEvent,
    CaseSpelling,
    DetentionEvent,
    EventKind,
    Exchange,
    ExchangeListing,
    ExchangeStatus,
    MissingPerson,
    NamePart,
    PendingTransition,
    SpellingSource,
    TransitionState,
    Verification,
)
from cases.roles import STAFF_ROLES, is_caseworker, is_supervisor
from cases.status import DEATH_STATUSES, TRANSITIONS, Move, Status


def cases_visible_to(user: Any) -> QuerySet[MissingPerson]:
    """Every case for staff; nothing for anyone else."""
    if not is_caseworker(user):
        return MissingPerson.objects.none()
    return MissingPerson.objects.all()


def case_spellings(*, case: MissingPerson) -> QuerySet[CaseSpelling]:
    return case.spellings.select_related("added_by").order_by("part", "id")


def case_spelling_for_script(*, case: MissingPerson, script: str) -> CaseSpelling | None:
    """The case's full name as written in `script` (its own script first, then
    as reported), or None: for showing a name in the reader's script."""
    order: dict[str, int] = {SpellingSource.NATIVE: 0, SpellingSource.REGISTERED: 1}
    found = [s for s in case.spellings.all() if s.script == script and s.part == NamePart.FULL]
    return min(found, key=lambda s: (order.get(s.source, 2), s.pk), default=None)


def case_timeline(*, case: MissingPerson) -> QuerySet[CaseEvent]:
    return case.events.select_related("actor").order_by("-at", "-id")


def detention_events(*, case: MissingPerson) -> QuerySet[DetentionEvent]:
    return case.detention_events.select_related("recorded_by").order_by("-occurred_on", "-id")


def transitions_visible_to(user: Any, *, state: str | None = None) -> QuerySet[PendingTransition]:
    """Status changes asked for under the two-person rule; staff read them
    all (the supervisors' work queue is state=pending)."""
    if not is_caseworker(user):
        return PendingTransition.objects.none()
    qs = PendingTransition.objects.select_related("case", "requested_by", "decided_by")
    if state:
        qs = qs.filter(state=state)
    return qs


def reports_family_may_hear() -> QuerySet[CaptureReport]:
    """The capture reports a family may hear of: shared with them and not
    refuted. The one rule, for the event's flag (cases.services.reports), the
    messages (families.notify) and the portal (families.selectors)."""
    return CaptureReport.objects.filter(share_with_family=True).exclude(
        verification=Verification.REFUTED
    )


def transitions_decidable_by(user: Any) -> QuerySet[PendingTransition]:
    """The sensitive moves this user may confirm or reject: a supervisor's
    queue, without the requests they made themselves (a second person decides;
    transition_confirm refuses the asker)."""
    if not is_supervisor(user):
        return PendingTransition.objects.none()
    pending = transitions_visible_to(user, state=TransitionState.PENDING)
    return pending.exclude(requested_by=user)


def case_moves(case: MissingPerson) -> tuple[Move, ...]:
    """The moves the status table allows this case now, each saying whether
    it waits for a supervisor."""
    return TRANSITIONS[Status(case.status)]


def case_pending_transition(case: MissingPerson) -> PendingTransition | None:
    """The sensitive move waiting on this case, if any (at most one)."""
    return (
        case.transitions.filter(state=TransitionState.PENDING)
        .select_related("requested_by")
        .first()
    )


def case_awaits_supervisor(case: MissingPerson) -> bool:
    """Whether a sensitive move waits on this case for a supervisor."""
    return case.transitions.filter(state=TransitionState.PENDING).exists()


# The news case_news_held holds back: what was learnt about the person in
# detention, as against the moves of the case itself.
HELD_NEWS_KINDS = frozenset(
    {EventKind.DETENTION_EVENT, EventKind.CAPTURE_REPORT_ADDED, EventKind.CAPTURE_REPORT_UPDATED}
)
# How news already on its way stands (event_news_hold).
NEWS_WAITS = "waits"
NEWS_DROPPED = "dropped"


def case_news_held(case: MissingPerson) -> bool:
    """While a case stands at a death, or a sensitive move (a death asked
    for) waits for a supervisor, no other news reaches the family by message:
    the family hears nothing until it is confirmed, and then from their
    caseworker in person. One rule for detention events and capture reports
    (HELD_NEWS_KINDS), asked when the news is recorded; event_news_hold asks
    it again of news recorded before and dispatched or delivered later."""
    return case.status in DEATH_STATUSES or case_awaits_supervisor(case)


def event_news_hold(kind: str, case: MissingPerson) -> str:
    """Whether news on its way (a message built or about to be sent) may go:
    "" it may; NEWS_WAITS while a death waits for a supervisor (it goes if
    the move is rejected); NEWS_DROPPED once the case stands at a death (the
    family is told in person, and older news would only hurt). The same
    rule as case_news_held, split by what the family may still hear."""
    if kind not in HELD_NEWS_KINDS:
        return ""
    if case.status in DEATH_STATUSES:
        return NEWS_DROPPED
    return NEWS_WAITS if case_awaits_supervisor(case) else ""


def death_confirmed_q(case_path: str = "") -> Q:
    """The rule, as a filter on a case (or on `case_path` to one): the case
    stands at a death both people confirmed, and no other move waits on it.
    Only then do the death particulars leave the bureau."""
    pending = PendingTransition.objects.filter(
        case=OuterRef(f"{case_path}pk"), state=TransitionState.PENDING
    )
    return Q(~Exists(pending), **{f"{case_path}status__in": DEATH_STATUSES})


def case_death_confirmed(case: MissingPerson) -> bool:
    return MissingPerson.objects.filter(death_confirmed_q(), pk=case.pk).exists()


def untold_death_q() -> Q:
    """The rule, as a filter on a case (or a record of its history): it
    stands at a death its family has not yet been told of in person. Until a
    caseworker records that visit, the family reads only 'expect a call or
    visit', and the public feed sends the case as its record last stood
    outside this rule (cases.bureau.selectors.pfif_public_cases)."""
    return Q(status__in=DEATH_STATUSES, family_told_in_person_at__isnull=True)


def cases_untold_deaths(user: Any) -> QuerySet[MissingPerson]:
    """Confirmed deaths whose family has not yet been told in person: until a
    caseworker records it, the family reads only 'expect a call or visit'."""
    return (
        cases_visible_to(user)
        .filter(untold_death_q())
        .select_related("caseworker")
        .order_by("status_changed_at", "pk")
    )


def cases_quiet(user: Any, *, since: datetime) -> QuerySet[MissingPerson]:
    """Cases not closed whose timeline has had nothing since `since`,
    longest silent first."""
    return (
        cases_visible_to(user)
        .exclude(status=Status.CLOSED)
        .annotate(last_event_at=Max("events__at"))
        .filter(Q(last_event_at__lt=since) | Q(last_event_at__isnull=True))
        .select_related("caseworker")
        .order_by("last_event_at", "pk")
    )


def reports_unverified(user: Any) -> QuerySet[CaptureReport]:
    """Reports nobody has verified yet, oldest first, with their case if linked."""
    return (
        capture_reports_visible_to(user)
        .filter(verification=Verification.UNVERIFIED)
        .select_related("case")
        .order_by("reported_on", "pk")
    )


def case_reports(case: MissingPerson) -> QuerySet[CaptureReport]:
    return case.capture_reports.select_related("created_by").order_by("-reported_on", "-pk")


def case_counts_by_status(user: Any) -> dict[str, int]:
    rows = cases_visible_to(user).order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def status_history(user: Any) -> Iterator[tuple[int, datetime, str]]:
    """Every status a case entered, as (case id, when, status), oldest first:
    its opening and each applied move. The picture replays it."""
    if not is_caseworker(user):
        return iter(())
    rows = (
        CaseEvent.objects.filter(kind__in=[EventKind.OPENED, *STATUS_MOVE_KINDS])
        .order_by("at", "pk")
        .values_list("case_id", "at", "data__status", "data__to")
    )
    return (
        (case_id, at, str(to or status))
        for case_id, at, status, to in rows.iterator(chunk_size=2000)
        if (to or status) in Status.values
    )


def exchange_counts_by_status(user: Any) -> dict[str, int]:
    if not is_caseworker(user):
        return {}
    rows = Exchange.objects.order_by().values("status").annotate(n=Count("pk"))
    counts = {value: 0 for value in ExchangeStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def families_told_since(user: Any, *, since: datetime) -> int:
    """How many cases' families were told of a death in person since then."""
    if not is_caseworker(user):
        return 0
    return (
        CaseEvent.objects.filter(kind=EventKind.FAMILY_TOLD, at__gte=since)
        .values("case_id")
        .distinct()
        .count()
    )


def case_as_of(case: MissingPerson, version: int) -> Any:
    """The case as it was at that version (its history record), or None."""
    history = case.history
    return history.filter(version=version).order_by("-history_id").first()


def case_changes_since(case: MissingPerson, version: int) -> list[tuple[str, Any, Any]]:
    """What changed on a case since the version someone read: (field, then,
    now) from its history. Empty when that version is not on record."""
    then = case_as_of(case, version)
    if then is None:
        return []
    return [
        (field.name, getattr(then, field.attname), getattr(case, field.attname))
        for field in MissingPerson._meta.concrete_fields
        if field.name not in _NOT_COMPARED
        and getattr(then, field.attname) != getattr(case, field.attname)
    ]


# Bookkeeping, not something a person changed.
_NOT_COMPARED = frozenset(
    {"id", "version", "created_at", "updated_at", "status_changed_at", "provenance"}
)


def cases_listable_on(user: Any, exchange: Exchange) -> QuerySet[MissingPerson]:
    """Cases the status table lets move onto an exchange list, not yet on
    this one."""
    sources = [
        status
        for status, moves in TRANSITIONS.items()
        if any(move.to == Status.RELEASE_SCHEDULED for move in moves)
    ]
    return (
        cases_visible_to(user)
        .filter(status__in=sources)
        .exclude(listings__exchange=exchange)
        .order_by("family_name", "given_name", "pk")
    )


def capture_reports_visible_to(user: Any) -> QuerySet[CaptureReport]:
    if not is_caseworker(user):
        return CaptureReport.objects.none()
    return CaptureReport.objects.all()


def exchanges_visible_to(user: Any) -> QuerySet[Exchange]:
    """Exchanges with their lists prefetched (two queries for any page)."""
    if not is_caseworker(user):
        return Exchange.objects.none()
    listings = ExchangeListing.objects.select_related("case").only(
        "id",
        "exchange_id",
        "case_id",
        "case__case_number",
        "case__given_name",
        "case__family_name",
        "case__patronymic",
        "case__name_native",
        "case__status",
        "outcome",
        "listed_at",
    )
    return Exchange.objects.prefetch_related(Prefetch("listings", queryset=listings))


def staff_users() -> QuerySet[Any]:
    """Accounts a case may be assigned to: active caseworkers and supervisors."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=STAFF_ROLES)
        .distinct()
        .order_by("pk")
    )
