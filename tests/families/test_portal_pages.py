"""The family portal's pages: /family/, login landing, invitation acceptance."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from cases import services as case_services
from families import services
from families.models import FamilyMember

PASSWORD = "quiet-river-lantern-42"


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_portal_shows_the_members_cases_in_their_language(
    member, case, caseworker, other_case, other_member
):
    case_services.case_transition(case=case, actor=caseworker, to_status="detained")
    response = _client_for(member.user).get("/family/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="hy">' in page
    assert "Նորություններ" in page
    assert case.case_number in page
    assert "Գերության մեջ է (հաստատված)" in page
    assert other_case.case_number not in page
    assert other_case.given_name not in page


def test_a_russian_speaking_relative_reads_the_page_in_russian(make_member, case):
    relative = make_member(case, language="ru")
    page = _client_for(relative.user).get("/family/").content.decode()
    assert '<html lang="ru">' in page
    assert "Новости" in page
    assert "Пропал без вести" in page
    assert "Мы пока не знаем, где он находится." in page


def test_a_relative_without_verified_cases_is_told_so(make_member, case):
    relative = make_member(case, verified=False)
    page = _client_for(relative.user).get("/family/").content.decode()
    assert "Ձեր հաշվին դեռ ոչ մի գործ կցված չէ" in page
    assert case.case_number not in page


def test_staff_get_a_403_page(caseworker):
    response = _client_for(caseworker).get("/family/")
    assert response.status_code == 403
    assert "This page is for families" in response.content.decode()


def test_anonymous_is_sent_to_the_login_form(db):
    response = Client().get("/family/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "next=/family/" in response["Location"]


def test_after_login_a_relative_lands_on_the_portal_and_staff_on_today(member, caseworker):
    client = Client()
    response = client.post(
        "/accounts/login/",
        {"username": member.user.username, "password": "a-long-family-password-1"},
    )
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == "/family/"

    staff = Client()
    response = staff.post(
        "/accounts/login/",
        {"username": caseworker.username, "password": "a-long-test-password-1"},
    )
    assert staff.get(response["Location"])["Location"] == "/workspace/"


@pytest.fixture
def invite_url(make_member, case, caseworker):
    relative = make_member(case, account=False, language="hy")
    services.invitation_create(member=relative, actor=caseworker)
    path = re.search(r"https?://[^/]+(/family/invite/[^/\s]+/)", mail.outbox[-1].body).group(1)
    return relative, path


def test_the_accept_page_shows_the_form_in_the_relatives_language(invite_url):
    _, path = invite_url
    response = Client().get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ստեղծեք Ձեր հաշիվը" in page
    assert 'name="password2"' in page


def test_accepting_on_the_page_creates_the_account_and_opens_the_portal(invite_url, case):
    relative, path = invite_url
    client = Client()
    response = client.post(
        path, {"username": "mariam", "password": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/family/"
    assert FamilyMember.objects.get(pk=relative.pk).user.username == "mariam"
    assert case.case_number in client.get("/family/").content.decode()


def test_two_different_passwords_are_refused(invite_url):
    relative, path = invite_url
    response = Client().post(
        path, {"username": "mariam", "password": PASSWORD, "password2": PASSWORD + "x"}
    )
    assert response.status_code == 400
    assert "Գաղտնաբառերը չեն համընկնում։" in response.content.decode()
    assert FamilyMember.objects.get(pk=relative.pk).user is None


def test_a_weak_password_is_refused_on_the_page(invite_url):
    relative, path = invite_url
    response = Client().post(
        path, {"username": "mariam", "password": "12345678", "password2": "12345678"}
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert FamilyMember.objects.get(pk=relative.pk).user is None


def test_a_used_link_shows_why_it_no_longer_works(invite_url):
    _, path = invite_url
    Client().post(path, {"username": "mariam", "password": PASSWORD, "password2": PASSWORD})
    response = Client().get(path)
    assert response.status_code == 400
    assert "Այս հրավերն արդեն օգտագործվել է։" in response.content.decode()
    assert 'name="password"' not in response.content.decode()


def test_an_unknown_link_shows_why_it_does_not_work(db):
    response = Client().get("/family/invite/not-a-real-token/")
    assert response.status_code == 400
    assert "This invitation link is not valid." in response.content.decode()


def test_the_accept_page_is_throttled_like_the_api(invite_url):
    _, path = invite_url
    client = Client()
    for _ in range(10):
        response = client.post(path, {"username": "m", "password": "1", "password2": "1"})
        assert response.status_code == 400
    response = client.post(path, {"username": "m", "password": "1", "password2": "1"})
    assert response.status_code == 429


def test_the_portal_lists_the_messages_sent_to_the_member_only(member, case, other_member):
    from cases.models import CaseEvent
    from families.models import Notification

    event = CaseEvent.objects.filter(case=case).first()
    Notification.objects.create(
        event=event,
        member=member,
        channel="email",
        language="hy",
        body_text="Mine: news about the case.",
        status="sent",
    )
    Notification.objects.create(
        event=event,
        member=other_member,
        channel="email",
        language="hy",
        body_text="Theirs: not for this family.",
        status="failed",
    )
    page = _client_for(member.user).get("/family/").content.decode()
    assert "Mine: news about the case." in page
    assert "ուղարկված է" in page
    assert "Theirs" not in page


def test_the_portal_puts_the_status_first_with_what_it_means_and_dates_as_families_write_them(
    member, case, caseworker
):
    from django.utils import timezone

    from cases.dates import day as family_date
    from tests.i18n.reading import visible_text

    case_services.case_transition(case=case, actor=caseworker, to_status="detained")
    page = _client_for(member.user).get("/family/").content.decode()
    main = page[page.index("<main>") :]
    assert re.search(r"<h1[^>]*>\s*Գերության մեջ է \(հաստատված\)</h1>", main)
    assert main.index("<h1") < main.index("<h2")
    assert "Հաստատված է, որ նա ողջ է և գտնվում է գերության մեջ։" in page
    assert f"{family_date(timezone.now())}-ից" in page
    assert not re.search(r"\d{4}-\d\d-\d\d", visible_text(main))


def test_without_a_caseworker_the_portal_asks_the_family_to_call_the_hotline(
    make_member, make_case, settings
):
    settings.HOTLINE_PHONE = "+374 10 999999"
    case = make_case(caseworker=None)
    relative = make_member(case, language="hy")
    page = _client_for(relative.user).get("/family/").content.decode()
    assert "Զանգահարեք մեր թեժ գծին՝" in page
    assert "+374 10 999999" in page
    assert "Ձեր գործով զբաղվող աշխատակիցը՝" not in page


def test_a_woman_who_serves_is_named_in_feminine_forms(make_member, make_case, caseworker):
    from families.labels import status_label

    case = make_case(given_name="Anush", sex="female")
    relative = make_member(case, language="ru")
    page = _client_for(relative.user).get("/family/").content.decode()
    assert "Пропала без вести" in page
    assert "Мы пока не знаем, где она находится." in page
    assert "Пропал без вести" not in page
    assert status_label("repatriated", "ru", "female") == "Вернулась на родину"
    assert status_label("repatriated", "ru", "male") == "Вернулся на родину"
