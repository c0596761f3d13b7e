"""API tokens: one per login, stored only as a digest, with an expiry, and
bound to the password they were issued under.

knox (django-rest-knox) keeps the digest, the expiry and the lookup;
`password_stamp` is ours: Django's session-auth hash of the user at issue
time. When the password changes by any road (the admin, createstaff, a reset),
the stamp no longer matches and every token issued before is refused, as
Django logs out every session on a password change.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken


class ApiToken(AbstractAuthToken):
    password_stamp = models.CharField(max_length=128, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created"]

    # How the API and the logs name a token: the start of its digest, which
    # tells tokens apart and, unlike the token's own first characters, gives
    # nothing towards guessing it.
    REFERENCE_LENGTH = 16

    @property
    def reference(self) -> str:
        return self.digest[: self.REFERENCE_LENGTH]

    def __str__(self) -> str:
        return f"token {self.reference} of {self.user}"
