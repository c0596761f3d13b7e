"""Staff accounts: the role a person works in, and the phone families call.

No case event here: these writes concern no case. The account's own history
is Django's (last_login, the admin log)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from cases.errors import InvalidInput
from cases.models import StaffProfile
from cases.roles import STAFF_ROLES
from cases.services._common import require_supervisor
from cases.services.text import clean_text

PHONE_MAX = 40


def _clean_phone(phone: str) -> str:
    phone = clean_text("phone", phone)
    if len(phone) > PHONE_MAX:
        raise InvalidInput({"phone": gettext("At most %(n)d characters.") % {"n": PHONE_MAX}})
    if phone and not all((ch.isascii() and ch.isdigit()) or ch in "+-() ." for ch in phone):
        raise InvalidInput({"phone": gettext("Only digits, spaces, '+', '-', '(', ')' and '.'.")})
    return phone


@transaction.atomic
def staff_account_set(
    *,
    username: str,
    role: str,
    password: str,
    email: str | None = None,
    phone: str | None = None,
) -> tuple[Any, bool]:
    """Create a staff account, or bring an existing one to this role and
    password. The account is in exactly the role's group."""
    username = username.strip()
    if not username:
        raise InvalidInput({"username": gettext("This field may not be blank.")})
    if role not in STAFF_ROLES:
        raise InvalidInput(
            {"role": gettext("One of: %(values)s.") % {"values": ", ".join(STAFF_ROLES)}}
        )
    user_model = get_user_model()
    user, created = user_model.objects.select_for_update().get_or_create(username=username)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise InvalidInput({"password": list(exc.messages)}) from exc
    if email is not None:
        user.email = email.strip()
    user.is_staff = True
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.set([Group.objects.get(name=role)])
    if phone is not None:
        StaffProfile.objects.update_or_create(user=user, defaults={"phone": _clean_phone(phone)})
    return user, created


@transaction.atomic
def staff_phone_set(*, user: Any, actor: Any, phone: str) -> StaffProfile:
    """Set the number families are given for this caseworker. A supervisor
    sets anyone's; everyone may set their own."""
    if actor.pk != user.pk:
        require_supervisor(actor)
    profile, _ = StaffProfile.objects.update_or_create(
        user=user, defaults={"phone": _clean_phone(phone)}
    )
    return profile
