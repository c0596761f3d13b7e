"""A case's status in plain words, in the relative's language.

Families read these in the portal and in messages. A death is never shown
by label until the family has been told in person (DESIGN.md): until then
they read AWAITING_CONTACT.
"""

from __future__ import annotations

from typing import Any

from cases.status import DEATH_STATUSES, Status

STATUS_LABELS: dict[str, dict[str, str]] = {
    "en": {
        Status.MISSING: "Missing: whereabouts not yet known",
        Status.CAPTURE_REPORTED: "Reported captured (not yet confirmed)",
        Status.DETAINED: "Confirmed in detention",
        Status.RELEASE_SCHEDULED: "On an agreed exchange list",
        Status.REPATRIATED: "Returned home",
        Status.FOUND_ALIVE: "Found alive",
        Status.DECEASED: "Deceased",
        Status.REMAINS_RETURNED: "Remains returned",
        Status.CLOSED: "Case closed",
    },
    "ru": {
        Status.MISSING: "Пропал без вести: местонахождение пока неизвестно",
        Status.CAPTURE_REPORTED: "Есть сведения о пленении (пока не подтверждены)",
        Status.DETAINED: "Нахождение в плену подтверждено",
        Status.RELEASE_SCHEDULED: "Включён в согласованный список на обмен",
        Status.REPATRIATED: "Вернулся домой",
        Status.FOUND_ALIVE: "Найден живым",
        Status.DECEASED: "Погиб",
        Status.REMAINS_RETURNED: "Останки возвращены",
        Status.CLOSED: "Дело закрыто",
    },
    "hy": {
        Status.MISSING: "Անհայտ կորած է. գտնվելու վայրը դեռ պարզված չէ",
        Status.CAPTURE_REPORTED: "Կան տեղեկություններ գերեվարման մասին (դեռ չհաստատված)",
        Status.DETAINED: "Գերության մեջ գտնվելը հաստատված է",
        Status.RELEASE_SCHEDULED: "Ընդգրկված է փոխանակման համաձայնեցված ցուցակում",
        Status.REPATRIATED: "Վերադարձել է հայրենիք",
        Status.FOUND_ALIVE: "Գտնվել է ողջ",
        Status.DECEASED: "Զոհվել է",
        Status.REMAINS_RETURNED: "Աճյունը վերադարձվել է",
        Status.CLOSED: "Գործը փակված է",
    },
}

AWAITING_CONTACT: dict[str, str] = {
    "en": "Your caseworker will contact you in person",
    "ru": "Сотрудник, ведущий дело, свяжется с вами лично",
    "hy": "Գործը վարող աշխատակիցը անձամբ կկապվի ձեզ հետ",
}


def status_label(status: str, language: str) -> str:
    labels = STATUS_LABELS.get(language, STATUS_LABELS["en"])
    return labels[Status(status)]


def family_status(case: Any, language: str) -> tuple[str, str]:
    """(status, label) as the family may see it: a death not yet told in
    person reads as 'your caseworker will contact you'."""
    if case.status in DEATH_STATUSES and case.family_told_in_person_at is None:
        return "awaiting_contact", AWAITING_CONTACT.get(language, AWAITING_CONTACT["en"])
    return case.status, status_label(case.status, language)
