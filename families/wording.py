"""The family portal's own words, in the relatives' three languages.

Status labels live in families.labels; these are the sentences that turn a
family-visible event into plain words, and the few words of the portal page.
Kept as plain dictionaries, like the labels, so that the text a family reads
is reviewed in one place and needs no compiled message catalogue.
"""

from __future__ import annotations

from typing import Any

# The languages relatives read (families.models.Language); not Django's
# settings.LANGUAGES, which are the interface's.
MESSAGE_LANGUAGES = ("hy", "ru", "en")

UPDATE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "status": "Status: {label}",
        "exchange_listed": "Your relative has been put on the list of an agreed exchange.",
        "report": "A report about your relative was received and shared with you.",
        "captured_on": "Date of capture: {date}.",
        "place_of_detention": "Place of detention: {place}.",
    },
    "ru": {
        "status": "Статус: {label}",
        "exchange_listed": "Ваш родственник включён в список согласованного обмена.",
        "report": "Получено сообщение о вашем родственнике; мы делимся им с вами.",
        "captured_on": "Дата пленения: {date}.",
        "place_of_detention": "Место содержания: {place}.",
    },
    "hy": {
        "status": "Կարգավիճակ՝ {label}",
        "exchange_listed": "Ձեր հարազատը ընդգրկվել է համաձայնեցված փոխանակման ցուցակում։",
        "report": "Ձեր հարազատի մասին տեղեկություն է ստացվել, և մենք այն փոխանցում ենք ձեզ։",
        "captured_on": "Գերեվարման ամսաթիվը՝ {date}։",
        "place_of_detention": "Պահման վայրը՝ {place}։",
    },
}

PAGE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Your relatives' cases",
        "intro": "Here you see what we know and may share about your relative, "
        "and every update we have sent you.",
        "no_cases": "No case is linked to your account yet. Your caseworker links it "
        "once your relationship is confirmed.",
        "case_number": "Case number",
        "status": "Status",
        "since": "since",
        "caseworker": "Your caseworker",
        "phone": "Phone",
        "updates": "Updates",
        "no_updates": "No updates yet.",
        "messages": "Messages we sent you",
        "no_messages": "We have not sent you any message yet.",
        "forbidden_title": "This page is for families",
        "forbidden": "The family portal needs a family member's account. "
        "Staff work in the case registry.",
    },
    "ru": {
        "title": "Дела ваших родственников",
        "intro": "Здесь вы видите, что нам известно и чем мы можем поделиться о вашем "
        "родственнике, и все сообщения, которые мы вам отправили.",
        "no_cases": "К вашей учётной записи пока не привязано ни одно дело. Сотрудник "
        "привяжет его, когда ваше родство будет подтверждено.",
        "case_number": "Номер дела",
        "status": "Статус",
        "since": "с",
        "caseworker": "Ваш сотрудник",
        "phone": "Телефон",
        "updates": "Новости",
        "no_updates": "Новостей пока нет.",
        "messages": "Сообщения, которые мы вам отправили",
        "no_messages": "Мы пока не отправляли вам сообщений.",
        "forbidden_title": "Эта страница для семей",
        "forbidden": "Для семейного портала нужна учётная запись члена семьи. "
        "Сотрудники работают в реестре дел.",
    },
    "hy": {
        "title": "Ձեր հարազատների գործերը",
        "intro": "Այստեղ տեսնում եք այն, ինչ մենք գիտենք և կարող ենք կիսվել ձեր "
        "հարազատի մասին, և մեր ուղարկած բոլոր հաղորդագրությունները։",
        "no_cases": "Ձեր հաշվին դեռ ոչ մի գործ կապված չէ։ Աշխատակիցը կկապի այն, "
        "երբ ձեր ազգակցությունը հաստատվի։",
        "case_number": "Գործի համար",
        "status": "Կարգավիճակ",
        "since": "սկսած",
        "caseworker": "Ձեր գործը վարող աշխատակիցը",
        "phone": "Հեռախոս",
        "updates": "Թարմացումներ",
        "no_updates": "Թարմացումներ դեռ չկան։",
        "messages": "Ձեզ ուղարկված հաղորդագրությունները",
        "no_messages": "Մենք դեռ ձեզ հաղորդագրություն չենք ուղարկել։",
        "forbidden_title": "Այս էջը ընտանիքների համար է",
        "forbidden": "Ընտանեկան պորտալի համար անհրաժեշտ է ընտանիքի անդամի հաշիվ։ "
        "Աշխատակիցներն աշխատում են գործերի ռեգիստրում։",
    },
}

# A message's delivery state, as the relative reads it.
DELIVERY_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "pending": "being sent",
        "sending": "being sent",
        "sent": "sent",
        "failed": "not delivered",
    },
    "ru": {
        "pending": "отправляется",
        "sending": "отправляется",
        "sent": "отправлено",
        "failed": "не доставлено",
    },
    "hy": {
        "pending": "ուղարկվում է",
        "sending": "ուղարկվում է",
        "sent": "ուղարկված է",
        "failed": "չի առաքվել",
    },
}

