"""The role matrix over every API path in the schema: family members are
refused on every staff endpoint, staff on every family endpoint, anonymous
everywhere. Enumerating the schema keeps this true as endpoints are added."""

from __future__ import annotations

import re

import pytest
from drf_spectacular.generators import SchemaGenerator

from .conftest import api_as

# Endpoints that anyone may call: they are how one gets an account or a token.
PUBLIC = {"/api/family/accept-invite/", "/api/auth/token/"}
# About the caller's own tokens: every logged-in user, whatever the role.
OWN = "/api/auth/"


def _operations():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path, methods in schema["paths"].items():
        url = re.sub(r"\{[^}]+\}", "1", path)
        for method in methods:
            if method in {"get", "post", "put", "patch", "delete"}:
                yield path, url, method


OPERATIONS = sorted(_operations())
FAMILY = [op for op in OPERATIONS if op[0].startswith("/api/family/") and op[0] not in PUBLIC]
ACCOUNT = [op for op in OPERATIONS if op[0].startswith(OWN) and op[0] not in PUBLIC]
STAFF = [
    op for op in OPERATIONS if not op[0].startswith(("/api/family/", OWN)) and op[0] not in PUBLIC
]


def test_the_schema_lists_the_family_and_staff_endpoints():
    assert {op[0] for op in ACCOUNT} >= {"/api/auth/logout/", "/api/auth/tokens/"}
    paths = {op[0] for op in OPERATIONS}
    assert "/api/family/cases/" in paths
    assert "/api/family-members/{id}/invite/" in paths
    assert "/api/notifications/" in paths


@pytest.mark.parametrize(("path", "url", "method"), STAFF)
def test_a_family_member_is_refused_on_every_staff_endpoint(member, path, url, method):
    response = getattr(api_as(member.user), method)(url, {}, format="json")
    assert response.status_code == 403, (method, path)


@pytest.mark.parametrize(("path", "url", "method"), FAMILY)
def test_staff_are_refused_on_every_family_endpoint(caseworker, supervisor, path, url, method):
    for user in (caseworker, supervisor):
        response = getattr(api_as(user), method)(url, {}, format="json")
        assert response.status_code == 403, (user, method, path)


@pytest.mark.parametrize(("path", "url", "method"), FAMILY + STAFF + ACCOUNT)
def test_anonymous_is_401_on_every_endpoint_but_the_public_ones(db, path, url, method):
    response = getattr(api_as(None), method)(url, {}, format="json")
    assert response.status_code == 401, (method, path)
