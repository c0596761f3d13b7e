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
from knox.models import AbstractAuthToken


class ApiToken(AbstractAuthToken):
    password_stamp = models.CharField(max_length=128, editable=False)

    class Meta:
        verbose_name = "API token"
        ordering = ["-created"]

    def __str__(self) -> str:
        # The first characters only: enough to tell tokens apart, useless to log in.
        return f"{self.token_key[:8]}… of {self.user}"