HOTLINE_NAME: dict[str, str] = {
    "en": "The hotline",
    "ru": "Горячая линия",
    "hy": "Թեժ գիծ",
}


def _lang(language: str) -> str:
    return language if language in MESSAGE_LANGUAGES else "en"


def update_words(language: str) -> dict[str, str]:
    return UPDATE_WORDS[_lang(language)]


def page_words(language: str) -> dict[str, str]:
    return PAGE_WORDS[_lang(language)]


def delivery_words(language: str) -> dict[str, str]:
    return DELIVERY_WORDS[_lang(language)]


def hotline_name(language: str) -> str:
    return HOTLINE_NAME[_lang(language)]


def report_sentence(language: str, *, captured_on: Any, place_of_detention: str) -> str:
    """A shared capture report in plain words: what was reported, never by whom."""
    words = update_words(language)
    parts = [words["report"]]
    if captured_on:
        parts.append(words["captured_on"].format(date=captured_on.isoformat()))
    if place_of_detention:
        parts.append(words["place_of_detention"].format(place=place_of_detention))
    return " ".join(parts)


# --- Accepting an invitation -----------------------------------------------------------

INVITATION_REFUSALS: dict[str, dict[str, str]] = {
    "en": {
        "unknown": "This invitation link is not valid. Check that you opened the whole link.",
        "used": "This invitation was already used. Log in with the username you chose.",
        "superseded": "A newer invitation was sent to you; use the link in the latest email.",
        "expired": "This invitation has expired. Ask your caseworker to send a new one.",
    },
    "ru": {
        "unknown": "Эта ссылка-приглашение недействительна. Проверьте, что открыли её целиком.",
        "used": "Это приглашение уже использовано. Войдите с выбранным именем пользователя.",
        "superseded": "Вам отправлено более новое приглашение; откройте ссылку из последнего "
        "письма.",
        "expired": "Срок приглашения истёк. Попросите сотрудника отправить новое.",
    },
    "hy": {
        "unknown": "Հրավերի այս հղումը վավեր չէ։ Ստուգեք, որ բացել եք ամբողջ հղումը։",
        "used": "Այս հրավերն արդեն օգտագործվել է։ Մուտք գործեք ձեր ընտրած օգտանունով։",
        "superseded": "Ձեզ ավելի նոր հրավեր է ուղարկվել. օգտվեք վերջին նամակի հղումից։",
        "expired": "Հրավերի ժամկետը լրացել է։ Խնդրեք աշխատակցին ուղարկել նորը։",
    },
}

ACCEPT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Create your account",
        "intro": "Choose a username and a password. You will use them to log in to the "
        "family portal.",
        "username": "Username",
        "password": "Password",
        "password2": "Password again",
        "password_help": "At least 8 characters; not only digits; not a common password.",
        "submit": "Create my account",
        "mismatch": "The two passwords are not the same.",
        "throttled": "Too many attempts. Wait a minute and try again.",
        "login": "Log in",
    },
    "ru": {
        "title": "Создайте учётную запись",
        "intro": "Выберите имя пользователя и пароль. С ними вы будете входить на семейный портал.",
        "username": "Имя пользователя",
        "password": "Пароль",
        "password2": "Пароль ещё раз",
        "password_help": "Не менее 8 символов; не только цифры; не распространённый пароль.",
        "submit": "Создать учётную запись",
        "mismatch": "Пароли не совпадают.",
        "throttled": "Слишком много попыток. Подождите минуту и попробуйте снова.",
        "login": "Войти",
    },
    "hy": {
        "title": "Ստեղծեք ձեր հաշիվը",
        "intro": "Ընտրեք օգտանուն և գաղտնաբառ։ Դրանցով կմտնեք ընտանեկան պորտալ։",
        "username": "Օգտանուն",
        "password": "Գաղտնաբառ",
        "password2": "Գաղտնաբառը կրկին",
        "password_help": "Առնվազն 8 նիշ, ոչ միայն թվեր, ոչ տարածված գաղտնաբառ։",
        "submit": "Ստեղծել հաշիվը",
        "mismatch": "Գաղտնաբառերը չեն համընկնում։",
        "throttled": "Չափազանց շատ փորձեր։ Սպասեք մեկ րոպե և նորից փորձեք։",
        "login": "Մուտք",
    },
}


def refusal_message(code: str, language: str) -> str:
    return INVITATION_REFUSALS[_lang(language)][code]


def accept_words(language: str) -> dict[str, str]:
    return {**ACCEPT_WORDS[_lang(language)], **INVITATION_REFUSALS[_lang(language)]}
