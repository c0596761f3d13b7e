"""Writes about relatives, their links and invitations: keyword-only,
atomic, each appending the case's event where a case is concerned. The other
writes of this app live with their subject: opting out in optout.py, an
event's messages in notify.py, their delivery in delivery.py."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext

from cases.errors import Conflict, DomainError, InvalidInput
from cases.models import EventKind, MissingPerson
from cases.services import event_append, require_caseworker, validate_instance
from cases.services.text import clean_text, clean_text_values
from families.channels.http import refusal as webhook_refusal
from families.channels.webhook import allowed_hosts
from families.models import (
    Channel,
    FamilyEnquiry,
    FamilyLink,
    FamilyMember,
    Invitation,
    Notification,
    NotificationStatus,
)
from families.selectors import family_case_or_404, invitation_refusal, token_hash
from families.wording import refusal_message

logger = logging.getLogger(__name__)

# Written on notifications that were still waiting when a link stopped being
# verified: they are never sent.
CANCELLED_UNVERIFIED = "Cancelled: the link to this case is no longer verified."
# ... and on messages on a channel staff removed from the relative's channels.
CANCELLED_CHANNEL_OFF = "Cancelled: the relative no longer receives messages on this channel."

MEMBER_FIELDS = frozenset(
    {"full_name", "email", "phone", "language", "channels", "webhook_url", "webhook_secret"}
)
# Kept byte for byte: a secret is compared, never read by a person.
SECRET_FIELDS = frozenset({"webhook_secret"})


def _check_channels(member: FamilyMember) -> None:
    unknown = [c for c in member.channels if c not in Channel.values]
    if unknown:
        raise InvalidInput(
            {
                "channels": gettext("Unknown channels: %(values)s.")
                % {"values": ", ".join(map(str, unknown))}
            }
        )
    needs = {Channel.EMAIL: "email", Channel.SMS: "phone", Channel.WEBHOOK: "webhook_url"}
    errors = {
        field: gettext("Needed for the %(channel)s channel.") % {"channel": Channel(channel).label}
        for channel, field in needs.items()
        if channel in member.channels and not getattr(member, field)
    }
    if errors:
        raise InvalidInput(errors)
    _check_webhook(member)


def _check_webhook(member: FamilyMember) -> None:
    """A webhook may not point inside our network (checked again at each send)."""
    if not member.webhook_url:
        return
    why = webhook_refusal(member.webhook_url, allowed_hosts())
    if why:
        raise InvalidInput(
            {
                "webhook_url": gettext("This address cannot receive webhooks: %(why)s.")
                % {"why": why}
            }
        )


def _distinct_links(links: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    links = list(links)
    cases = [link["case"].pk for link in links]
    if len(cases) != len(set(cases)):
        raise InvalidInput({"links": gettext("Each case may appear only once.")})
    return links


def notifications_cancel_waiting(
    *,
    member: FamilyMember,
    reason: str,
    case: MissingPerson | None = None,
    channel: str | None = None,
) -> int:
    """Withdraw this relative's messages not yet sent, about one case or on
    one channel: "stop" means now, not after the queue drains. That includes
    a message a worker holds ('sending'): should its send fail, no retry and
    no sweep brings it back, and the worker asks again just before sending
    (families.delivery). Only a message the channel already has cannot be
    called back. Called inside the caller's transaction."""
    waiting = Notification.objects.filter(
        member=member, status__in=[NotificationStatus.PENDING, NotificationStatus.SENDING]
    )
    if case is not None:
        waiting = waiting.filter(event__case=case)
    if channel is not None:
        waiting = waiting.filter(channel=channel)
    cancelled = waiting.update(status=NotificationStatus.CANCELLED, last_error=reason)
    if cancelled:
        logger.info(
            "%d waiting notification(s) to relative #%s cancelled: %s",
            cancelled,
            member.pk,
            reason,
        )
    return cancelled


