"""The staff admin of the registry.

Every save goes through cases.services (see cases/admin_support.py): the
status of a case is never a form field; it changes only through the status
page (services.case_transition) and the supervisors' confirm/reject actions.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cases import services
from cases.admin_support import (
    ReadOnlyAdmin,
    ReadOnlyInline,
    ServiceAdminMixin,
    ServiceModelForm,
    add_domain_error,
    domain_error_message,
)
from cases.bureau.models import AccessVia
from cases.bureau.services import case_access_record
from cases.errors import DomainError
from cases.models import (
    CASE_EDITABLE_FIELDS,
    CaptureReport,
    CaseEvent,
    CaseSpelling,
    DetentionEvent,
    Exchange,
    ExchangeStatus,
    LegalStatus,
    MissingPerson,
    PendingTransition,
    TransitionState,
)
from cases.roles import STAFF_ROLES, is_caseworker, is_supervisor
from cases.search import cases_search
from cases.status import TRANSITIONS, Status

admin.site.site_header = _("casemgr: case registry")
admin.site.site_title = "casemgr"  # the product's name, the same in every language
admin.site.index_title = _("Cases, reports, exchanges and relatives")


# --- Cases --------------------------------------------------------------------------
CASE_SECTION = _("Case")


class MissingPersonForm(ServiceModelForm):
    # The version the user read: the service refuses the save if the case
    # changed since (optimistic lock), instead of overwriting someone's work.
    expected_version = forms.IntegerField(
        label=_("Version"), widget=forms.HiddenInput, required=False
    )

    class Meta:
        model = MissingPerson
        fields = list(CASE_EDITABLE_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "expected_version" in self.fields and self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version
            self.fields["expected_version"].required = True
        if "legal_status" in self.fields:  # a form left blank means "unknown"
            self.fields["legal_status"].required = False

    def clean_legal_status(self) -> str:
        return self.cleaned_data.get("legal_status") or LegalStatus.UNKNOWN

    def apply(self, actor: Any) -> MissingPerson:
        if self.instance.pk is None:
            values = {n: v for n, v in self.cleaned_data.items() if n in CASE_EDITABLE_FIELDS}
            return services.case_open(actor=actor, **values)
        return services.case_update(
            case=self.instance,
            actor=actor,
            expected_version=self.cleaned_data["expected_version"],
            **self.changed_values(CASE_EDITABLE_FIELDS),
        )


class CaseEventInline(ReadOnlyInline):
    model = CaseEvent
    verbose_name = _("timeline event")
    verbose_name_plural = _("Timeline (newest first)")
    fields = ("at", "kind", "summary", "actor", "family_visible", "dispatched")
    readonly_fields = fields
    ordering = ("-at", "-id")

    def get_queryset(self, request: HttpRequest) -> QuerySet[CaseEvent]:
        return super().get_queryset(request).select_related("actor")


class PendingTransitionInline(ReadOnlyInline):
    model = PendingTransition
    verbose_name_plural = _("Status changes that needed a second person")
    fields = ("requested_at", "from_status", "to_status", "state", "requested_by", "decided_by")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[PendingTransition]:
        # Two user columns a row: without this, two queries per transition.
        return super().get_queryset(request).select_related("requested_by", "decided_by")


class CaptureReportInline(ReadOnlyInline):
    model = CaptureReport
    fields = ("reported_on", "source", "verification", "share_with_family", "name_as_reported")
    readonly_fields = fields
    show_change_link = True


class DetentionEventInline(ReadOnlyInline):
    """Recorded through the API (detention_event_add); read here."""

    model = DetentionEvent
    fields = ("occurred_on", "type", "source", "place", "health", "share_with_family")
    readonly_fields = fields
    ordering = ("-occurred_on", "-id")


class SpellingInline(admin.TabularInline):
    """The case's spellings; a new row is added through case_spelling_add
    (MissingPersonAdmin.save_formset), existing rows are never edited."""

    model = CaseSpelling
    extra = 1
    can_delete = False
    fields = ("part", "text", "script", "source", "added_by", "added_at")
    readonly_fields = ("script", "source", "added_by", "added_at")
    verbose_name_plural = _("Spellings of the name (every script and source)")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    # Whoever may work on the case may see and add its spellings (the service
    # checks the role again).
    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_caseworker(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_caseworker(request.user)

    def get_queryset(self, request: HttpRequest) -> QuerySet[CaseSpelling]:
        return super().get_queryset(request).select_related("added_by")


class StatusChangeForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"))
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
        help_text=_("Why. Closing a case needs a reason; families never see this note."),
    )
    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, case: MissingPerson, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [  # type: ignore[attr-defined]
            (
                move.to.value,
                gettext("%(status)s (waits for a supervisor's confirmation)")
                % {"status": move.to.label}
                if move.sensitive
                else move.to.label,
            )
            for move in TRANSITIONS[Status(case.status)]
        ]
        self.fields["expected_version"].initial = case.version


class ListOnExchangeForm(forms.Form):
    exchange = forms.ModelChoiceField(
        label=_("Exchange"),
        queryset=Exchange.objects.filter(status=ExchangeStatus.PLANNED),
        help_text=_("Only planned exchanges take new names."),
    )


@admin.register(MissingPerson)
class MissingPersonAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    form = MissingPersonForm
    actions = ("list_on_exchange",)
    list_display = (
        "case_number",
        "family_name",
        "given_name",
        "patronymic",
        "service_number",
        "date_of_birth",
        "status",
        "status_changed_at",
    )
    list_filter = ("status", "last_seen_place", "caseworker")
    # The search box runs cases.search (get_search_results); one field here
    # only makes the admin show the box.
    search_fields = ("case_number",)
    search_help_text = _("A name in any script and order, a prefix, a case or service number.")
    list_per_page = 50
    show_full_result_count = False
    readonly_fields = (
        "case_number",
        "status",
        "status_changed_at",
        "closed_reason",
        "family_told_in_person_at",
        "provenance",
        "personal_data_removed_at",
        "version",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("case_number", "status", "status_changed_at", "version")}),
        (
            _("Person"),
            {
                "fields": (
                    ("given_name", "patronymic", "family_name"),
                    "name_native",
                    ("father_first_name", "mother_maiden_name"),
                    ("sex", "citizenship"),
                    ("date_of_birth", "place_of_birth"),
                    ("service_number", "rank"),
                    "unit",
                    "legal_status",
                )
            },
        ),
        (
            _("Disappearance"),
            {"fields": (("last_seen_date", "last_seen_place"), "circumstances")},
        ),
        (
            CASE_SECTION,
            {
                "fields": (
                    "caseworker",
                    "pfif_public",
                    "closed_reason",
                    "family_told_in_person_at",
                    "provenance",
                    "personal_data_removed_at",
                    ("created_at", "updated_at"),
                    "expected_version",
                )
            },
        ),
    )
    history_list_display = ("status", "version")

    def get_inlines(self, request: HttpRequest, obj: Any) -> list[Any]:
        if obj is None:
            return []
        return [
            SpellingInline,
            CaseEventInline,
            PendingTransitionInline,
            CaptureReportInline,
            DetentionEventInline,
        ]

    def render_change_form(
        self, request: HttpRequest, context: Any, *args: Any, obj: Any = None, **kwargs: Any
    ) -> Any:
        if obj is not None and obj.pk and request.method == "GET":
            case_access_record(
                user=request.user, case_ids=[obj.pk], via=AccessVia.ADMIN, path=request.path
            )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[MissingPerson], search_term: str
    ) -> tuple[QuerySet[MissingPerson], bool]:
        return cases_search(queryset, search_term), False

    def get_ordering(self, request: HttpRequest) -> Any:
        # Best first while searching (cases_search's rank), else the default.
        if request.GET.get("q", "").strip():
            return (F("search_rank").desc(), "case_number")
        return super().get_ordering(request)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not CaseSpelling:
            return super().save_formset(request, form, formset, change)
        for row in formset.extra_forms:
            if row.has_changed() and row.is_valid() and row.cleaned_data.get("text"):
                try:
                    services.case_spelling_add(
                        case=form.instance,
                        actor=request.user,
                        part=row.cleaned_data["part"],
                        text=row.cleaned_data["text"],
                    )
                except DomainError as exc:
                    messages.error(request, domain_error_message(exc))
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:  # computed fields do not exist before the case does
            return (*self.fieldsets[1:3], (CASE_SECTION, {"fields": ("caseworker", "pfif_public")}))
        return self.fieldsets

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "caseworker":
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(groups__name__in=STAFF_ROLES, is_active=True)
                .distinct()
                .order_by("username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        if not is_supervisor(request.user):  # exchanges are a supervisor's to run
            actions.pop("list_on_exchange", None)
        return actions

    @admin.action(description=_("Put the selected detained cases on an exchange list"))
    def list_on_exchange(
        self, request: HttpRequest, queryset: QuerySet[MissingPerson]
    ) -> HttpResponse | None:
        form = ListOnExchangeForm(request.POST if "apply" in request.POST else None)
        if not form.is_bound or not form.is_valid():
            return TemplateResponse(
                request,
                "admin/cases/missingperson/list_on_exchange.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Put cases on an exchange list"),
                    "opts": self.opts,
                    "cases": queryset,
                    "form": form,
                },
            )
        exchange = form.cleaned_data["exchange"]
        listed = 0
        for case in queryset:
            try:
                services.exchange_list_case(exchange=exchange, case=case, actor=request.user)
            except DomainError as exc:
                messages.error(request, f"{case.case_number}: {domain_error_message(exc)}")
            else:
                listed += 1
        if listed:
            messages.success(
                request,
                ngettext(
                    "%(n)d case put on the list of %(exchange)s.",
                    "%(n)d cases put on the list of %(exchange)s.",
                    listed,
                )
                % {"n": listed, "exchange": exchange},
            )
        return None

    # --- the status page: the only way a case's status changes in the admin ----------
    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "<path:object_id>/status/",
                self.admin_site.admin_view(self.status_view),
                name="cases_missingperson_status",
            )
        ]
        return own + super().get_urls()

    def status_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        # The admin's own lookup: a malformed id is "no such case" (404), not a 500.
        case = self.get_object(request, unquote(object_id))
        if case is None:
            raise Http404("No such case.")
        if not (self.has_change_permission(request, case) and is_caseworker(request.user)):
            raise PermissionDenied
        form = StatusChangeForm(request.POST or None, case=case)
        if request.method == "POST" and form.is_valid():
            try:
                outcome = services.case_transition(
                    case=case,
                    actor=request.user,
                    to_status=form.cleaned_data["to_status"],
                    note=form.cleaned_data["note"],
                    expected_version=form.cleaned_data["expected_version"],
                )
            except DomainError as exc:
                add_domain_error(form, exc)
                messages.error(request, domain_error_message(exc))
            else:
                target = Status(form.cleaned_data["to_status"]).label
                if outcome.pending is not None:
                    messages.warning(
                        request,
                        gettext(
                            "%(case)s: the move to “%(status)s” waits for a supervisor's "
                            "confirmation. Nothing changes, and the family hears nothing, "
                            "until then."
                        )
                        % {"case": case.case_number, "status": target},
                    )
                else:
                    messages.success(
                        request,
                        gettext("%(case)s is now “%(status)s”.")
                        % {"case": case.case_number, "status": target},
                    )
                return HttpResponseRedirect(
                    reverse("admin:cases_missingperson_change", args=[case.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Change the status of %(case)s") % {"case": case.case_number},
            "opts": self.opts,
            "original": case,
            "current_status": Status(case.status).label,
            "form": form,
            "pending": case.transitions.filter(state=TransitionState.PENDING).first(),
        }
        return TemplateResponse(request, "admin/cases/missingperson/status_change.html", context)


# --- Pending transitions: the second person --------------------------------------------
class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000
    )


def _decide(
    modeladmin: PendingTransitionAdmin,
    request: HttpRequest,
    queryset: QuerySet[PendingTransition],
    *,
    confirm: bool,
) -> HttpResponse | None:
    form = DecisionForm(request.POST if "apply" in request.POST else None)
    if not form.is_bound or not form.is_valid():
        return TemplateResponse(
            request,
            "admin/cases/pendingtransition/decide.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Confirm status changes") if confirm else _("Reject status changes"),
                "opts": modeladmin.opts,
                "transitions": queryset.select_related("case", "requested_by"),
                "form": form,
                "action": "confirm_selected" if confirm else "reject_selected",
                "confirm": confirm,
            },
        )
    done = 0
    for pending in queryset.select_related("case"):
        try:
            if confirm:
                services.transition_confirm(
                    transition_id=pending.pk, actor=request.user, note=form.cleaned_data["note"]
                )
            else:
                services.transition_reject(
                    transition_id=pending.pk, actor=request.user, note=form.cleaned_data["note"]
                )
        except DomainError as exc:
            messages.error(request, f"{pending.case.case_number}: {domain_error_message(exc)}")
        else:
            done += 1
    if done:
        # One sentence each: the verb's form depends on the number in Russian.
        done_text = (
            ngettext("%(n)d status change confirmed.", "%(n)d status changes confirmed.", done)
            if confirm
            else ngettext("%(n)d status change rejected.", "%(n)d status changes rejected.", done)
        )
        messages.success(request, done_text % {"n": done})
    return None


@admin.register(PendingTransition)
class PendingTransitionAdmin(ReadOnlyAdmin):
    list_display = (
        "case",
        "from_status",
        "to_status",
        "state",
        "requested_by",
        "requested_at",
        "decided_by",
        "decided_at",
    )
    list_filter = ("state", "to_status")
    search_fields = ("case__case_number", "case__family_name", "case__service_number")
    list_select_related = ("case", "requested_by", "decided_by")
    actions = ("confirm_selected", "reject_selected")

    @admin.action(description=_("Confirm the selected status changes"), permissions=["change"])
    def confirm_selected(
        self, request: HttpRequest, queryset: QuerySet[PendingTransition]
    ) -> HttpResponse | None:
        return _decide(self, request, queryset, confirm=True)

    @admin.action(description=_("Reject the selected status changes"), permissions=["change"])
    def reject_selected(
        self, request: HttpRequest, queryset: QuerySet[PendingTransition]
    ) -> HttpResponse | None:
        return _decide(self, request, queryset, confirm=False)


# Registered from their own modules to keep this one readable.
from cases import admin_registry, admin_staff  # noqa: E402, F401
