"""The workspace's forms: shapes and labels only. Whether a value is allowed
is the services' question; their refusals come back onto these forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cases import dates
from cases.imports.errors import FileRefused
from cases.imports.files import Limits
from cases.imports.models import Action, Purpose
from cases.models import (
    CASE_EDITABLE_FIELDS,
    CaptureReport,
    DetentionEvent,
    DetentionEventType,
    Exchange,
    ExchangeStatus,
    NamePart,
    ReportSource,
    Verification,
)
from cases.selectors import staff_users
from cases.services.detention import COMMON_FIELDS, NEVER_TOLD, TYPE_FIELDS
from cases.services.exchanges import EXCHANGE_FIELDS
from families.models import Channel, Language, Relationship


class Calm:
    """Labels without Django's trailing colon (a checkbox's label reads as a
    sentence)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class DateInput(forms.DateInput):
    """A date shown and typed as caseworkers write it, DD.MM.YYYY. A text box,
    not <input type=date>: a browser shows that in its own locale's order
    (MM/DD/YYYY in an English browser), whatever the page's language."""

    input_type = "text"

    def __init__(self, **kwargs: Any) -> None:
        attrs = {"placeholder": _("DD.MM.YYYY"), "autocomplete": "off", **kwargs.pop("attrs", {})}
        super().__init__(format=dates.DATE_INPUT_FORMATS[0], attrs=attrs, **kwargs)


class DateField(forms.DateField):
    """DD.MM.YYYY or ISO YYYY-MM-DD (cases.dates), whatever the page's
    language; anything else is this field's error, saying how to write it."""

    widget = DateInput
    input_formats = dates.DATE_INPUT_FORMATS
    default_error_messages = {
        "invalid": _("Enter the date as DD.MM.YYYY, for example 05.01.2021."),
    }


CASE_LABELS = {
    "given_name": _("Given name"),
    "family_name": _("Family name"),
    "patronymic": _("Father's first name"),
    "name_native": _("Name in own script"),
    "date_of_birth": _("Date of birth"),
    "place_of_birth": _("Place of birth"),
    "service_number": _("Service number"),
    "rank": _("Rank"),
    "unit": _("Unit"),
    "last_seen_date": _("Last seen on"),
    "last_seen_place": _("Last seen at"),
    "circumstances": _("Circumstances"),
    "caseworker": _("Caseworker"),
}
# The order a person reads a case in; CASE_EDITABLE_FIELDS says which.
CASE_ORDER = [name for name in CASE_LABELS if name in CASE_EDITABLE_FIELDS]


# Bounds of the database's integer columns: a number outside them is bad
# input (400), never a query that fails (500).
MAX_VERSION = 2**31 - 1
MAX_ID = 2**63 - 1


def version_field() -> forms.IntegerField:
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_VERSION)


class SearchForm(Calm, forms.Form):
    q = forms.CharField(max_length=200, required=False)


