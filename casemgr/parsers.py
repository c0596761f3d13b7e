"""The API's JSON parser: DRF's, with a limit on nesting.

Python's json decoder recurses once per level: a body of a few kilobytes
nested a thousand levels deep ends in a RecursionError (a 500) inside the
parser, or, a little shallower, in whatever walks the data next. No request
of ours nests deeper than a handful of levels, so anything deeper than
MAX_JSON_DEPTH is refused as a parse error (400), and so is any depth the
decoder itself cannot reach. Form and multipart bodies are flat (a
QueryDict), so DRF's own parsers serve them unchanged.
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


def json_depth_exceeds(data: Any, limit: int) -> bool:
    """True when `data` nests lists/objects deeper than `limit`. Iterative, so
    that checking a deep value cannot itself overflow the stack."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, Mapping):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


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
        if json_depth_exceeds(data, MAX_JSON_DEPTH):
            raise ParseError(TOO_DEEP)
        return data
