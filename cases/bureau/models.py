"""The bureau's audit records: every document that leaves the system, and
every time a person opened a case. Both are append-only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.models import MissingPerson


class ExportKind(models.TextChoices):
    BUREAU_LIST_CSV = "bureau_list_csv", _("Bureau list (CSV)")
    BUREAU_LIST_XLSX = "bureau_list_xlsx", _("Bureau list (XLSX)")
    CAPTURE_CARD = "capture_card", _("Capture card (PDF)")
    DEATH_CERTIFICATE = "death_certificate", _("Death certificate (PDF)")
    PFIF = "pfif", _("PFIF 1.4 (XML)")


class ExportRecord(models.Model):
    """One document that went out: who, when, what, and the SHA-256 of the
    exact bytes (GC III Art. 122 wants communications signed or sealed)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept apart from the account, which may be renamed or removed.
    actor_username = models.CharField(max_length=150)
    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=30, choices=ExportKind.choices)
    parameters = models.JSONField(default=dict, blank=True)
    case = models.ForeignKey(
        MissingPerson, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(max_length=200)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.filename}"


class AccessVia(models.TextChoices):
    API = "api", _("API")
    PAGE = "page", _("Workspace page")
    ADMIN = "admin", _("Admin")


class CaseAccess(models.Model):
    """A person opened a case. Written in bulk, one INSERT per request."""

    case = models.ForeignKey(MissingPerson, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    via = models.CharField(max_length=10, choices=AccessVia.choices)
    path = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["case", "-at"], name="caseaccess_by_case"),
            models.Index(fields=["user", "-at"], name="caseaccess_by_user"),
        ]

    def __str__(self) -> str:
        return f"case {self.case_id} by user {self.user_id}"