def _set_link(
    *, member: FamilyMember, case: MissingPerson, relationship: str, verified: bool, actor: Any
) -> FamilyLink:
    link, created = FamilyLink.objects.select_for_update().get_or_create(
        member=member, case=case, defaults={"relationship": relationship}
    )
    was_verified = link.verified
    link.relationship = relationship
    if verified and not was_verified:
        # Who vouched for the relationship, and when: news flows from now on.
        link.verified, link.verified_by, link.verified_at = True, actor, timezone.now()
    elif not verified:
        link.verified, link.verified_by, link.verified_at = False, None, None
    validate_instance(link, exclude=["member", "case"])
    link._history_user = actor  # type: ignore[attr-defined]
    link.save()
    if was_verified and not verified:
        notifications_cancel_waiting(member=member, case=case, reason=CANCELLED_UNVERIFIED)
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
        raise InvalidInput({name: gettext("Unknown field.") for name in sorted(unknown)})
    fields = clean_text_values(FamilyMember, fields, verbatim=SECRET_FIELDS)
    member = FamilyMember(created_by=actor, **fields)
    validate_instance(member, exclude=["user"])
    _check_channels(member)
    member._history_user = actor  # type: ignore[attr-defined]
    member.save()
    for link in _distinct_links(links):
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
        raise InvalidInput({name: gettext("Unknown field.") for name in sorted(unknown)})
    fields = clean_text_values(FamilyMember, fields, verbatim=SECRET_FIELDS)
    locked = FamilyMember.objects.select_for_update().get(pk=member.pk)
    for name, value in fields.items():
        setattr(locked, name, value)
    validate_instance(locked, exclude=["user"])
    _check_channels(locked)
    locked._history_user = actor  # type: ignore[attr-defined]
    locked.save()
    for link in _distinct_links(links or ()):
        _set_link(
            member=locked,
            case=link["case"],
            relationship=link["relationship"],
            verified=bool(link.get("verified", False)),
            actor=actor,
        )
    return locked


# --- Invitations --------------------------------------------------------------------


class InvitationNotSent(DomainError):
    """The mail server refused or could not be reached; the invitation was
    withdrawn."""

    code = "invitation_not_sent"


