"""The registry: one MissingPerson per case, the reports about them, the
exchanges they are part of, and CaseEvent, which is both the timeline and the
outbox that notifications are made from.

Models hold data and database-level rules only; every write goes through
cases/services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from cases.status import Status

NAME_MAX = 150
PLACE_MAX = 200


class StaffProfile(models.Model):
    """What families need to reach their caseworker: shown in every message."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("User"),
    )
    phone = models.CharField(max_length=40, blank=True, verbose_name=_("Phone"))

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self) -> str:
        return f"profile of {self.user}"


class CaseNumberCounter(models.Model):
    """Per-year counter behind case numbers like MP-2020-00042.

    A row lock on the year's counter hands out numbers without gaps or repeats
    even when many caseworkers open cases at once.
    """

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class LegalStatus(models.TextChoices):
    """The legal status claimed for a detained person. Kept apart from the
    case's status (the fact of detention), since the detaining side disputes
    it: provenance says who claims which."""

    UNKNOWN = "unknown", _("Unknown")
    PRISONER_OF_WAR = "prisoner_of_war", _("Prisoner of war")
    CIVILIAN_INTERNEE = "civilian_internee", _("Civilian internee")
    DETAINED_ON_CRIMINAL_CHARGES = (
        "detained_on_criminal_charges",
        _("Detained on criminal charges (as the detaining side says)"),
    )


class MissingPerson(models.Model):
    case_number = models.CharField(
        max_length=20, unique=True, editable=False, verbose_name=_("Case number")
    )
    given_name = models.CharField(max_length=NAME_MAX, verbose_name=_("Given name"))
    family_name = models.CharField(max_length=NAME_MAX, verbose_name=_("Family name"))
    patronymic = models.CharField(
        max_length=NAME_MAX,
        blank=True,
        help_text=_("Father's first name."),
        verbose_name=_("Patronymic"),
    )
    name_native = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("The full name in the person's own script."),
        verbose_name=_("Name in own script"),
    )
    father_first_name = models.CharField(
        max_length=NAME_MAX,
        blank=True,
        help_text=_("The father's first name, where it differs from the patronymic's form."),
        verbose_name=_("Father's first name"),
    )
    mother_maiden_name = models.CharField(
        max_length=NAME_MAX, blank=True, verbose_name=_("Mother's maiden name")
    )
    sex = models.CharField(max_length=10, choices=Sex.choices, blank=True, verbose_name=_("Sex"))
    citizenship = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("The Power on which the person depends."),
        verbose_name=_("Citizenship"),
    )
    legal_status = models.CharField(
        max_length=30,
        choices=LegalStatus.choices,
        default=LegalStatus.UNKNOWN,
        help_text=_("The legal status claimed; apart from the status of the case."),
        verbose_name=_("Legal status"),
    )
    date_of_birth = models.DateField(null=True, blank=True, verbose_name=_("Date of birth"))
    place_of_birth = models.CharField(
        max_length=PLACE_MAX, blank=True, verbose_name=_("Place of birth")
    )
    service_number = models.CharField(  # noqa: DJ001
        max_length=40, null=True, blank=True, verbose_name=_("Service number")
    )
    rank = models.CharField(max_length=80, blank=True, verbose_name=_("Rank"))
    unit = models.CharField(max_length=200, blank=True, verbose_name=_("Unit"))
    last_seen_date = models.DateField(null=True, blank=True, verbose_name=_("Last seen on"))
    last_seen_place = models.CharField(
        max_length=PLACE_MAX, blank=True, verbose_name=_("Last seen at")
    )
    circumstances = models.TextField(blank=True, max_length=10_000, verbose_name=_("Circumstances"))
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.MISSING,
        db_index=True,
        verbose_name=_("Status"),
    )
    status_changed_at = models.DateTimeField(verbose_name=_("Status changed at"))
    closed_reason = models.CharField(
        max_length=500, blank=True, verbose_name=_("Reason for closing")
    )
    # The family has been told of a death in person; until then the portal
    # says only that their caseworker will contact them.
    family_told_in_person_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("Family told in person at")
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
        verbose_name=_("Caseworker"),
    )
    # Who told us each fact and when: {field: {"source", "detail", "on", "by",
    # "at"}}, the latest per field, written by the services; the history
    # table keeps every earlier value.
    provenance = models.JSONField(default=dict, blank=True, verbose_name=_("Provenance"))
    # This case may leave the system in the public PFIF feed (so may every
    # case whose status is in settings.PFIF_PUBLIC_STATUSES).
    pfif_public = models.BooleanField(default=False, verbose_name=_("Public in PFIF"))
    # Set by the retention command when a closed case's personal data was removed.
    personal_data_removed_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("Personal data removed at")
    )
    version = models.PositiveIntegerField(default=1, verbose_name=_("Version"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated at"))

    # updated_at is kept too: the public PFIF feed sends a case whose death
    # is not yet told in person as its record last stood, stamp included
    # (cases.bureau.selectors.pfif_public_cases).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("missing person")
        verbose_name_plural = _("missing persons")
        ordering = ["case_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_number"],
                condition=Q(service_number__isnull=False) & ~Q(service_number=""),
                name="unique_service_number_when_present",
                # code "unique" puts the error on the field (Model.validate_constraints).
                violation_error_code="unique",
                violation_error_message="Another case already has this service number.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="missingperson_status_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["family_name", "given_name"]),
            models.Index(fields=["status", "status_changed_at"]),
            # Matching and the API's ?service_number= look a number up in any
            # case (iexact, UPPER(...) = UPPER(...)): without this index every
            # lookup read the whole registry (bench/README.md, list imports).
            models.Index(Upper("service_number"), name="missingperson_service_upper"),
        ]

    def __str__(self) -> str:
        # Case number only: this string ends up in logs.
        return self.case_number

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_name, self.patronymic, self.family_name) if p)


