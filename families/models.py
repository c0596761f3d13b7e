"""Relatives and what they are told.

A FamilyMember is linked to cases through FamilyLink; only verified links
let news through. Notification is one message (event x relative x channel),
unique together so that fan-out can run twice without doubling anything;
DeliveryAttempt records every try.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from cases.models import CaseEvent, MissingPerson


class Language(models.TextChoices):
    HY = "hy", "Հայերեն"
    RU = "ru", "Русский"
    EN = "en", "English"


class Channel(models.TextChoices):
    # "Email" alone is Django's (contrib.auth, read before ours): the context makes it ours.
    EMAIL = "email", pgettext_lazy("channel", "Email")
    SMS = "sms", _("SMS")
    WEBHOOK = "webhook", _("Webhook")


class Relationship(models.TextChoices):
    MOTHER = "mother", _("Mother")
    FATHER = "father", _("Father")
    SPOUSE = "spouse", _("Spouse")
    CHILD = "child", _("Child")
    SIBLING = "sibling", _("Sibling")
    GRANDPARENT = "grandparent", _("Grandparent")
    OTHER = "other", _("Other relative")


class FamilyMember(models.Model):
    full_name = models.CharField(max_length=300, verbose_name=_("Full name"))
    email = models.EmailField(blank=True, verbose_name=pgettext_lazy("email address", "Email"))
    phone = models.CharField(max_length=40, blank=True, verbose_name=_("Phone"))
    language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.HY, verbose_name=_("Language")
    )
    # The channels the relative wants news on (subset of Channel values).
    channels = models.JSONField(default=list, blank=True, verbose_name=_("Send news by"))
    # Channels the relative switched off through the opt-out link.
    opted_out = models.JSONField(default=list, blank=True, verbose_name=_("Opted out"))
    webhook_url = models.URLField(blank=True, max_length=500, verbose_name=_("Webhook URL"))
    webhook_secret = models.CharField(max_length=128, blank=True, verbose_name=_("Webhook secret"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="family_member",
        verbose_name=_("Account"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated at"))

    history = HistoricalRecords(excluded_fields=["updated_at", "webhook_secret"])

    class Meta:
        verbose_name = _("relative")
        verbose_name_plural = _("relatives")
        ordering = ["full_name", "id"]

    def __str__(self) -> str:
        # No name: this string ends up in logs.
        return f"relative #{self.pk}"

    def active_channels(self) -> list[str]:
        return [c for c in self.channels if c not in self.opted_out]


class FamilyLink(models.Model):
    member = models.ForeignKey(
        FamilyMember, on_delete=models.CASCADE, related_name="links", verbose_name=_("Relative")
    )
    case = models.ForeignKey(
        MissingPerson, on_delete=models.CASCADE, related_name="family_links", verbose_name=_("Case")
    )
    relationship = models.CharField(
        max_length=20, choices=Relationship.choices, verbose_name=_("Relationship")
    )
    verified = models.BooleanField(default=False, verbose_name=_("Verified"))
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Verified by"),
    )
    verified_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Verified at"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("link to a case")
        verbose_name_plural = _("links to cases")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "case"], name="one_link_per_member_case"),
        ]
        indexes = [
            models.Index(fields=["case"], condition=Q(verified=True), name="familylink_verified"),
        ]

    def __str__(self) -> str:
        return f"link #{self.pk}"


class Invitation(models.Model):
    """A one-time, expiring invitation. Only the token's SHA-256 is stored."""

    member = models.ForeignKey(FamilyMember, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"invitation #{self.pk}"


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    # Not delivered after every retry (GLOSSARY: "not delivered"); an import that
    # failed is BatchStatus's "Failed".
    FAILED = "failed", pgettext_lazy("message status", "Failed")
    # Withdrawn before sending (the relative's link was no longer verified):
    # never sent, not a failure to follow up.
    CANCELLED = "cancelled", pgettext_lazy("message status", "Cancelled")


class Notification(models.Model):
    event = models.ForeignKey(
        CaseEvent, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("Event")
    )
    member = models.ForeignKey(
        FamilyMember,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("Relative"),
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, verbose_name=_("Channel"))
    language = models.CharField(max_length=2, choices=Language.choices, verbose_name=_("Language"))
    subject = models.CharField(max_length=300, blank=True, verbose_name=_("Subject"))
    body_text = models.TextField(verbose_name=_("Text"))
    body_html = models.TextField(blank=True, verbose_name=_("HTML"))
    status = models.CharField(
        max_length=10,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
        verbose_name=_("Status"),
    )
    attempts = models.PositiveIntegerField(default=0, verbose_name=_("Attempts"))
    last_error = models.TextField(blank=True, verbose_name=_("Last error"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    claimed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Claimed at"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Sent at"))

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "member", "channel"],
                name="one_notification_per_event_member_channel",
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "claimed_at"],
                condition=Q(status__in=["pending", "sending"]),
                name="notification_unfinished",
            ),
            models.Index(fields=["member", "-created_at"], name="notification_member_recent"),
        ]

    def __str__(self) -> str:
        return f"notification #{self.pk} ({self.channel}, {self.status})"


class AttemptOutcome(models.TextChoices):
    SENT = "sent", _("Sent")
    TRANSIENT_ERROR = "transient_error", _("Temporary error")
    PERMANENT_ERROR = "permanent_error", _("Permanent error")


class DeliveryAttempt(models.Model):
    notification = models.ForeignKey(
        Notification,
        on_delete=models.CASCADE,
        related_name="delivery_attempts",
        verbose_name=_("Notification"),
    )
    started_at = models.DateTimeField(verbose_name=_("Started at"))
    duration_ms = models.PositiveIntegerField(verbose_name=_("Duration (ms)"))
    outcome = models.CharField(
        max_length=20, choices=AttemptOutcome.choices, verbose_name=_("Outcome")
    )
    error = models.TextField(blank=True, verbose_name=_("Error"))
    provider_message_id = models.CharField(
        max_length=200, blank=True, verbose_name=_("Provider's message id")
    )

    class Meta:
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")
        ordering = ["started_at", "id"]

    def __str__(self) -> str:
        return f"attempt #{self.pk} ({self.outcome})"


class FamilyEnquiry(models.Model):
    """What a relative sent through the portal about their case (a question,
    or information they have). It waits for a caseworker's answer; Today
    shows those unanswered past FAMILY_ENQUIRY_ANSWER_HOURS."""

    member = models.ForeignKey(FamilyMember, on_delete=models.PROTECT, related_name="enquiries")
    case = models.ForeignKey(MissingPerson, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(max_length=2000)
    submitted_at = models.DateTimeField()
    answer = models.TextField(blank=True, max_length=2000)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(
                fields=["submitted_at"],
                condition=models.Q(answered_at__isnull=True),
                name="familyenquiry_unanswered",
            ),
        ]

    def __str__(self) -> str:
        return f"enquiry #{self.pk}"
