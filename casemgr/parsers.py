"""The API's JSON parser: DRF's, with a limit on nesting, and text that is
Unicode.

Python's json decoder recurses once per level: a body of a few kilobytes
nested a thousand levels deep ends in a RecursionError (a 500) inside the
parser, or, a little shallower, in whatever walks the data next. No request
of ours nests deeper than a handful of levels, so anything deeper than
MAX_JSON_DEPTH is refused as a parse error (400), and so is any depth the
decoder itself cannot reach. Form and multipart bodies are flat (a
QueryDict), so DRF's own parsers serve them unchanged.

JSON may also spell a lone surrogate ("\\ud800"), which is not a character:
it cannot be encoded, so it fails wherever it goes next (the database
driver, or the error message that quotes it back). It is refused here, once
for every field of every endpoint, keys included. Form and multipart bodies
are decoded from bytes and cannot hold one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# Our deepest request is three levels (a relative's links, an import row's
# decision); the margin is for clients that wrap their payloads.
MAX_JSON_DEPTH = 32

TOO_DEEP = f"JSON parse error - nested deeper than {MAX_JSON_DEPTH} levels."
NOT_UNICODE = "JSON parse error - a string is not valid Unicode (a lone surrogate)."
FIELD_NOT_UNICODE = "This text is not valid Unicode (a lone surrogate)."


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _not_unicode(field: Any) -> str | dict[str, list[str]]:
    if isinstance(field, str) and _is_unicode(field):
        return {field: [FIELD_NOT_UNICODE]}
    return NOT_UNICODE  # in a key, or in no field: nothing to name


def json_refusal(data: Any, max_depth: int) -> str | dict[str, list[str]] | None:
    """Why parsed JSON cannot be used, or None: TOO_DEEP, or for a lone
    surrogate the top-level field it is in ({field: [message]}, as any bad
    field is named) or NOT_UNICODE when it is in no field. Iterative, so that
    checking a deep value cannot overflow the stack."""
    top = data if isinstance(data, Mapping) else {}
    stack: list[tuple[Any, int, Any]] = [(data, 1, None)]
    while stack:
        value, depth, field = stack.pop()
        if isinstance(value, str):
            if not _is_unicode(value):
                return _not_unicode(field)
            continue
        if isinstance(value, Mapping):
            children = [(k, field) for k in value] + [
                (v, k if value is top else field) for k, v in value.items()
            ]
        elif isinstance(value, list):
            children = [(item, field) for item in value]
        else:
            continue
        if depth > max_depth:
            return TOO_DEEP
        stack.extend((child, depth + 1, name) for child, name in children)
    return None


class DepthLimitedJSONParser(JSONParser):
    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(TOO_DEEP) from None
        refusal = json_refusal(data, MAX_JSON_DEPTH)
        if refusal:
            raise ParseError(refusal)
        return data