class ReportSource(models.TextChoices):
    ICRC = "icrc", _("ICRC")
    DETAINING_POWER = "detaining_power", _("Detaining power")
    OMBUDSMAN = "ombudsman", _("Ombudsman")
    GOVERNMENT = "government", _("Government")
    MEDIA = "media", _("Media (video, photo, article)")
    WITNESS = "witness", _("Witness")
    FAMILY = "family", _("Family")
    # "Other" is also a script (NameScript): a context each, so each is translated for its noun.
    OTHER = "other", pgettext_lazy("source", "Other")


class Verification(models.TextChoices):
    UNVERIFIED = "unverified", _("Unverified")
    CORROBORATED = "corroborated", _("Corroborated")
    # A report found true; a status change a supervisor confirmed is TransitionState's.
    CONFIRMED = "confirmed", pgettext_lazy("verification", "Confirmed")
    REFUTED = "refuted", _("Refuted")


class CaptureReport(models.Model):
    """A capture card (Third Geneva Convention, Art. 70, Annex IV) plus where it
    came from and how far it is verified. May stand without a case until
    matching links it."""

    case = models.ForeignKey(
        MissingPerson,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="capture_reports",
        verbose_name=_("Case"),
    )
    source = models.CharField(max_length=20, choices=ReportSource.choices, verbose_name=_("Source"))
    source_detail = models.CharField(max_length=500, blank=True, verbose_name=_("Source details"))
    reported_on = models.DateField(verbose_name=_("Reported on"))
    captured_on = models.DateField(null=True, blank=True, verbose_name=_("Captured on"))
    place_of_capture = models.CharField(
        max_length=PLACE_MAX, blank=True, verbose_name=_("Place of capture")
    )
    place_of_detention = models.CharField(
        max_length=PLACE_MAX, blank=True, verbose_name=_("Place of detention")
    )
    health = models.CharField(max_length=500, blank=True, verbose_name=_("State of health"))
    name_as_reported = models.CharField(max_length=300, verbose_name=_("Name as reported"))
    patronymic_as_reported = models.CharField(
        max_length=NAME_MAX, blank=True, verbose_name=_("Patronymic as reported")
    )
    date_of_birth_as_reported = models.DateField(
        null=True, blank=True, verbose_name=_("Date of birth as reported")
    )
    place_of_birth_as_reported = models.CharField(
        max_length=PLACE_MAX, blank=True, verbose_name=_("Place of birth as reported")
    )
    rank_as_reported = models.CharField(
        max_length=80, blank=True, verbose_name=_("Rank as reported")
    )
    service_number_as_reported = models.CharField(
        max_length=40, blank=True, verbose_name=_("Service number as reported")
    )
    verification = models.CharField(
        max_length=20,
        choices=Verification.choices,
        default=Verification.UNVERIFIED,
        verbose_name=_("Verification"),
    )
    share_with_family = models.BooleanField(default=False, verbose_name=_("Share with the family"))
    notes = models.TextField(blank=True, max_length=10_000, verbose_name=_("Notes"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated at"))

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("capture report")
        verbose_name_plural = _("capture reports")
        ordering = ["-reported_on", "-id"]
        indexes = [models.Index(fields=["service_number_as_reported"])]

    def __str__(self) -> str:
        return f"capture report #{self.pk}"


# What people write on a case and on a capture report: the one list of each,
# read by the services (which refuse anything else), the API's serializers,
# the admin's forms and the tests. Everything else on these rows is the
# system's (status, version, numbers, times).
CASE_EDITABLE_FIELDS = (
    "given_name",
    "family_name",
    "patronymic",
    "name_native",
    "father_first_name",
    "mother_maiden_name",
    "sex",
    "citizenship",
    "legal_status",
    "date_of_birth",
    "place_of_birth",
    "service_number",
    "rank",
    "unit",
    "last_seen_date",
    "last_seen_place",
    "circumstances",
    "caseworker",
    "pfif_public",
)
REPORT_FIELDS = (
    "case",
    "source",
    "source_detail",
    "reported_on",
    "captured_on",
    "place_of_capture",
    "place_of_detention",
    "health",
    "name_as_reported",
    "patronymic_as_reported",
    "date_of_birth_as_reported",
    "place_of_birth_as_reported",
    "rank_as_reported",
    "service_number_as_reported",
    "verification",
    "share_with_family",
    "notes",
)


class ExchangePrinciple(models.TextChoices):
    ALL_FOR_ALL = "all_for_all", _("All for all")
    NEGOTIATED_LIST = "negotiated_list", _("Negotiated list")


class ExchangeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    COMPLETED = "completed", _("Completed")
    # An exchange called off; a message withdrawn is NotificationStatus's "Cancelled".
    CANCELLED = "cancelled", pgettext_lazy("exchange status", "Cancelled")


class Exchange(models.Model):
    name = models.CharField(max_length=200, verbose_name=pgettext_lazy("exchange", "Name"))
    principle = models.CharField(
        max_length=20,
        choices=ExchangePrinciple.choices,
        default=ExchangePrinciple.ALL_FOR_ALL,
        verbose_name=_("Principle"),
    )
    scheduled_for = models.DateField(null=True, blank=True, verbose_name=_("Scheduled for"))
    place = models.CharField(max_length=PLACE_MAX, blank=True, verbose_name=_("Place"))
    mediator = models.CharField(max_length=200, blank=True, verbose_name=_("Mediator"))
    status = models.CharField(
        max_length=20,
        choices=ExchangeStatus.choices,
        default=ExchangeStatus.PLANNED,
        verbose_name=_("Status"),
    )
    completed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Completed at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated at"))

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["-scheduled_for", "-id"]

    def __str__(self) -> str:
        return self.name


class ListingOutcome(models.TextChoices):
    LISTED = "listed", _("Listed")
    EXCHANGED = "exchanged", _("Exchanged")
    NOT_RELEASED = "not_released", _("Not released")


class ExchangeListing(models.Model):
    exchange = models.ForeignKey(
        Exchange, on_delete=models.CASCADE, related_name="listings", verbose_name=_("Exchange")
    )
    case = models.ForeignKey(
        MissingPerson, on_delete=models.PROTECT, related_name="listings", verbose_name=_("Case")
    )
    outcome = models.CharField(
        max_length=20,
        choices=ListingOutcome.choices,
        default=ListingOutcome.LISTED,
        verbose_name=_("Outcome"),
    )
    listed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Listed by"),
    )
    listed_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Listed at"))

    class Meta:
        verbose_name = _("listing on an exchange")
        verbose_name_plural = _("listings on exchanges")
        ordering = ["listed_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["exchange", "case"], name="one_listing_per_case"),
        ]

    def __str__(self) -> str:
        return f"listing #{self.pk}"


class EventKind(models.TextChoices):
    OPENED = "opened", _("Case opened")
    UPDATED = "updated", _("Details updated")
    STATUS_CHANGED = "status_changed", _("Status changed")
    TRANSITION_REQUESTED = "transition_requested", _("Status change requested")
    TRANSITION_REJECTED = "transition_rejected", _("Status change rejected")
    CAPTURE_REPORT_ADDED = "capture_report_added", _("Capture report added")
    CAPTURE_REPORT_UPDATED = "capture_report_updated", _("Capture report updated")
    EXCHANGE_LISTED = "exchange_listed", _("Put on an exchange list")
    NOTE = "note", _("Note")
    FAMILY_TOLD = "family_told", _("Family told in person")
    DETENTION_EVENT = "detention_event", _("Detention event recorded")
    PERSONAL_DATA_REMOVED = "personal_data_removed", _("Personal data removed (retention)")
    FAMILY_ENQUIRY = "family_enquiry", _("Enquiry from a relative")
    SPELLING_ADDED = "spelling_added", _("Spelling of the name added")


# The events that move a case to another status (data["to"]): an applied
# move, never a request (a sensitive move writes one when it is confirmed).
STATUS_MOVE_KINDS = frozenset({EventKind.STATUS_CHANGED, EventKind.EXCHANGE_LISTED})


class CaseEvent(models.Model):
    """One thing that happened to a case: the timeline, and the outbox.

    `dispatched` is false until every consumer named in CASE_EVENT_CONSUMERS
    has taken the event; the sweep finds the rest through the partial index.
    """

    case = models.ForeignKey(
        MissingPerson, on_delete=models.CASCADE, related_name="events", verbose_name=_("Case")
    )
    kind = models.CharField(
        max_length=30, choices=EventKind.choices, verbose_name=pgettext_lazy("event", "Kind")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("By whom"),
    )
    at = models.DateTimeField(db_index=True, verbose_name=_("When"))
    family_visible = models.BooleanField(default=False, verbose_name=_("Visible to the family"))
    summary = models.CharField(
        max_length=500, verbose_name=pgettext_lazy("timeline event", "Summary")
    )
    data = models.JSONField(default=dict, blank=True, verbose_name=_("Data"))
    dispatched = models.BooleanField(default=False, verbose_name=_("Dispatched"))
    dispatched_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Dispatched at"))

    class Meta:
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["case", "-at", "-id"], name="caseevent_timeline"),
            models.Index(
                fields=["at"], condition=Q(dispatched=False), name="caseevent_undispatched"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on case {self.case_id}"


class TransitionState(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    # A supervisor said yes; a report found true is Verification's "Confirmed".
    CONFIRMED = "confirmed", pgettext_lazy("status change", "Confirmed")
    REJECTED = "rejected", _("Rejected")
    SUPERSEDED = "superseded", _("Superseded")


class PendingTransition(models.Model):
    """A sensitive move waiting for a second person (a supervisor, not the asker)."""

    case = models.ForeignKey(
        MissingPerson, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("Case")
    )
    from_status = models.CharField(
        max_length=20, choices=Status.choices, verbose_name=_("From status")
    )
    to_status = models.CharField(max_length=20, choices=Status.choices, verbose_name=_("To status"))
    note = models.TextField(blank=True, max_length=5_000, verbose_name=_("Note"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Requested by"),
    )
    requested_at = models.DateTimeField(verbose_name=_("Requested at"))
    state = models.CharField(
        max_length=20,
        choices=TransitionState.choices,
        default=TransitionState.PENDING,
        verbose_name=_("State"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Decided by"),
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Decided at"))
    decision_note = models.TextField(blank=True, max_length=5_000, verbose_name=_("Decision note"))

    class Meta:
        verbose_name = _("status change to confirm")
        verbose_name_plural = _("status changes to confirm")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(state="pending"),
                name="one_pending_transition_per_case",
            ),
        ]

    def __str__(self) -> str:
        return f"transition #{self.pk} {self.from_status}->{self.to_status}"


class DetentionEventType(models.TextChoices):
    """What the bureau records of a prisoner (Geneva Convention III, Art. 122)."""

    TRANSFER = "transfer", _("Transfer")
    HOSPITAL_ADMISSION = "hospital_admission", _("Admission to hospital")
    HEALTH = "health", _("State of health")
    ICRC_VISIT = "icrc_visit", _("Visit by the ICRC")
    ESCAPE = "escape", _("Escape")
    RELEASE = "release", _("Release")
    DEATH = "death", _("Death particulars")


class HealthState(models.TextChoices):
    """The words of the capture card (Annex IV B)."""

    GOOD_HEALTH = "good_health", _("Good health")
    NOT_WOUNDED = "not_wounded", _("Not wounded")
    RECOVERED = "recovered", _("Recovered")
    CONVALESCENT = "convalescent", _("Convalescent")
    SICK = "sick", _("Sick")
    SLIGHTLY_WOUNDED = "slightly_wounded", _("Slightly wounded")
    SERIOUSLY_WOUNDED = "seriously_wounded", _("Seriously wounded")


class DetentionEvent(models.Model):
    """One dated, sourced fact about a prisoner's detention. Append-only: a
    correction is a new event (the timeline keeps both)."""

    case = models.ForeignKey(
        MissingPerson,
        on_delete=models.PROTECT,
        related_name="detention_events",
        verbose_name=_("Case"),
    )
    type = models.CharField(
        max_length=30, choices=DetentionEventType.choices, verbose_name=_("What happened")
    )
    occurred_on = models.DateField(verbose_name=_("On"))
    source = models.CharField(max_length=20, choices=ReportSource.choices, verbose_name=_("Source"))
    source_detail = models.CharField(max_length=500, blank=True, verbose_name=_("Source details"))
    # Place of detention (transfer), the hospital, or the place of death.
    place = models.CharField(max_length=PLACE_MAX, blank=True, verbose_name=_("Place"))
    prisoner_number = models.CharField(max_length=40, blank=True, verbose_name=_("Prisoner number"))
    health = models.CharField(
        max_length=30, choices=HealthState.choices, blank=True, verbose_name=_("State of health")
    )
    # Death particulars (Annex IV D).
    certificate_reference = models.CharField(
        max_length=100, blank=True, verbose_name=_("Death certificate reference")
    )
    cause_of_death = models.CharField(max_length=500, blank=True, verbose_name=_("Cause of death"))
    place_of_burial = models.CharField(
        max_length=PLACE_MAX, blank=True, verbose_name=_("Place of burial")
    )
    grave_marked = models.BooleanField(null=True, blank=True, verbose_name=_("The grave is marked"))
    grave_findable = models.BooleanField(
        null=True, blank=True, verbose_name=_("The grave can be found")
    )
    personal_effects = models.TextField(
        blank=True, max_length=5_000, verbose_name=_("Personal effects")
    )
    notes = models.TextField(blank=True, max_length=10_000, verbose_name=_("Notes"))
    share_with_family = models.BooleanField(default=False, verbose_name=_("Share with the family"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Recorded by"),
    )
    recorded_at = models.DateTimeField(verbose_name=_("Recorded at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("detention event")
        verbose_name_plural = _("detention events")
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["case", "type", "-occurred_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=DetentionEventType.values), name="detentionevent_type_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.type} #{self.pk}"


class NamePart(models.TextChoices):
    GIVEN = "given", _("Given name")
    FAMILY = "family", _("Family name")
    PATRONYMIC = "patronymic", _("Father's name")
    FULL = "full", _("Full name (any order)")


class SpellingSource(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    NATIVE = "native", _("In the person's own script")
    REPORTED = "reported", _("As reported")
    IMPORTED = "imported", _("From an imported list")
    MANUAL = "manual", _("Added by a caseworker")


class NameScript(models.TextChoices):
    ARMENIAN = "armenian", _("Armenian")
    CYRILLIC = "cyrillic", _("Cyrillic")
    AZERBAIJANI = "azerbaijani", _("Azerbaijani Latin")
    LATIN = "latin", _("Latin")
    OTHER = "other", pgettext_lazy("script", "Other")


class CaseSpelling(models.Model):
    """One spelling a case's name was ever given (registered, in its own
    script, as a report or a list wrote it). Spellings are never deleted: an
    old spelling is how an old list still finds the man."""

    case = models.ForeignKey(
        MissingPerson, on_delete=models.CASCADE, related_name="spellings", verbose_name=_("Case")
    )
    part = models.CharField(
        max_length=12, choices=NamePart.choices, verbose_name=_("Part of the name")
    )
    text = models.CharField(max_length=300, verbose_name=_("Spelling"))
    script = models.CharField(max_length=12, choices=NameScript.choices, verbose_name=_("Script"))
    source = models.CharField(
        max_length=12, choices=SpellingSource.choices, verbose_name=_("Source")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Added by"),
    )
    added_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Added at"))

    class Meta:
        verbose_name = _("spelling of a name")
        verbose_name_plural = _("spellings of names")
        ordering = ["case", "part", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "part", "text"], name="one_spelling_per_part"),
        ]

    def __str__(self) -> str:
        return f"spelling #{self.pk} of case {self.case_id}"


class CaseNameKey(models.Model):
    """One word of one spelling, folded and keyed (cases/names.py): the index
    that search and matching look names up in, so no lookup scans the cases.
    Written only with its spelling; rebuilt when the fold changes."""

    case = models.ForeignKey(MissingPerson, on_delete=models.CASCADE, related_name="name_keys")
    spelling = models.ForeignKey(CaseSpelling, on_delete=models.CASCADE, related_name="keys")
    part = models.CharField(max_length=12, choices=NamePart.choices)
    position = models.PositiveSmallIntegerField()
    # The word as written (for the reasons a score gives), its key and fold.
    word = models.CharField(max_length=80)
    key = models.CharField(max_length=60)
    # Indexed for prefix search: a range (fold >= 'oan' AND fold < 'oan{'),
    # which both databases answer from the index (folds are ASCII a-z).
    fold = models.CharField(max_length=80, db_index=True)

    class Meta:
        ordering = ["spelling", "position"]
        indexes = [models.Index(fields=["key", "case"], name="casenamekey_key_case")]

    def __str__(self) -> str:
        return f"{self.key} (case {self.case_id})"


class CaseNamePair(models.Model):
    """Two keys a case's name has together ("ons arm": Hovhannisyan and Armen,
    in either order): matching finds its candidates by these, so that a
    common surname does not bring every man who carries it. Rebuilt from the
    case's key rows whenever a spelling is added."""

    case = models.ForeignKey(MissingPerson, on_delete=models.CASCADE, related_name="name_pairs")
    key = models.CharField(max_length=121)

    class Meta:
        ordering = ["case", "key"]
        constraints = [
            models.UniqueConstraint(fields=["key", "case"], name="one_name_pair_per_case"),
        ]

    def __str__(self) -> str:
        return f"{self.key} (case {self.case_id})"
