"""Secrets never reach the logs: a logging filter that blanks them.

Tokens travel in paths (the opt-out and invitation links), in query strings
and in Authorization headers, and Django logs paths ("Not Found: /optout/…",
runserver's request lines). The filter sits on every handler in
settings.LOGGING; gunicorn's access log has its own (accounts.gunicorn).
tests/accounts/test_redaction.py walks the URLconf so that a new route
carrying a token cannot be forgotten here.
"""

from __future__ import annotations

import logging
import re

REDACTED = "[redacted]"

# Routes whose path carries a token (families.urls, casemgr.urls).
_PATH = re.compile(r"(/(?:optout|family/invite)/)[^/\s?#\"']+")
# Django's password-reset confirmation: /…/reset/<uidb64>/<token>/ — both
# parts, since the first says whose account it is (…/reset/done/ has one).
_RESET = re.compile(r"(/reset/)[^/\s?#\"']+/[^/\s?#\"']+")
# Query parameters whose name says secret: ?token=, ?key=, ?password=, ?signature=, …
_QUERY = re.compile(
    r"([?&;][^=&\s\"'#]*(?:token|key|secret|password|passwd|signature|sig)[^=&\s\"'#]*=)"
    r"[^&\s\"'#]*",
    re.IGNORECASE,
)
# "Authorization: Token abc…", "Bearer abc…" as a header would be printed.
_CREDENTIALS = re.compile(r"\b(Token|Bearer|Basic)(\s+)[A-Za-z0-9._~+/=:-]{8,}")


def redact(text: str) -> str:
    text = _PATH.sub(rf"\1{REDACTED}", text)
    text = _RESET.sub(rf"\1{REDACTED}/{REDACTED}", text)
    text = _QUERY.sub(rf"\1{REDACTED}", text)
    return _CREDENTIALS.sub(rf"\1\2{REDACTED}", text)


class RedactSecrets(logging.Filter):
    """Rewrites a record's message with its secrets blanked; drops nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the formatter's own error
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