class IdsField(forms.Field):
    """Record ids, as many as were ticked; anything but whole numbers in the
    database's range is refused."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        values = [str(v) for v in value or []]
        if not all(v.isascii() and v.isdigit() and 0 < int(v) <= MAX_ID for v in values):
            raise ValidationError(_("Choose cases from the list."), code="invalid")
        return [int(v) for v in values]


class CasesChosenForm(Calm, forms.Form):
    case = IdsField(required=False)


class CaseDetailsForm(Calm, forms.Form):
    """A case's details, with the version the person read."""

    version = version_field()
    given_name = forms.CharField(max_length=150)
    family_name = forms.CharField(max_length=150)
    patronymic = forms.CharField(max_length=150, required=False)
    name_native = forms.CharField(max_length=300, required=False)
    date_of_birth = DateField(required=False)
    place_of_birth = forms.CharField(max_length=200, required=False)
    service_number = forms.CharField(max_length=40, required=False)
    rank = forms.CharField(max_length=80, required=False)
    unit = forms.CharField(max_length=200, required=False)
    last_seen_date = DateField(required=False)
    last_seen_place = forms.CharField(max_length=200, required=False)
    circumstances = forms.CharField(
        max_length=10_000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    caseworker = forms.ModelChoiceField(queryset=staff_users(), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in CASE_LABELS.items():
            self.fields[name].label = label

    def edits(self) -> dict[str, Any]:
        """The fields the person changed from what their page showed."""
        return {n: self.cleaned_data[n] for n in self.changed_data if n in CASE_EDITABLE_FIELDS}


def case_values(record: Any) -> dict[str, Any]:
    """A case (or its history record) as the details form's initial values."""
    values = {name: getattr(record, name) for name in CASE_ORDER if name != "caseworker"}
    values["caseworker"] = record.caseworker_id
    values["version"] = record.version
    return values


class MoveForm(Calm, forms.Form):
    version = version_field()
    to_status = forms.CharField(max_length=20)
    note = forms.CharField(
        label=_("Note (needed when closing)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DecisionForm(Calm, forms.Form):
    note = forms.CharField(label=_("Note"), max_length=5000, required=False)


class NoteForm(Calm, forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    family_visible = forms.BooleanField(label=_("The family may read this note"), required=False)


class SpellingForm(Calm, forms.Form):
    """A spelling of the name in the letters a relative reads (a spelling
    in Armenian or Cyrillic then wins over the transliterated one)."""

    part = forms.ChoiceField(label=_("Part of the name"), choices=NamePart.choices)
    text = forms.CharField(label=_("Spelling"), max_length=300)


class FamilyToldForm(Calm, forms.Form):
    note = forms.CharField(
        label=_("How and by whom (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


REPORT_LABELS = {
    "name_as_reported": _("Name as reported"),
    "source": _("Source"),
    "source_detail": _("Source details"),
    "reported_on": _("Reported on"),
    "captured_on": _("Captured on"),
    "place_of_capture": _("Place of capture"),
    "place_of_detention": _("Place of detention"),
    "health": _("State of health"),
    "verification": _("Verification"),
    "share_with_family": _("Share with the family"),
    "notes": _("Notes"),
}


class ReportForm(Calm, forms.ModelForm):
    """A capture report's shape, read from the model (one source of fields)."""

    class Meta:
        model = CaptureReport
        fields = list(REPORT_LABELS)
        labels = REPORT_LABELS
        field_classes = {"reported_on": DateField, "captured_on": DateField}
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class VerificationForm(Calm, forms.Form):
    verification = forms.ChoiceField(label=_("Verification"), choices=Verification.choices)
    share_with_family = forms.BooleanField(label=_("Share with the family"), required=False)


class RelativeForm(Calm, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=300)
    relationship = forms.ChoiceField(label=_("Relationship"), choices=Relationship.choices)
    # A context: "Email" alone is Django's (contrib.auth), which is read before ours.
    email = forms.EmailField(label=pgettext_lazy("email address", "Email"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    channels = forms.MultipleChoiceField(
        label=_("Send news by"),
        choices=[c for c in Channel.choices if c[0] != Channel.WEBHOOK],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    verified = forms.BooleanField(label=_("The relationship is verified"), required=False)


EXCHANGE_LABELS = {
    "name": pgettext_lazy("exchange", "Name"),  # its title, not a person's name
    "principle": _("Principle"),
    "scheduled_for": _("Scheduled for"),
    "place": _("Place"),
    "mediator": _("Mediator"),
}


class ExchangePlanForm(Calm, forms.ModelForm):
    class Meta:
        model = Exchange
        fields = [name for name in EXCHANGE_LABELS if name in EXCHANGE_FIELDS]
        labels = EXCHANGE_LABELS
        field_classes = {"scheduled_for": DateField}


class CancelForm(Calm, forms.Form):
    confirm = forms.BooleanField(
        label=_("Cancel this exchange: the listed cases go back to detained"), required=True
    )


class ImportUploadForm(Calm, forms.Form):
    """A list to bring in; the imports service reads the file and decides
    what it refuses (the form only bounds the size before reading it)."""

    file = forms.FileField(label=_("The list (CSV or XLSX)"))
    source = forms.ChoiceField(label=_("Source"), choices=ReportSource.choices)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    exchange = forms.ModelChoiceField(
        label=_("Exchange (for an exchange list)"),
        queryset=Exchange.objects.filter(status=ExchangeStatus.PLANNED),
        required=False,
    )
    reported_on = DateField(label=_("Reported on (for capture reports)"), required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            Limits.from_settings().check_size(upload.size)
        except FileRefused as exc:
            raise ValidationError(exc.message, code="too_large") from exc
        return upload


class RowDecisionForm(Calm, forms.Form):
    """One row's decision, as the API's PATCH takes it: match (with the
    case), new, skip, or nothing (clears the decision)."""

    action = forms.ChoiceField(choices=[("", "—"), *Action.choices], required=False)
    case = forms.IntegerField(min_value=1, max_value=MAX_ID, required=False)


DETENTION_LABELS = {
    "type": _("What happened"),
    "occurred_on": _("On"),
    "source": _("Source"),
    "source_detail": _("Source details"),
    "place": _("Place"),
    "prisoner_number": _("Prisoner number"),
    "health": _("State of health"),
    "certificate_reference": _("Death certificate reference"),
    "cause_of_death": _("Cause of death"),
    "place_of_burial": _("Place of burial"),
    "grave_marked": _("The grave is marked"),
    "grave_findable": _("The grave can be found"),
    "personal_effects": _("Personal effects"),
    "notes": _("Notes"),
    "share_with_family": _("Share with the family"),
}


def _join(labels: list[Any]) -> str:
    return ", ".join(str(label) for label in labels)


lazy_join = lazy(_join, str)


def _carried_by(name: str) -> Any:
    """Which types carry a field, in words (TYPE_FIELDS is the one list)."""
    types = [
        DetentionEventType(t).label for t, (allowed, _req) in TYPE_FIELDS.items() if name in allowed
    ]
    return format_lazy(_("Only for: {types}."), types=lazy_join(types))


def _shareable() -> Any:
    types = [DetentionEventType(t).label for t in TYPE_FIELDS if t not in NEVER_TOLD]
    return format_lazy(
        _("Only for: {types}. A death or an escape is told in person."), types=lazy_join(types)
    )


class DetentionEventForm(Calm, forms.ModelForm):
    """A detention event's shape, read from the model; which fields a type
    carries (and whether it may be shared) is the service's rule, and its
    refusals come back on these fields."""

    class Meta:
        model = DetentionEvent
        fields = list(DETENTION_LABELS)
        labels = DETENTION_LABELS
        field_classes = {"occurred_on": DateField}
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 2}),
            "personal_effects": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in set(DETENTION_LABELS) - COMMON_FIELDS:
            self.fields[name].help_text = _carried_by(name)
        self.fields["share_with_family"].help_text = _shareable()


class EnquiryAnswerForm(Calm, forms.Form):
    answer = forms.CharField(
        label=_("Your answer (or how you answered, e.g. by phone)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
