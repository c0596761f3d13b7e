"""createstaff and seed_demo."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from cases.models import (
    CaptureReport,
    CaseEvent,
    Exchange,
    MissingPerson,
    PendingTransition,
    StaffProfile,
)
from cases.roles import is_caseworker, is_supervisor
from families.models import FamilyLink, FamilyMember

pytestmark = pytest.mark.django_db
PASSWORD = "Correct-horse-battery-42"


def _groups(user: User) -> list[str]:
    return sorted(user.groups.values_list("name", flat=True))


def test_createstaff_creates_a_staff_account_in_its_role(monkeypatch) -> None:
    monkeypatch.setenv("CASEMGR_PASSWORD", PASSWORD)
    out = io.StringIO()
    call_command(
        "createstaff",
        "anna",
        "--role",
        "caseworker",
        "--email",
        "anna@example.org",
        "--phone",
        "+374 10 555 101",
        "--noinput",
        stdout=out,
    )
    user = User.objects.get(username="anna")
    assert user.is_staff
    assert user.is_active
    assert not user.is_superuser
    assert user.email == "anna@example.org"
    assert user.check_password(PASSWORD)
    assert _groups(user) == ["caseworker"]
    assert StaffProfile.objects.get(user=user).phone == "+374 10 555 101"
    assert "Created caseworker 'anna'" in out.getvalue()


def test_createstaff_moves_an_existing_account_to_the_new_role_only(monkeypatch) -> None:
    monkeypatch.setenv("CASEMGR_PASSWORD", PASSWORD)
    call_command("createstaff", "anna", "--role", "caseworker", "--noinput", stdout=io.StringIO())
    monkeypatch.setenv("CASEMGR_PASSWORD", PASSWORD + "-new")
    out = io.StringIO()
    call_command("createstaff", "anna", "--role", "supervisor", "--noinput", stdout=out)
    user = User.objects.get(username="anna")
    assert User.objects.filter(username="anna").count() == 1
    assert _groups(user) == ["supervisor"]
    assert is_supervisor(user)
    assert is_caseworker(user)
    assert user.check_password(PASSWORD + "-new")
    assert "Updated supervisor 'anna'" in out.getvalue()


def test_createstaff_noinput_without_the_password_variable_fails_clearly(monkeypatch) -> None:
    monkeypatch.delenv("CASEMGR_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="CASEMGR_PASSWORD"):
        call_command("createstaff", "anna", "--role", "caseworker", "--noinput")
    assert not User.objects.filter(username="anna").exists()


def test_createstaff_refuses_a_weak_password(monkeypatch) -> None:
    monkeypatch.setenv("CASEMGR_PASSWORD", "123")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("createstaff", "anna", "--role", "caseworker", "--noinput")
    assert not User.objects.exists()


def test_createstaff_refuses_an_unknown_role(monkeypatch) -> None:
    monkeypatch.setenv("CASEMGR_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("createstaff", "anna", "--role", "admin", "--noinput")


def test_createstaff_prompts_for_the_password_when_interactive(monkeypatch) -> None:
    answers = iter(["one-Password-99", "another-Password-99", PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command(
        "createstaff", "anna", "--role", "caseworker", stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert User.objects.get(username="anna").check_password(PASSWORD)


@pytest.fixture
def debug_on(settings) -> None:
    """seed_demo is for `make run`, which runs with DEBUG on."""
    settings.DEBUG = True


def _row_counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


@pytest.mark.usefixtures("debug_on")
def test_seed_demo_loads_the_scenario_through_the_services() -> None:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert MissingPerson.objects.count() == 200
    assert MissingPerson.objects.filter(status="detained").count() == 36
    assert MissingPerson.objects.filter(status="release_scheduled").count() == 24
    assert MissingPerson.objects.exclude(name_native="").count() == 200
    assert CaptureReport.objects.filter(source="ombudsman").count() == 60
    assert CaptureReport.objects.filter(source="media", case__isnull=False).count() == 72
    assert CaptureReport.objects.filter(case__isnull=True).count() == 4
    assert Exchange.objects.get().listings.count() == 24
    assert PendingTransition.objects.filter(state="pending").count() == 1
    assert set(FamilyMember.objects.values_list("language", flat=True)) == {"hy", "ru", "en"}
    assert FamilyLink.objects.filter(verified=True).count() == 4
    family = User.objects.get(username="demo.family")
    assert family.family_member.links.get().case.status == "release_scheduled"
    # Every case has its timeline and its history, as after real work.
    assert CaseEvent.objects.values("case").distinct().count() == 200
    assert MissingPerson.history.count() > 200
    for username in ("demo.caseworker", "demo.supervisor", "demo.family"):
        assert username in out.getvalue()
    staff = User.objects.get(username="demo.caseworker")
    assert staff.is_staff
    assert staff.check_password("Khtsaberd-demo-2020")


@pytest.mark.usefixtures("debug_on")
def test_seed_demo_leaves_two_lists_matched_and_waiting_for_review(
    django_capture_on_commit_callbacks: Any,
) -> None:
    from cases.imports.models import ImportBatch, ImportRow

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())

    lists = {b.source: b for b in ImportBatch.objects.all()}
    ombudsman, detaining = lists["ombudsman"], lists["detaining_power"]
    assert (ombudsman.status, ombudsman.total, ombudsman.done) == ("review", 60, 60)
    assert (detaining.status, detaining.total, detaining.file_kind) == ("review", 20, "xlsx")
    first = ImportRow.objects.get(batch=ombudsman, line=2)
    assert first.cells[1].isascii() is False  # Cyrillic, as the ombudsman wrote it
    # The place of detention, written once in a merged cell, is every row's.
    places = {r.cells[2] for r in ImportRow.objects.filter(batch=detaining)}
    assert places == {"Bakı şəhəri, istintaq təcridxanası"}
    assert not ImportRow.objects.filter(applied_at__isnull=False).exists()


@pytest.mark.usefixtures("debug_on")
def test_seed_demo_twice_changes_nothing() -> None:
    call_command("seed_demo", stdout=io.StringIO())
    first = _row_counts()
    names = list(MissingPerson.objects.values_list("case_number", "given_name", "family_name"))
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert _row_counts() == first
    assert list(MissingPerson.objects.values_list("case_number", "given_name", "family_name")) == (
        names
    )
    assert "already loaded" in out.getvalue()
    assert "Khtsaberd-demo-2020" in out.getvalue()


@pytest.mark.usefixtures("debug_on")
def test_seed_demo_is_deterministic() -> None:
    call_command("seed_demo", stdout=io.StringIO())
    first = MissingPerson.objects.order_by("pk").values_list(
        "case_number", "given_name", "patronymic", "family_name", "name_native", "service_number"
    )[:2]
    # The seeded generator gives these on every machine; a change here is a
    # change of the demo data set, which the README's walkthrough relies on.
    assert list(first) == [
        (
            "MP-2020-00001",
            "Hrayr",
            "Suren",
            "Hambardzumyan",
            "Համբարձումյան Հրայր Սուրենի",
            "AM0100130",
        ),
        ("MP-2020-00002", "Aram", "Davit", "Manukyan", "Մանուկյան Արամ Դավթի", "AM9700226"),
    ]
    assert MissingPerson.objects.values("service_number").distinct().count() == 200


@pytest.mark.usefixtures("debug_on")
def test_seed_demo_refuses_a_registry_that_holds_real_cases(case) -> None:
    with pytest.raises(CommandError, match="not the demo's"):
        call_command("seed_demo", stdout=io.StringIO())
    assert MissingPerson.objects.count() == 1


def test_seed_demo_refuses_to_run_with_debug_off(settings) -> None:
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--i-know"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.filter(username__startswith="demo.").exists()
    assert MissingPerson.objects.count() == 0


def test_seed_demo_runs_with_debug_off_when_told_i_know(settings) -> None:
    settings.DEBUG = False
    out = io.StringIO()
    call_command("seed_demo", "--i-know", stdout=out)
    assert MissingPerson.objects.count() == 200
    assert User.objects.filter(username="demo.supervisor").exists()
