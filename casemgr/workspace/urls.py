"""The workspace's pages, under /workspace/."""

from __future__ import annotations

from django.urls import path

from casemgr.workspace.views import (
    case,
    case_actions,
    case_bureau,
    cases,
    exchanges,
    imports,
    picture,
    today,
)

app_name = "workspace"

urlpatterns = [
    path("", today.today, name="today"),
    path("picture/", picture.picture, name="picture"),
    path("cases/", cases.case_list, name="cases"),
    path("cases/<int:case_id>/", case.case_page, name="case"),
    path("cases/<int:case_id>/details/", case_actions.edit_details, name="case-details"),
    path("cases/<int:case_id>/move/", case_actions.move, name="case-move"),
    path("cases/<int:case_id>/note/", case_actions.add_note, name="case-note"),
    path("cases/<int:case_id>/report/", case_actions.add_report, name="case-report"),
    path(
        "cases/<int:case_id>/reports/<int:report_id>/",
        case_actions.verify_report,
        name="case-report-verify",
    ),
    path("cases/<int:case_id>/relative/", case_actions.add_relative, name="case-relative"),
    path("cases/<int:case_id>/spelling/", case_actions.add_spelling, name="case-spelling"),
    path("cases/<int:case_id>/family-told/", case_actions.family_told, name="case-family-told"),
    path(
        "cases/<int:case_id>/detention/",
        case_bureau.add_detention_event,
        name="case-detention",
    ),
    path(
        "cases/<int:case_id>/enquiries/<int:enquiry_id>/answer/",
        case_bureau.answer_enquiry,
        name="case-enquiry-answer",
    ),
    path(
        "transitions/<int:transition_id>/<str:decision>/",
        case_actions.decide,
        name="transition-decide",
    ),
    path("exchanges/", exchanges.exchange_list, name="exchanges"),
    path("exchanges/<int:exchange_id>/", exchanges.exchange_page, name="exchange"),
    path("exchanges/<int:exchange_id>/list/", exchanges.list_cases, name="exchange-list"),
    path("exchanges/<int:exchange_id>/complete/", exchanges.complete, name="exchange-complete"),
    path("exchanges/<int:exchange_id>/cancel/", exchanges.cancel, name="exchange-cancel"),
    path("imports/", imports.import_list, name="imports"),
    path("imports/<int:import_id>/", imports.import_page, name="import"),
    path("imports/<int:import_id>/progress/", imports.import_progress, name="import-progress"),
    path(
        "imports/<int:import_id>/rows/<int:row_id>/",
        imports.decide_row,
        name="import-row",
    ),
    path(
        "imports/<int:import_id>/accept-matched/",
        imports.accept_matched,
        name="import-accept-matched",
    ),
    path("imports/<int:import_id>/apply/", imports.apply, name="import-apply"),
]
