"""A list that came in (ImportBatch) and each of its rows (ImportRow).

Models hold data and database-level rules only; every write goes through
cases/imports/services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cases.models import Exchange, MissingPerson, ReportSource, Verification


class Purpose(models.TextChoices):
    CAPTURE_REPORT = "capture_report", _("Capture reports")
    EXCHANGE_LISTING = "exchange_listing", _("Exchange list")


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    MATCHING = "matching", _("Matching")
    REVIEW = "review", _("Waiting for review")
    APPLYING = "applying", _("Applying")
    APPLIED = "applied", _("Applied")
    # The import stopped; a message not delivered is NotificationStatus's "Failed".
    FAILED = "failed", pgettext_lazy("import status", "Failed")


class NameOrder(models.TextChoices):
    FAMILY_FIRST = "family_first", _("Family name first")
    GIVEN_FIRST = "given_first", _("Given name first")


class RowState(models.TextChoices):
    PENDING = "pending", _("Not matched yet")
    MATCHED = "matched", _("Matched")
    AMBIGUOUS = "ambiguous", _("Ambiguous")
    NEW = "new", _("New")
    ERROR = "error", _("Error")
    SKIPPED = "skipped", _("Skipped")


class Action(models.TextChoices):
    MATCH = "match", _("Match to a case")
    NEW = "new", _("Open a new case")
    SKIP = "skip", _("Skip")


class ImportBatch(models.Model):
    file_name = models.CharField(max_length=255, verbose_name=_("File name"))
    file_kind = models.CharField(max_length=10, verbose_name=_("File type"))
    # The same file uploaded twice is recognised by its digest.
    sha256 = models.CharField(max_length=64, db_index=True, verbose_name=_("SHA-256"))
    source = models.CharField(max_length=20, choices=ReportSource.choices, verbose_name=_("Source"))
    purpose = models.CharField(max_length=20, choices=Purpose.choices, verbose_name=_("Purpose"))
    exchange = models.ForeignKey(
        Exchange,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="imports",
        verbose_name=_("Exchange"),
    )
    reported_on = models.DateField(null=True, blank=True, verbose_name=_("Reported on"))
    verification = models.CharField(
        max_length=20,
        choices=Verification.choices,
        default=Verification.UNVERIFIED,
        verbose_name=_("Verification"),
    )
    share_with_family = models.BooleanField(default=False, verbose_name=_("Share with the family"))
    name_order = models.CharField(
        max_length=20,
        choices=NameOrder.choices,
        default=NameOrder.FAMILY_FIRST,
        verbose_name=_("Name order"),
    )
    # The header as read, one unique label per column (an empty or repeated
    # header is labelled by its column letter); rows keep their cells in this order.
    header = models.JSONField(default=list, blank=True, verbose_name=_("Header"))
    # field -> {"index": column index, "header": the header as written}
    columns = models.JSONField(default=dict, blank=True, verbose_name=_("Columns"))
    status = models.CharField(
        max_length=20,
        choices=BatchStatus.choices,
        default=BatchStatus.QUEUED,
        db_index=True,
        verbose_name=_("Status"),
    )
    total = models.PositiveIntegerField(default=0, verbose_name=_("Rows"))
    done = models.PositiveIntegerField(default=0, verbose_name=_("Rows done"))
    matched = models.PositiveIntegerField(default=0, verbose_name=_("Matched"))
    new = models.PositiveIntegerField(default=0, verbose_name=_("New"))
    ambiguous = models.PositiveIntegerField(default=0, verbose_name=_("Ambiguous"))
    errors = models.PositiveIntegerField(default=0, verbose_name=_("Errors"))
    skipped = models.PositiveIntegerField(default=0, verbose_name=_("Skipped"))
    applied = models.PositiveIntegerField(default=0, verbose_name=_("Applied"))
    failure = models.CharField(max_length=500, blank=True, verbose_name=_("Failure"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    # When a task last moved this import on; the sweep restarts one that
    # stopped moving (its tasks lost with the broker, say).
    progress_at = models.DateTimeField(
        null=True, blank=True, db_index=True, verbose_name=_("Progress at")
    )
    reviewable_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("Ready for review at")
    )
    apply_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Apply requested by"),
    )
    apply_requested_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("Apply requested at")
    )
    applied_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Applied at"))

    class Meta:
        verbose_name = _("list import")
        verbose_name_plural = _("list imports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sha256", "purpose"],
                condition=~Q(status="failed"),
                name="one_import_per_file_and_purpose",
            ),
            models.CheckConstraint(
                condition=Q(status__in=BatchStatus.values), name="importbatch_status_valid"
            ),
        ]

    def __str__(self) -> str:
        # No names: this string ends up in logs.
        return f"import #{self.pk}"


class ImportRow(models.Model):
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.CASCADE, related_name="rows", verbose_name=_("Import")
    )
    line = models.PositiveIntegerField(verbose_name=_("Line"))
    # The row as read, one text per column of the batch's header.
    cells = models.JSONField(default=list, verbose_name=_("Cells"))
    # The row as understood (names, dates), written by matching.
    data = models.JSONField(default=dict, blank=True, verbose_name=_("Data"))
    # What matching concluded; `state` is the same unless the row is skipped.
    outcome = models.CharField(
        max_length=20, choices=RowState.choices, default=RowState.PENDING, verbose_name=_("Outcome")
    )
    state = models.CharField(
        max_length=20, choices=RowState.choices, default=RowState.PENDING, verbose_name=_("State")
    )
    candidates = models.JSONField(default=list, blank=True, verbose_name=_("Candidates"))
    error = models.TextField(blank=True, verbose_name=_("Error"))
    decision_action = models.CharField(
        max_length=10, choices=Action.choices, blank=True, verbose_name=_("Decision")
    )
    decision_case = models.ForeignKey(
        MissingPerson,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Case decided on"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Decided by"),
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Decided at"))
    applied_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Applied at"))
    applied_case = models.ForeignKey(
        MissingPerson,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Case applied to"),
    )
    # The capture report or the exchange listing this row made.
    applied_object_id = models.PositiveBigIntegerField(
        null=True, blank=True, verbose_name=_("Object made (id)")
    )
    apply_error = models.TextField(blank=True, verbose_name=_("Error when applying"))

    class Meta:
        verbose_name = _("import row")
        verbose_name_plural = _("import rows")
        ordering = ["batch", "line"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "line"], name="one_import_row_per_line"),
        ]
        indexes = [models.Index(fields=["batch", "state", "line"], name="importrow_by_state")]

    def __str__(self) -> str:
        return f"import #{self.batch_id} line {self.line}"


class PfifRecord(models.Model):
    """A PFIF record (person or note) once applied, and what it became: a
    person record links to its case (and the capture report it made), a note
    record to the timeline note it made. The same record in a later file
    links to the same case and is never applied twice."""

    record_id = models.CharField(max_length=500, unique=True, verbose_name=_("PFIF record id"))
    case = models.ForeignKey(
        MissingPerson, on_delete=models.PROTECT, related_name="+", verbose_name=_("Case")
    )
    made_object_id = models.PositiveBigIntegerField(
        null=True, blank=True, verbose_name=_("Object made (id)")
    )
    batch = models.ForeignKey(
        ImportBatch,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Import"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("PFIF record")
        verbose_name_plural = _("PFIF records")

    def __str__(self) -> str:
        return f"PFIF record #{self.pk}"
