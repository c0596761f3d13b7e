"""API tokens: one per login, stored only as a digest, with an expiry, and
bound to the password they were issued under.

knox (django-rest-knox) keeps the digest, the expiry and the lookup;
`password_stamp` is ours: Django's session-auth hash of the user at issue
time. When the password changes by any road (the admin, createstaff, a reset),
the stamp no longer matches and every token issued before is refused, as
Django logs out every session on a password change.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken
from knox.settings import CONSTANTS


class ApiToken(AbstractAuthToken):
    # knox's own fields, restated as knox declares them only to give each a
    # name the admin shows in the reader's language.
    digest = models.CharField(
        max_length=CONSTANTS.DIGEST_LENGTH, primary_key=True, verbose_name=_("Digest")
    )
    token_key = models.CharField(
        max_length=CONSTANTS.MAXIMUM_TOKEN_PREFIX_LENGTH + CONSTANTS.TOKEN_KEY_LENGTH,
        db_index=True,
        verbose_name=_("Token prefix"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="auth_token_set",
        on_delete=models.CASCADE,
        verbose_name=_("User"),
    )
    created = models.DateTimeField(auto_now_add=True, verbose_name=_("Issued at"))
    expiry = models.DateTimeField(null=True, blank=True, verbose_name=_("Expires at"))
    password_stamp = models.CharField(
        max_length=128, editable=False, verbose_name=_("Password stamp")
    )

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
