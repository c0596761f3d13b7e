"""Dates as families write them (DD.MM.YYYY) and times in the deployment's
zone named in words, never an ISO date or a bare offset."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.core import mail
from django.utils import translation

from cases.dates import day as family_date
from cases.dates import moment as family_datetime
from families import services


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2020, 11, 13), "13.11.2020"),
        ("2021-01-09", "09.01.2021"),
        (datetime(2020, 12, 31, 21, 30, tzinfo=UTC), "01.01.2021"),  # Yerevan is UTC+4
        ("not a date", ""),
        (None, ""),
    ],
)
def test_a_date_reads_day_month_year_in_the_deployments_zone(value: Any, expected: str) -> None:
    assert family_date(value) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("hy", "30.11.2026, 19:25 (Երևանի ժամանակով)"),
        ("ru", "30.11.2026 19:25 (по ереванскому времени)"),
        ("en", "30.11.2026, 19:25 (Yerevan time)"),
    ],
)
def test_a_time_names_the_zone_in_words(language: str, expected: str) -> None:
    with translation.override(language):
        assert family_datetime(datetime(2026, 11, 30, 15, 25, tzinfo=UTC)) == expected


def test_an_unknown_zone_is_named_not_given_as_an_offset(settings: Any) -> None:
    settings.TIME_ZONE = "Europe/Moscow"
    text = family_datetime(datetime(2026, 11, 30, 15, 25, tzinfo=UTC))
    assert text == "30.11.2026, 18:25 (Europe/Moscow)"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "zone"), [("hy", "Երևանի ժամանակով"), ("ru", "по ереванскому времени")]
)
def test_the_invitation_says_until_when_as_a_family_writes_it(
    make_relative: Any, case: Any, caseworker: Any, language: str, zone: str
) -> None:
    relative = make_relative(case, language=language)
    services.invitation_create(member=relative, actor=caseworker)
    body = mail.outbox[-1].body
    assert re.search(r"\d\d\.\d\d\.\d{4},? \d\d:\d\d \(" + zone + r"\)", body), body
    assert "+04" not in body
    assert not re.search(r"\d{4}-\d\d-\d\d", body)
