"""The staff admin of relatives and what they were told.

Relatives are written through families.services (links included: the form
adds or updates one link per save); notifications and their delivery
attempts are written only by the notification pipeline and are read-only.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cases.admin_support import ReadOnlyAdmin, ReadOnlyInline, ServiceAdminMixin, ServiceModelForm
from cases.models import MissingPerson
from families.models import (
    Channel,
    DeliveryAttempt,
    FamilyLink,
    FamilyMember,
    Notification,
    Relationship,
)
from families.services import family_member_create, family_member_update

# The webhook secret is set through the API and never shown.
ADMIN_MEMBER_FIELDS = frozenset(
    {"full_name", "email", "phone", "language", "channels", "webhook_url"}
)


class FamilyMemberForm(ServiceModelForm):
    channels = forms.MultipleChoiceField(
        label=_("Send news by"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    link_case = forms.ModelChoiceField(
        queryset=MissingPerson.objects.all(),
        required=False,
        label=_("Link to case"),
        widget=AutocompleteSelect(FamilyLink._meta.get_field("case"), admin.site),
        help_text=_("Add a link, or change an existing one (same case)."),
    )
    link_relationship = forms.ChoiceField(
        choices=[("", "---------"), *Relationship.choices], required=False, label=_("Relationship")
    )
    link_verified = forms.BooleanField(
        required=False,
        label=_("Verified"),
        help_text=_("Only verified relatives are told anything about the case."),
    )

    class Meta:
        model = FamilyMember
        fields = sorted(ADMIN_MEMBER_FIELDS)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("link_case") and not data.get("link_relationship"):
            self.add_error("link_relationship", _("Say how this relative is related."))
        return data

    def _links(self) -> list[dict[str, Any]]:
        case = self.cleaned_data.get("link_case")
        if not case:
            return []
        return [
            {
                "case": case,
                "relationship": self.cleaned_data["link_relationship"],
                "verified": self.cleaned_data.get("link_verified", False),
            }
        ]

    def apply(self, actor: Any) -> FamilyMember:
        if self.instance.pk is None:
            values = {n: v for n, v in self.cleaned_data.items() if n in ADMIN_MEMBER_FIELDS}
            return family_member_create(actor=actor, links=self._links(), **values)
        return family_member_update(
            member=self.instance,
            actor=actor,
            links=self._links(),
            **self.changed_values(ADMIN_MEMBER_FIELDS),
        )


class FamilyLinkInline(ReadOnlyInline):
    model = FamilyLink
    fields = ("case", "relationship", "verified", "verified_by", "verified_at")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[FamilyLink]:
        return super().get_queryset(request).select_related("case", "verified_by")


@admin.register(FamilyMember)
class FamilyMemberAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    form = FamilyMemberForm
    list_display = ("full_name", "language", "channels", "email", "phone", "user")
    list_select_related = ("user",)  # the account column: one query, not one per row
    list_filter = ("language", "links__verified")
    search_fields = ("full_name", "email", "phone", "links__case__case_number")
    readonly_fields = ("user", "opted_out", "created_by", "created_at")
    inlines = (FamilyLinkInline,)
    fieldsets = (
        (None, {"fields": ("full_name", "language", "channels")}),
        (_("Contact"), {"fields": ("email", "phone", "webhook_url")}),
        (
            _("Link to a case"),
            {"fields": ("link_case", ("link_relationship", "link_verified"))},
        ),
        (_("Record"), {"fields": ("user", "opted_out", "created_by", "created_at")}),
    )


class DeliveryAttemptInline(ReadOnlyInline):
    model = DeliveryAttempt
    fields = ("started_at", "duration_ms", "outcome", "error", "provider_message_id")
    readonly_fields = fields


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = (
        "id",
        "case_number",
        "member",
        "channel",
        "language",
        "status",
        "attempts",
        "created_at",
        "sent_at",
    )
    list_filter = ("status", "channel", "language")
    search_fields = ("event__case__case_number", "member__full_name")
    list_select_related = ("event__case", "member")
    readonly_fields = (
        "event",
        "member",
        "channel",
        "language",
        "subject",
        "body_text",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "claimed_at",
        "sent_at",
    )
    exclude = ("body_html",)
    inlines = (DeliveryAttemptInline,)
    show_full_result_count = False

    @admin.display(description=_("case"), ordering="event__case__case_number")
    def case_number(self, obj: Notification) -> str:
        return obj.event.case.case_number
