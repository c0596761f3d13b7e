"""Staff accounts and the phone number families are given for them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cases.errors import InvalidInput, NotAllowed
from cases.models import StaffProfile
from cases.services.staff import staff_account_set, staff_phone_set

pytestmark = pytest.mark.django_db


def _admin_client(user) -> Client:
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def test_a_supervisor_sets_a_caseworkers_phone(caseworker, supervisor) -> None:
    profile = staff_phone_set(user=caseworker, actor=supervisor, phone=" +374 10  123456 ")
    assert profile.phone == "+374 10 123456"


def test_a_caseworker_sets_their_own_phone_but_not_a_colleagues(
    caseworker, other_caseworker
) -> None:
    staff_phone_set(user=caseworker, actor=caseworker, phone="+374 91 000001")
    with pytest.raises(NotAllowed):
        staff_phone_set(user=other_caseworker, actor=caseworker, phone="+374 91 000002")
    assert not StaffProfile.objects.filter(user=other_caseworker).exists()


def test_a_phone_with_letters_is_refused_naming_the_field(caseworker) -> None:
    with pytest.raises(InvalidInput) as err:
        staff_phone_set(user=caseworker, actor=caseworker, phone="call me")
    assert list(err.value.errors) == ["phone"]


def test_a_staff_account_is_in_exactly_one_role(db) -> None:
    user, created = staff_account_set(
        username="mariam", role="caseworker", password="a-long-test-password-1"
    )
    assert created
    user, created = staff_account_set(
        username="mariam", role="supervisor", password="a-long-test-password-1", phone="+374 1"
    )
    assert not created
    assert list(user.groups.values_list("name", flat=True)) == ["supervisor"]
    assert user.is_staff
    assert user.staff_profile.phone == "+374 1"


def test_a_weak_password_is_refused_naming_the_field(db) -> None:
    with pytest.raises(InvalidInput) as err:
        staff_account_set(username="mariam", role="caseworker", password="123")
    assert list(err.value.errors) == ["password"]


def test_a_supervisor_sets_a_phone_in_the_admin_through_the_service(caseworker, supervisor) -> None:
    client = _admin_client(supervisor)
    response = client.post(
        reverse("admin:cases_staffprofile_add"), {"user": caseworker.pk, "phone": "+374 10 55"}
    )
    assert response.status_code == 302, response.content[:500]
    assert StaffProfile.objects.get(user=caseworker).phone == "+374 10 55"
    profile = StaffProfile.objects.get(user=caseworker)
    response = client.post(
        reverse("admin:cases_staffprofile_change", args=[profile.pk]), {"phone": "letters"}
    )
    assert response.status_code == 200
    assert "Only digits" in response.content.decode()
    assert StaffProfile.objects.get(user=caseworker).phone == "+374 10 55"


def test_a_caseworker_cannot_change_phones_in_the_admin(caseworker, other_caseworker) -> None:
    client = _admin_client(caseworker)
    response = client.post(
        reverse("admin:cases_staffprofile_add"), {"user": other_caseworker.pk, "phone": "+1"}
    )
    assert response.status_code == 403
