"""A case's status in plain words, in the relative's language.

Families read these in the portal and in messages. A death is never shown
by label until the family has been told in person (DESIGN.md): until then
they read the 'awaiting_contact' label. The words are English msgids with
the context "family status" (the staff's shorter labels live in
cases.status); their Armenian and Russian are in families/locale/, and
GLOSSARY.md fixes the terms.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from cases.status import DEATH_STATUSES, Status
from families.gender import is_female

AWAITING_CONTACT = "awaiting_contact"

STATUS_LABELS: dict[str, Promise] = {
    Status.MISSING: pgettext_lazy("family status", "Missing"),
    Status.CAPTURE_REPORTED: pgettext_lazy(
        "family status", "Reported captured (not yet confirmed)"
    ),
    Status.DETAINED: pgettext_lazy("family status", "In captivity (confirmed)"),
    Status.RELEASE_SCHEDULED: pgettext_lazy("family status", "On an agreed exchange list"),
    Status.REPATRIATED: pgettext_lazy("family status", "Returned home"),
    Status.FOUND_ALIVE: pgettext_lazy("family status", "Found alive"),
    Status.DECEASED: pgettext_lazy("family status", "Deceased"),
    Status.REMAINS_RETURNED: pgettext_lazy("family status", "Remains returned"),
    Status.CLOSED: pgettext_lazy("family status", "Work on the case completed"),
    AWAITING_CONTACT: pgettext_lazy("family status", "Your caseworker will contact you in person"),
}

# What the status means, and what happens next: the portal shows both under
# the status, so that a family need not guess.
STATUS_MEANINGS: dict[str, tuple[Promise, Promise]] = {
    Status.MISSING: (
        pgettext_lazy("status meaning", "We do not yet know where he is."),
        pgettext_lazy(
            "status next",
            "We search every list and report that comes in and will tell you as soon as "
            "we learn anything.",
        ),
    ),
    Status.CAPTURE_REPORTED: (
        pgettext_lazy(
            "status meaning",
            "There are reports that he was captured, but they are not yet confirmed.",
        ),
        pgettext_lazy(
            "status next",
            "We are checking the reports with the ICRC and other sources and will tell you "
            "what we learn.",
        ),
    ),
    Status.DETAINED: (
        pgettext_lazy("status meaning", "It is confirmed that he is alive and held in captivity."),
        pgettext_lazy(
            "status next",
            "We are working for his return and will tell you when he is put on an exchange list.",
        ),
    ),
    Status.RELEASE_SCHEDULED: (
        pgettext_lazy("status meaning", "He is on the list of an agreed exchange."),
        pgettext_lazy(
            "status next",
            "Dates of exchanges can change. We will tell you as soon as the exchange takes place.",
        ),
    ),
    Status.REPATRIATED: (
        pgettext_lazy("status meaning", "He has been handed over and is home."),
        pgettext_lazy("status next", "Your caseworker stays in touch with you."),
    ),
    Status.FOUND_ALIVE: (
        pgettext_lazy("status meaning", "He was found alive."),
        pgettext_lazy("status next", "Your caseworker stays in touch with you."),
    ),
    Status.DECEASED: (
        pgettext_lazy("status meaning", "Your caseworker has told you in person."),
        pgettext_lazy("status next", "Your caseworker stays in touch with you."),
    ),
    Status.REMAINS_RETURNED: (
        pgettext_lazy("status meaning", "Your caseworker has told you in person."),
        pgettext_lazy("status next", "Your caseworker stays in touch with you."),
    ),
    Status.CLOSED: (
        pgettext_lazy("status meaning", "The work on this case has been completed."),
        pgettext_lazy("status next", "If you have questions, your caseworker is there for you."),
    ),
    AWAITING_CONTACT: (
        pgettext_lazy("status meaning", "Your caseworker would like to speak with you in person."),
        pgettext_lazy("status next", "They will call or visit you soon."),
    ),
}


# A woman who serves (families.gender): the same English with its own
# context, so that Russian can say Пропала, Вернулась, Найдена живой.
STATUS_LABELS_FEMALE: dict[str, Promise] = {
    Status.MISSING: pgettext_lazy("family status, female", "Missing"),
    Status.RELEASE_SCHEDULED: pgettext_lazy("family status, female", "On an agreed exchange list"),
    Status.REPATRIATED: pgettext_lazy("family status, female", "Returned home"),
    Status.FOUND_ALIVE: pgettext_lazy("family status, female", "Found alive"),
    Status.DECEASED: pgettext_lazy("family status, female", "Deceased"),
}
STATUS_MEANINGS_FEMALE: dict[str, tuple[Promise, Promise]] = {
    Status.MISSING: (
        pgettext_lazy("status meaning", "We do not yet know where she is."),
        STATUS_MEANINGS[Status.MISSING][1],
    ),
    Status.CAPTURE_REPORTED: (
        pgettext_lazy(
            "status meaning",
            "There are reports that she was captured, but they are not yet confirmed.",
        ),
        STATUS_MEANINGS[Status.CAPTURE_REPORTED][1],
    ),
    Status.DETAINED: (
        pgettext_lazy("status meaning", "It is confirmed that she is alive and held in captivity."),
        pgettext_lazy(
            "status next",
            "We are working for her return and will tell you when she is put on an exchange list.",
        ),
    ),
    Status.RELEASE_SCHEDULED: (
        pgettext_lazy("status meaning", "She is on the list of an agreed exchange."),
        STATUS_MEANINGS[Status.RELEASE_SCHEDULED][1],
    ),
    Status.REPATRIATED: (
        pgettext_lazy("status meaning", "She has been handed over and is home."),
        STATUS_MEANINGS[Status.REPATRIATED][1],
    ),
    Status.FOUND_ALIVE: (
        pgettext_lazy("status meaning", "She was found alive."),
        STATUS_MEANINGS[Status.FOUND_ALIVE][1],
    ),
}


def status_label(status: str, language: str, sex: str = "") -> str:
    key = status if status == AWAITING_CONTACT else Status(status)
    labels = (
        STATUS_LABELS_FEMALE if is_female(sex) and key in STATUS_LABELS_FEMALE else STATUS_LABELS
    )
    with translation.override(language):
        return str(labels[key])


def status_meaning(status: str, language: str, sex: str = "") -> tuple[str, str]:
    """(what the status means, what happens next) in the relative's language."""
    female = is_female(sex) and status in STATUS_MEANINGS_FEMALE
    meaning, next_step = (STATUS_MEANINGS_FEMALE if female else STATUS_MEANINGS)[status]
    with translation.override(language):
        return str(meaning), str(next_step)


def family_status(case: Any, language: str) -> tuple[str, str]:
    """(status, label) as the family may see it: a death not yet told in
    person reads as 'your caseworker will contact you'."""
    if case.status in DEATH_STATUSES and case.family_told_in_person_at is None:
        return AWAITING_CONTACT, status_label(AWAITING_CONTACT, language)
    return case.status, status_label(case.status, language, case.sex)
