"""Forgotten passwords, for staff and relatives, with Django's own views.

The link goes to the address on the account (User.email): for a relative the
one their invitation reached, so it is known to be theirs; for staff the one
`createstaff` set. A relative reads the email and the pages in their own
language, whatever the browser says; staff read the language they chose.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation

from families.selectors import member_for_user


def reader_language(user: Any) -> str:
    """A relative's own language; anyone else reads the active one."""
    member = member_for_user(user)
    return member.language if member is not None else translation.get_language()


class ReaderLanguagePasswordResetForm(PasswordResetForm):
    def send_mail(self, *args: Any, **kwargs: Any) -> None:
        context = kwargs.get("context") or args[2]
        with translation.override(reader_language(context["user"])):
            super().send_mail(*args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ReaderLanguagePasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The page the emailed link opens: in the relative's language."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = self.get_user(kwargs["uidb64"])
        with translation.override(reader_language(user)):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):  # a TemplateResponse renders lazily
                response.render()
            return response
