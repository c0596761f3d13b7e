"""The bureau's audit records: every document that leaves the system, and
every time a person opened a case. Both are append-only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("By whom"),
    )
    # Kept apart from the account, which may be renamed or removed.
    actor_username = models.CharField(max_length=150, verbose_name=_("Username"))
    at = models.DateTimeField(db_index=True, verbose_name=_("When"))
    kind = models.CharField(
        max_length=30, choices=ExportKind.choices, verbose_name=pgettext_lazy("export", "Kind")
    )
    parameters = models.JSONField(default=dict, blank=True, verbose_name=_("Parameters"))
    case = models.ForeignKey(
        MissingPerson,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Case"),
    )
    filename = models.CharField(max_length=200, verbose_name=_("File name"))
    size = models.PositiveBigIntegerField(verbose_name=_("Size (bytes)"))
    sha256 = models.CharField(max_length=64, verbose_name=_("SHA-256"))

    class Meta:
        verbose_name = _("export record")
        verbose_name_plural = _("export records")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.filename}"


class AccessVia(models.TextChoices):
    API = "api", _("API")
    PAGE = "page", _("Workspace page")
    ADMIN = "admin", _("Admin")


class CaseAccess(models.Model):
    """A person opened a case. Written in bulk, one INSERT per request."""

    case = models.ForeignKey(
        MissingPerson, on_delete=models.CASCADE, related_name="+", verbose_name=_("Case")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("User")
    )
    at = models.DateTimeField(verbose_name=_("When"))
    via = models.CharField(max_length=10, choices=AccessVia.choices, verbose_name=_("Through"))
    path = models.CharField(max_length=200, blank=True, verbose_name=_("Page"))

    class Meta:
        verbose_name = _("access to a case")
        verbose_name_plural = _("accesses to cases")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["case", "-at"], name="caseaccess_by_case"),
            models.Index(fields=["user", "-at"], name="caseaccess_by_user"),
        ]

    def __str__(self) -> str:
        return f"case {self.case_id} by user {self.user_id}"
