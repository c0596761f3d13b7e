"""The words of other apps' choices that the workspace shows (statuses,
event kinds, sources, channels...). Their labels are gettext_lazy in their
models; listing them here puts them in the workspace's catalogue so that
makemessages, run in casemgr/workspace, extracts them and the pages read
whole in Armenian and Russian. Nothing imports this module; tests check
that it still names every label (tests/workspace/test_translations.py).
A label with a context in its model has the same context here."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _
from django.utils.translation import pgettext_lazy

CHOICE_LABELS = {
    "cases.status.Status": (
        _("Missing"),
        _("Capture reported"),
        _("Detained"),
        _("Release scheduled"),
        _("Repatriated"),
        _("Found alive"),
        _("Deceased"),
        _("Remains returned"),
        _("Closed"),
    ),
    "cases.models.EventKind": (
        _("Case opened"),
        _("Details updated"),
        _("Status changed"),
        _("Status change requested"),
        _("Status change rejected"),
        _("Capture report added"),
        _("Capture report updated"),
        _("Put on an exchange list"),
        _("Note"),
        _("Family told in person"),
        _("Enquiry from a relative"),
        _("Detention event recorded"),
        _("Personal data removed (retention)"),
        _("Spelling of the name added"),
    ),
    "cases.models.NamePart": (
        _("Given name"),
        _("Family name"),
        _("Father's name"),
        _("Full name (any order)"),
    ),
    "cases.models.NameScript": (
        _("Armenian"),
        _("Cyrillic"),
        _("Azerbaijani Latin"),
        _("Latin"),
        pgettext_lazy("script", "Other"),
    ),
    "cases.models.SpellingSource": (
        _("Registered"),
        _("In the person's own script"),
        _("As reported"),
        _("From an imported list"),
        _("Added by a caseworker"),
    ),
    "cases.models.ReportSource": (
        _("ICRC"),
        _("Detaining power"),
        _("Ombudsman"),
        _("Government"),
        _("Media (video, photo, article)"),
        _("Witness"),
        _("Family"),
        pgettext_lazy("source", "Other"),
    ),
    "cases.models.Verification": (
        _("Unverified"),
        _("Corroborated"),
        pgettext_lazy("verification", "Confirmed"),
        _("Refuted"),
    ),
    "cases.models.ExchangePrinciple": (
        _("All for all"),
        _("Negotiated list"),
    ),
    "cases.models.ExchangeStatus": (
        _("Planned"),
        _("Completed"),
        pgettext_lazy("exchange status", "Cancelled"),
    ),
    "cases.models.ListingOutcome": (
        _("Listed"),
        _("Exchanged"),
        _("Not released"),
    ),
    "families.models.Channel": (
        pgettext_lazy("channel", "Email"),
        _("SMS"),
        _("Webhook"),
    ),
    "families.models.NotificationStatus": (
        _("Pending"),
        _("Sending"),
        _("Sent"),
        pgettext_lazy("message status", "Failed"),
        pgettext_lazy("message status", "Cancelled"),
    ),
    "families.models.Relationship": (
        _("Mother"),
        _("Father"),
        _("Spouse"),
        _("Child"),
        _("Sibling"),
        _("Grandparent"),
        _("Other relative"),
    ),
    "cases.models.DetentionEventType": (
        _("Transfer"),
        _("Admission to hospital"),
        _("State of health"),
        _("Visit by the ICRC"),
        _("Escape"),
        _("Release"),
        _("Death particulars"),
    ),
    "cases.models.HealthState": (
        _("Good health"),
        _("Not wounded"),
        _("Recovered"),
        _("Convalescent"),
        _("Sick"),
        _("Slightly wounded"),
        _("Seriously wounded"),
    ),
    "cases.imports.models.Purpose": (
        _("Capture reports"),
        _("Exchange list"),
    ),
    "cases.imports.models.BatchStatus": (
        _("Queued"),
        _("Matching"),
        _("Waiting for review"),
        _("Applying"),
        _("Applied"),
        pgettext_lazy("import status", "Failed"),
    ),
    "cases.imports.models.RowState": (
        _("Not matched yet"),
        _("Matched"),
        _("Ambiguous"),
        _("New"),
        _("Error"),
        _("Skipped"),
    ),
    "cases.imports.models.Action": (
        _("Match to a case"),
        _("Open a new case"),
        _("Skip"),
    ),
}
