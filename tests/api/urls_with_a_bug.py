"""The project's URLs plus one API view with a bug in it: a lookup deep in
the code that fails for a reason that has nothing to do with the request."""

from __future__ import annotations

from django.urls import include, path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.models import CaseEvent


class ViewWithABug(APIView):
    def get(self, request: Request) -> Response:
        CaseEvent.objects.get(kind="no-such-kind")  # a bug, not a missing resource
        return Response({})


urlpatterns = [
    path("api/with-a-bug/", ViewWithABug.as_view()),
    path("", include("casemgr.urls")),
]
