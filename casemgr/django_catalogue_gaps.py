"""Django's own messages that its Armenian catalogue leaves in English.

Django 5.2's hy catalogue has the password-length message under an older
msgid (%(min_length)d where Django now says %d), and no translation of the
username rule nor of three password rules' help texts, so an Armenian
relative choosing a password read English. These are Django's exact msgids,
marked here so that makemessages keeps them in the project catalogue
(locale/), which LOCALE_PATHS puts before Django's.
tests/i18n/test_account_pages_language.py checks that they come out Armenian.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_MESSAGES = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    ),
    # The password rules as help texts (the admin's password forms show them).
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop(
        "Enter a valid username. This value may contain only letters, numbers, and "
        "@/./+/-/_ characters."
    ),
)
