"""What every casemgr admin shares: forms that save through a service, and
admins that never write a model themselves.

Django's admin validates a form, then saves it in a step that cannot report
an error except as a 500. A ServiceModelForm therefore calls its service as
the last step of validation: a refusal (a stale version, a duplicate service
number, a role that may not do this) comes back as form errors and an admin
message, with what the user typed still in the form. The admin request runs
in one transaction and the service in its own savepoint, so a refusal leaves
nothing behind. ServiceAdminMixin's save_model then has nothing left to do.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext, pgettext

from cases.errors import DomainError, IllegalTransition, InvalidInput, refusal_lead
from cases.status import Status


def domain_error_message(exc: DomainError) -> str:
    """A refusal as the admin shows it: the translated lead of its kind, then
    the service's particulars (and, for a status move, where the case may go)."""
    text = f"{refusal_lead(exc)} {exc.message}".strip()
    if isinstance(exc, IllegalTransition):
        allowed = ", ".join(str(Status(a).label) for a in exc.allowed)
        return gettext("%(refusal)s Allowed from here: %(statuses)s.") % {
            "refusal": text,
            "statuses": allowed or pgettext("no status", "none"),
        }
    return text


def add_domain_error(form: forms.BaseForm, exc: DomainError) -> None:
    """Put a service's refusal on the form: on the fields it names, if shown."""
    if isinstance(exc, InvalidInput):
        for field, msgs in exc.errors.items():
            target = field if field in form.fields and field in form.cleaned_data else None
            for msg in msgs:
                form.add_error(target, msg if target else f"{field}: {msg}")
        return
    form.add_error(None, domain_error_message(exc))


class ServiceModelForm(forms.ModelForm):
    """A ModelForm whose saving is a service call (see the module docstring)."""

    # Set per request by ServiceAdminMixin.get_form.
    request: HttpRequest | None = None

    def apply(self, actor: Any) -> Any:
        """Call the service with the cleaned data; return the saved object."""
        raise NotImplementedError

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
        if self.errors or self.request is None:
            return
        try:
            self.saved = self.apply(self.request.user)
        except DomainError as exc:
            add_domain_error(self, exc)
            messages.error(self.request, domain_error_message(exc))

    def changed_values(self, allowed: Collection[str]) -> dict[str, Any]:
        return {n: self.cleaned_data[n] for n in self.changed_data if n in allowed}

    def save(self, commit: bool = True) -> Any:
        return self.saved

    def save_m2m(self) -> None:
        """Nothing: the service saved everything."""


class ServiceAdminMixin:
    """For ModelAdmins whose form is a ServiceModelForm: no direct saves, no
    deletes, and any refusal that still escapes becomes a message."""

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, **kwargs)  # type: ignore[misc]
        return type(form.__name__, (form,), {"request": request})

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """The form's service call saved the object already."""

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Inlines are read-only; links and listings change through services."""
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Nothing in the registry is deleted: cases are closed, reports refuted.
        return False

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(  # type: ignore[misc]
                request, object_id, form_url, extra_context
            )
        except DomainError as exc:
            messages.error(request, domain_error_message(exc))
            return HttpResponseRedirect(request.get_full_path())

    # simple-history's "revert to this version" would save the old row
    # directly, bypassing the services: history here is for reading.
    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        if request.method == "POST":
            raise PermissionDenied("Reverting from the history is disabled; edit the record.")
        return super().history_form_view(  # type: ignore[misc]
            request, object_id, version_id, extra_context
        )


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records only services write (events, notifications): look, never touch.

    Change permission is granted only for the changelist (obj=None), so that
    actions that call services can run while every page stays read-only.
    """

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
