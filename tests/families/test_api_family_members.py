"""/api/family-members/: caseworkers and supervisors manage relatives."""

from __future__ import annotations

import pytest
from django.core import mail

from families.models import FamilyLink, FamilyMember, Invitation

from .conftest import api_as

URL = "/api/family-members/"


def _new(case, **overrides):
    body = {
        "full_name": "Mariam Hovhannisyan",
        "email": "mariam@example.org",
        "phone": "+374 91 000000",
        "language": "hy",
        "channels": ["email", "sms"],
        "links": [{"case": case.pk, "relationship": "mother", "verified": True}],
    }
    body.update(overrides)
    return body


def test_a_caseworker_adds_a_relative_with_a_verified_link(staff_api, case, caseworker):
    response = staff_api.post(URL, _new(case), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["full_name"] == "Mariam Hovhannisyan"
    assert body["channels"] == ["email", "sms"]
    (link,) = body["links"]
    assert link["case"] == case.pk
    assert link["case_number"] == case.case_number
    assert link["verified"] is True
    assert link["verified_by"] == caseworker.pk
    assert link["verified_at"]
    assert body["has_account"] is False
    assert FamilyMember.objects.get(pk=body["id"]).created_by == caseworker


def test_the_webhook_secret_is_written_but_never_read_back(staff_api, case):
    body = _new(
        case,
        channels=["webhook"],
        webhook_url="https://hooks.example.org/family",
        webhook_secret="s3cret-value",
    )
    response = staff_api.post(URL, body, format="json")
    assert response.status_code == 201, response.json()
    assert "webhook_secret" not in response.json()
    assert "s3cret-value" not in response.content.decode()
    assert FamilyMember.objects.get(pk=response.json()["id"]).webhook_secret == "s3cret-value"
    fetched = staff_api.get(f"{URL}{response.json()['id']}/")
    assert "s3cret-value" not in fetched.content.decode()


def test_a_relative_is_read_and_patched(supervisor_api, member, case, supervisor):
    response = supervisor_api.get(f"{URL}{member.pk}/")
    assert response.status_code == 200
    assert response.json()["has_account"] is True

    response = supervisor_api.patch(
        f"{URL}{member.pk}/",
        {"language": "ru", "phone": "+374 91 111111", "channels": ["email", "sms"]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    member.refresh_from_db()
    assert (member.language, member.phone) == ("ru", "+374 91 111111")


def test_patching_a_link_to_unverified_is_recorded(staff_api, member, case):
    response = staff_api.patch(
        f"{URL}{member.pk}/",
        {"links": [{"case": case.pk, "relationship": "mother", "verified": False}]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["links"][0]["verified"] is False
    assert response.json()["links"][0]["verified_by"] is None
    assert FamilyLink.objects.get(member=member, case=case).verified is False


def test_the_list_filters_by_case_and_by_words(staff_api, member, other_member, case):
    by_case = staff_api.get(URL, {"case": case.pk}).json()
    assert [m["id"] for m in by_case["results"]] == [member.pk]
    by_name = staff_api.get(URL, {"q": "anahit"}).json()
    assert [m["id"] for m in by_name["results"]] == [other_member.pk]
    everyone = staff_api.get(URL).json()
    assert everyone["count"] == 2


def test_a_case_filter_that_is_not_an_id_is_400_naming_case(staff_api, db):
    response = staff_api.get(URL, {"case": "MP-2020"})
    assert response.status_code == 400
    assert "case" in response.json()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"language": "fr"}, "language"),
        ({"channels": ["pigeon"]}, "channels"),
        ({"channels": ["sms"], "phone": ""}, "phone"),
        ({"channels": ["webhook"]}, "webhook_url"),
        ({"email": "not-an-email"}, "email"),
        ({"full_name": "x" * 301}, "full_name"),
        ({"full_name": ""}, "full_name"),
        ({"links": [{"case": 999999, "relationship": "mother"}]}, "links"),
        ({"links": [{"case": None, "relationship": "aunt"}]}, "links"),
        ({"webhook_url": "ftp://nope"}, "webhook_url"),
    ],
)
def test_bad_input_is_400_naming_the_field(staff_api, case, overrides, field):
    response = staff_api.post(URL, _new(case, **overrides), format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not FamilyMember.objects.exists()


def test_an_unknown_case_in_links_names_the_case(staff_api, case):
    response = staff_api.post(
        URL, _new(case, links=[{"case": 999999, "relationship": "mother"}]), format="json"
    )
    assert response.status_code == 400
    assert "case" in response.json()["links"]["0"]


def test_an_unknown_relative_is_404(staff_api, db):
    assert staff_api.get(f"{URL}999999/").status_code == 404


def test_put_and_delete_are_not_offered(staff_api, member):
    assert staff_api.put(f"{URL}{member.pk}/", {}, format="json").status_code == 405
    assert staff_api.delete(f"{URL}{member.pk}/").status_code == 405


def test_invite_sends_the_email_and_answers_without_the_token(staff_api, make_member, case):
    relative = make_member(case, account=False)
    response = staff_api.post(f"{URL}{relative.pk}/invite/")
    assert response.status_code == 201, response.json()
    assert response.json()["sent_to"] == relative.email
    assert len(mail.outbox) == 1
    token_hash = Invitation.objects.get(member=relative).token_hash
    assert token_hash not in response.content.decode()
    assert "token" not in response.json()


def test_invite_without_an_email_is_400_naming_email(staff_api, make_member, case):
    relative = make_member(case, account=False, email="", channels=[])
    response = staff_api.post(f"{URL}{relative.pk}/invite/")
    assert response.status_code == 400
    assert "email" in response.json()


def test_invite_when_the_mail_server_is_down_is_503_and_stores_nothing(
    staff_api, make_member, case, settings
):
    relative = make_member(case, account=False)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    response = staff_api.post(f"{URL}{relative.pk}/invite/")
    assert response.status_code == 503
    assert not Invitation.objects.filter(member=relative).exists()


def test_anonymous_is_401_everywhere(anonymous_api, member):
    for method, url in [
        ("get", URL),
        ("post", URL),
        ("get", f"{URL}{member.pk}/"),
        ("patch", f"{URL}{member.pk}/"),
        ("post", f"{URL}{member.pk}/invite/"),
        ("get", f"{URL}{member.pk}/notifications/"),
    ]:
        assert getattr(anonymous_api, method)(url).status_code == 401, (method, url)


def test_family_members_and_staffless_users_are_403_everywhere(member, outsider):
    for user in (member.user, outsider):
        client = api_as(user)
        for method, url in [
            ("get", URL),
            ("post", URL),
            ("get", f"{URL}{member.pk}/"),
            ("patch", f"{URL}{member.pk}/"),
            ("post", f"{URL}{member.pk}/invite/"),
            ("get", f"{URL}{member.pk}/notifications/"),
        ]:
            assert getattr(client, method)(url, {}, format="json").status_code == 403, (
                user,
                method,
                url,
            )
