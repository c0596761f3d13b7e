"""The cases list: the API's own filters (cases.api.filters.CaseFilter, whose
name search is the cases selector's) on a page, with paging. With htmx the
results update as one types; without it the form submits as usual."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from casemgr.workspace.views.common import page_of, staff_page
from cases import selectors
from cases.api.filters import CaseFilter
from cases.status import Status


@staff_page
def case_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.cases_visible_to(request.user).select_related("caseworker")
    filterset = CaseFilter(request.GET, queryset=qs)
    valid = filterset.is_valid()
    page = page_of(request, filterset.qs if valid else qs.none())
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page": page,
        "query": query.urlencode(),
        "statuses": Status.choices,
        "staff": selectors.staff_users(),
        "nav": "cases",
    }
    template = "workspace/_case_results.html" if _partial(request) else "workspace/cases.html"
    response = render(request, template, context, status=200 if valid else 400)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _partial(request: HttpRequest) -> bool:
    """htmx asks for the results only; when it restores a page from history
    it needs the whole page."""
    htmx = getattr(request, "htmx", None)  # django_htmx.middleware sets it
    return htmx is not None and bool(htmx) and not htmx.history_restore_request