def _invitation_link(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("families:accept-invite", args=[token])


def _send_invitation(member: FamilyMember, token: str, invitation: Invitation) -> None:
    with translation.override(member.language):
        subject = pgettext("subject", "Your invitation to the family portal")
        body = render_to_string(
            "families/invitation_email.txt",
            {
                "link": _invitation_link(token),
                "expires_at": invitation.expires_at,
                "member": member,
            },
        )
    try:
        send_mail(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [member.email],
            fail_silently=False,
        )
    except Exception as exc:  # the outside world: SMTP errors of every kind
        logger.warning("invitation to relative #%s not sent: %s", member.pk, type(exc).__name__)
        raise InvitationNotSent(
            "The invitation email could not be sent; nothing was stored. Try again later."
        ) from exc


def invitation_create(*, member: FamilyMember, actor: Any) -> Invitation:
    """Send a relative a one-time link to choose a username and password.

    Only the token's SHA-256 is stored; the raw token exists only in the email.
    A new invitation supersedes every older unused one (see
    selectors.invitation_refusal). The invitation is committed first and the
    email sent after the commit, holding no lock (a slow mail server must not
    hold the relative's row), so no email ever carries a token whose commit
    failed. If the mail server refuses it, the invitation is withdrawn: nothing
    is left that nobody received, and an older invitation works again.
    """
    invitation, token = _invitation_store(member=member, actor=actor)
    try:
        _send_invitation(invitation.member, token, invitation)
    except InvitationNotSent:
        Invitation.objects.filter(pk=invitation.pk).delete()
        raise
    logger.info("invitation #%s sent to relative #%s", invitation.pk, invitation.member_id)
    return invitation


def _invitation_store(*, member: FamilyMember, actor: Any) -> tuple[Invitation, str]:
    # Durable: the commit must be real before the email leaves, so this may
    # not run inside a caller's transaction.
    with transaction.atomic(durable=True):
        require_caseworker(actor)
        locked = FamilyMember.objects.select_for_update().get(pk=member.pk)
        if not locked.email:
            raise InvalidInput(
                {"email": gettext("The relative needs an email address to be invited.")}
            )
        if locked.user_id is not None:
            raise Conflict(gettext("This relative already has an account."))
        token = secrets.token_urlsafe(32)
        invitation = Invitation.objects.create(
            member=locked,
            token_hash=token_hash(token),
            created_by=actor,
            expires_at=timezone.now() + timedelta(hours=settings.INVITATION_TTL_HOURS),
        )
    return invitation, token


def _check_username(username: Any) -> str:
    if not isinstance(username, str) or not username.strip():
        raise InvalidInput({"username": gettext("Choose a username.")})
    username = username.strip()
    user_model = get_user_model()
    field = user_model._meta.get_field(user_model.USERNAME_FIELD)
    try:
        field.clean(username, None)  # type: ignore[union-attr]
    except ValidationError as exc:
        raise InvalidInput({"username": exc.messages}) from exc
    if user_model._default_manager.filter(
        **{f"{user_model.USERNAME_FIELD}__iexact": username}
    ).exists():
        raise InvalidInput({"username": gettext("This username is taken; choose another.")})
    return username


def _check_password(password: Any, user: Any) -> str:
    if not isinstance(password, str) or not password:
        raise InvalidInput({"password": gettext("Choose a password.")})
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise InvalidInput({"password": exc.messages}) from exc
    return password


def _account_create(*, member: FamilyMember, username: Any, password: Any, actor: Any) -> Any:
    username = _check_username(username)
    user_model = get_user_model()
    user = user_model(**{user_model.USERNAME_FIELD: username}, email=member.email)
    user.set_password(_check_password(password, user))
    user.is_staff = False
    user.is_superuser = False
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # the same name chosen a moment ago by someone else
        raise InvalidInput(
            {"username": gettext("This username is taken; choose another.")}
        ) from exc
    member.user = user
    member._history_user = actor or user  # type: ignore[attr-defined]
    member.save(update_fields=["user", "updated_at"])
    return user


@transaction.atomic
def family_account_create(*, member: FamilyMember, actor: Any, username: str, password: str) -> Any:
    """A caseworker sets up a relative's portal account directly (in person,
    or for the demo). The usual way is the relative accepting an invitation."""
    require_caseworker(actor)
    locked = FamilyMember.objects.select_for_update().get(pk=member.pk)
    if locked.user_id is not None:
        raise Conflict(gettext("This relative already has an account."))
    return _account_create(member=locked, username=username, password=password, actor=actor)


@transaction.atomic
def invitation_accept(*, token: Any, username: Any, password: Any) -> Any:
    """Turn an invitation into the relative's account, once.

    The invitation row is locked, so of two concurrent acceptances of one
    link exactly one succeeds. The account has no staff rights and no group:
    it is a family member's login and nothing else.
    """
    invitation = None
    if isinstance(token, str) and 0 < len(token) <= 200:
        invitation = (
            Invitation.objects.select_for_update().filter(token_hash=token_hash(token)).first()
        )
    now = timezone.now()
    refusal = invitation_refusal(invitation, now=now)
    if refusal:
        raise InvalidInput({"token": refusal_message(refusal, translation.get_language())})
    assert invitation is not None
    member = FamilyMember.objects.select_for_update().get(pk=invitation.member_id)
    if member.user_id is not None:
        raise InvalidInput({"token": refusal_message("used", translation.get_language())})
    user = _account_create(member=member, username=username, password=password, actor=None)
    invitation.used_at = now
    invitation.save(update_fields=["used_at"])
    logger.info("invitation #%s accepted: relative #%s has an account", invitation.pk, member.pk)
    return user


# --- Enquiries -----------------------------------------------------------------------


def _enquiry_text(value: Any, field: str) -> str:
    text = clean_text(field, str(value or ""), multiline=True)
    if not text:
        raise InvalidInput({field: gettext("Write something.")})
    if len(text) > 2000:
        raise InvalidInput({field: gettext("At most %(n)d characters.") % {"n": 2000}})
    return text


@transaction.atomic
def family_enquiry_submit(*, member: FamilyMember, case_number: str, text: str) -> FamilyEnquiry:
    """A relative asks about, or tells us something about, a case they are
    verified-linked to (another family's case is a 404). Staff see it on the
    timeline (never family-visible) and in Today's queue until answered."""
    case = family_case_or_404(member, case_number)
    enquiry = FamilyEnquiry.objects.create(
        member=member,
        case=case,
        text=_enquiry_text(text, "text"),
        submitted_at=timezone.now(),
    )
    event_append(
        case=case,
        kind=EventKind.FAMILY_ENQUIRY,
        actor=member.user,
        summary=f"Enquiry #{enquiry.pk} from a relative.",
        data={"enquiry_id": enquiry.pk, "member_id": member.pk, "answered": False},
    )
    return enquiry


@transaction.atomic
def family_enquiry_answer(*, enquiry_id: int, actor: Any, answer: str) -> FamilyEnquiry:
    """A caseworker answers (or records how they answered, e.g. by phone);
    the relative reads the answer with their enquiry on the portal."""
    require_caseworker(actor)
    enquiry = FamilyEnquiry.objects.select_for_update().select_related("case").get(pk=enquiry_id)
    if enquiry.answered_at is not None:
        raise Conflict(gettext("This enquiry was already answered."))
    enquiry.answer = _enquiry_text(answer, "answer")
    enquiry.answered_at = timezone.now()
    enquiry.answered_by = actor
    enquiry.save(update_fields=["answer", "answered_at", "answered_by"])
    event_append(
        case=enquiry.case,
        kind=EventKind.FAMILY_ENQUIRY,
        actor=actor,
        summary=f"Enquiry #{enquiry.pk} answered.",
        data={"enquiry_id": enquiry.pk, "member_id": enquiry.member_id, "answered": True},
    )
    return enquiry
