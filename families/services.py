"""Every write about relatives: keyword-only, atomic, each appending the
case's event where a case is concerned."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from cases.errors import InvalidInput
from cases.models import EventKind, MissingPerson
from cases.services._common import require_caseworker, validate_instance
from cases.services.events import event_append
from families.models import Channel, FamilyLink, FamilyMember

MEMBER_FIELDS = frozenset(
    {"full_name", "email", "phone", "language", "channels", "webhook_url", "webhook_secret"}
)


def _check_channels(member: FamilyMember) -> None:
    unknown = [c for c in member.channels if c not in Channel.values]
    if unknown:
        raise InvalidInput({"channels": f"Unknown channel(s): {', '.join(map(str, unknown))}."})
    needs = {Channel.EMAIL: "email", Channel.SMS: "phone", Channel.WEBHOOK: "webhook_url"}
    errors = {
        field: f"Needed for the {channel} channel."
        for channel, field in needs.items()
        if channel in member.channels and not getattr(member, field)
    }
    if errors:
        raise InvalidInput(errors)


def _set_link(
    *, member: FamilyMember, case: MissingPerson, relationship: str, verified: bool, actor: Any
) -> FamilyLink:
    link, created = FamilyLink.objects.select_for_update().get_or_create(
        member=member, case=case, defaults={"relationship": relationship}
    )
    was_verified = link.verified
    link.relationship = relationship
    if verified and not was_verified:
        link.verified, link.verified_by, link.verified_at = True, actor, timezone.now()
    elif not verified:
        link.verified, link.verified_by, link.verified_at = False, None, None
    validate_instance(link, exclude=["member", "case"])
    link._history_user = actor  # type: ignore[attr-defined]
    link.save()
    if created or verified != was_verified:
        event_append(
            case=case,
            kind=EventKind.UPDATED,
            actor=actor,
            summary=(
                f"Relative #{member.pk} linked ({relationship}, "
                f"{'verified' if link.verified else 'not verified'})"
            ),
            data={"member_id": member.pk, "link_id": link.pk, "verified": link.verified},
        )
    return link


@transaction.atomic
def family_member_create(
    *,
    actor: Any,
    links: Iterable[Mapping[str, Any]] = (),
    **fields: Any,
) -> FamilyMember:
    """Add a relative, with links [{"case", "relationship", "verified"}]."""
    require_caseworker(actor)
    unknown = set(fields) - MEMBER_FIELDS
    if unknown:
        raise InvalidInput({name: "Unknown field." for name in sorted(unknown)})
    member = FamilyMember(created_by=actor, **fields)
    validate_instance(member, exclude=["user"])
    _check_channels(member)
    member._history_user = actor  # type: ignore[attr-defined]
    member.save()
    for link in links:
        _set_link(
            member=member,
            case=link["case"],
            relationship=link["relationship"],
            verified=bool(link.get("verified", False)),
            actor=actor,
        )
    return member


@transaction.atomic
def family_member_update(
    *,
    member: FamilyMember,
    actor: Any,
    links: Iterable[Mapping[str, Any]] | None = None,
    **fields: Any,
) -> FamilyMember:
    """Change a relative's details; `links`, when given, adds or updates links."""
    require_caseworker(actor)
    unknown = set(fields) - MEMBER_FIELDS
    if unknown:
        raise InvalidInput({name: "Unknown field." for name in sorted(unknown)})
    locked = FamilyMember.objects.select_for_update().get(pk=member.pk)
    for name, value in fields.items():
        setattr(locked, name, value)
    validate_instance(locked, exclude=["user"])
    _check_channels(locked)
    locked._history_user = actor  # type: ignore[attr-defined]
    locked.save()
    for link in links or ():
        _set_link(
            member=locked,
            case=link["case"],
            relationship=link["relationship"],
            verified=bool(link.get("verified", False)),
            actor=actor,
        )
    return locked
