"""A held-in list of hostile inputs that every write endpoint receives, as
JSON, as a form and as multipart: nesting a thousand levels deep, NUL, huge
strings, wrong types, right-to-left overrides, lone surrogates, numbers as
strings, arrays where objects go, bytes that are not UTF-8. Nothing may
answer 500, and the API answers every refusal in JSON.

The write endpoints are read from the OpenAPI schema, so an endpoint added
later receives the list too."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from accounts.services import token_issue
from tests.api.test_schema import seed_records

pytestmark = pytest.mark.django_db

WRITE_METHODS = ("post", "put", "patch", "delete")


@functools.cache
def _schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)  # type: ignore[no-any-return]


def write_operations() -> list[tuple[str, str]]:
    return sorted(
        (path, method)
        for path, operations in _schema()["paths"].items()
        for method in operations
        if method in WRITE_METHODS
    )


def field_names(path: str, method: str) -> list[str]:
    """The request body's property names, as the schema documents them."""
    schema = _schema()
    body = schema["paths"][path][method].get("requestBody", {})
    media = body.get("content", {}).get("application/json", {}).get("schema", {})
    ref = media.get("$ref", "")
    if ref:
        media = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    return sorted(media.get("properties", {})) or ["name"]


def nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


# name -> (content type, body made from the operation's field names)
Body = Callable[[list[str]], Any]
JSON_BODIES: dict[str, Body] = {
    "1000 nested arrays": lambda f: "[" * 1000 + "]" * 1000,
    "1000 nested objects": lambda f: '{"a":' * 1000 + "1" + "}" * 1000,
    "100000 nested arrays": lambda f: "[" * 100_000 + "]" * 100_000,
    "33 levels in a field": lambda f: json.dumps({f[0]: nested(33)}),
    "NUL in every string": lambda f: json.dumps({k: "a\x00b" for k in f}),
    "a huge string in every field": lambda f: json.dumps({k: "A" * 200_000 for k in f}),
    "objects for values": lambda f: json.dumps({k: {"a": 1} for k in f}),
    "arrays for values": lambda f: json.dumps({k: [1, "a", None] for k in f}),
    "booleans for values": lambda f: json.dumps({k: True for k in f}),
    "huge numbers": lambda f: json.dumps({k: 2**80 for k in f}),
    "negative numbers": lambda f: json.dumps({k: -1 for k in f}),
    "floats": lambda f: json.dumps({k: 1e308 for k in f}),
    "numbers as strings": lambda f: json.dumps({k: "12" for k in f}),
    "right-to-left overrides": lambda f: json.dumps({k: "\u202eevil\u202c\u200b" for k in f}),
    "lone surrogates": lambda f: "{" + ",".join(f'"{k}": "\\ud800x"' for k in f) + "}",
    "escape sequences": lambda f: json.dumps({k: "\x1b[2J\x07\x7f\x9b" for k in f}),
    "an array where an object goes": lambda f: json.dumps([{k: "x" for k in f}]),
    "a string at the top": lambda f: '"x"',
    "null at the top": lambda f: "null",
    "a number at the top": lambda f: "1",
    "NaN and Infinity": lambda f: "{" + ",".join(f'"{k}": NaN' for k in f) + ', "z": Infinity}',
    "broken JSON": lambda f: '{"a": ',
    "not UTF-8": lambda f: b'{"a": "\xff\xfe\xfa"}',
    "empty": lambda f: "",
    "ten thousand keys": lambda f: json.dumps({f"k{i}": i for i in range(10_000)}),
    "null for every field": lambda f: json.dumps({k: None for k in f}),
}
FORM_VALUES: dict[str, str] = {
    "NUL": "a\x00b",
    "right-to-left override": "\u202eevil",
    "escape": "\x1b[2J",
    "deep JSON as text": "[" * 1000 + "]" * 1000,
    "a huge string": "A" * 200_000,
}


def requests_for(fields: list[str]) -> Iterator[tuple[str, str, Any]]:
    """(what, content type, body) for every hostile input."""
    for what, body in JSON_BODIES.items():
        yield what, "application/json", body(fields)
    for what, value in FORM_VALUES.items():
        yield f"form: {what}", "form", {k: value for k in fields}
        yield f"multipart: {what}", "multipart", {k: value for k in fields}
    yield "form: too many fields", "form", {f"k{i}": "1" for i in range(1500)}
    yield "XML", "application/xml", "<case><given_name>x</given_name></case>"
    yield "text", "text/plain", "given_name=x"


def _send(client: Client, method: str, url: str, content_type: str, body: Any) -> Any:
    send = getattr(client, method)
    if content_type == "form":
        from urllib.parse import urlencode

        encoded = urlencode(body)
        return send(url, data=encoded, content_type="application/x-www-form-urlencoded")
    if content_type == "multipart":
        if method == "post":
            return send(url, data=body)  # the test client's default: multipart
        from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

        return send(url, data=encode_multipart(BOUNDARY, body), content_type=MULTIPART_CONTENT)
    return send(url, data=body, content_type=content_type)


@pytest.fixture
def seeded(caseworker: User, supervisor: User) -> dict[str, list[int]]:
    return seed_records(caseworker, supervisor)


def concrete(path: str, seeded: dict[str, list[int]]) -> str:
    kind = path.split("/")[2]
    ids = seeded.get(kind) or [1]
    return path.replace("{id}", str(ids[0])).replace("{case_number}", "MP-2020-00001")


def test_every_write_endpoint_is_in_the_list() -> None:
    operations = set(write_operations())
    for expected in [
        ("/api/auth/token/", "post"),
        ("/api/cases/", "post"),
        ("/api/cases/{id}/", "patch"),
        ("/api/family-members/", "post"),
        ("/api/family/accept-invite/", "post"),
        ("/api/exchanges/{id}/complete/", "post"),
    ]:
        assert expected in operations


@pytest.mark.parametrize(("path", "method"), write_operations())
def test_no_hostile_input_gets_a_500(
    path: str, method: str, supervisor: User, seeded: dict[str, list[int]]
) -> None:
    client = Client(raise_request_exception=False)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token_issue(user=supervisor)[1]}"
    url = concrete(path, seeded)
    failures = []
    for what, content_type, body in requests_for(field_names(path, method)):
        response = _send(client, method, url, content_type, body)
        if response.status_code >= 500:
            failures.append(f"{what}: {response.status_code}")
        elif response.status_code >= 400 and response["Content-Type"] != "application/json":
            failures.append(f"{what}: {response.status_code} {response['Content-Type']}")
    assert failures == []


PAGE_FORMS = [
    "/accounts/login/",
    "/admin/login/",
    "/family/invite/not-a-token/",
    "/optout/not-a-token/",
]


@pytest.mark.parametrize("url", PAGE_FORMS)
def test_no_hostile_input_to_a_page_form_gets_a_500(url: str) -> None:
    client = Client(raise_request_exception=False)
    fields = ["username", "password", "password2"]
    failures = []
    for what, content_type, body in requests_for(fields):
        response = _send(client, "post", url, content_type, body)
        if response.status_code >= 500:
            failures.append(f"{what}: {response.status_code}")
    assert failures == []
