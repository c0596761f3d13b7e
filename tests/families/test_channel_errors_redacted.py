"""Transport errors are stored and logged: they never carry an address."""

from __future__ import annotations

import smtplib

import pytest

from families.channels.email import classify_smtp_error, redact_addresses


@pytest.mark.parametrize(
    "exc",
    [
        smtplib.SMTPDataError(550, b"5.1.1 <mariam.hovhannisyan@example.org>: no such user"),
        smtplib.SMTPSenderRefused(553, b"relay denied for mariam@example.org", "noreply@x"),
        smtplib.SMTPResponseException(451, "try later, mariam.h@example.org (greylisted)"),
        OSError("cannot route to mariam.hovhannisyan@example.org"),
    ],
    ids=["data-550", "sender-553", "reply-451", "oserror"],
)
def test_smtp_errors_keep_the_code_and_drop_the_address(exc: Exception) -> None:
    error = classify_smtp_error(exc)
    assert "@" not in str(error)
    assert "mariam" not in str(error)
    assert "<address>" in str(error)


def test_redaction_leaves_text_without_addresses_alone() -> None:
    assert redact_addresses("SMTP 421: service not available") == (
        "SMTP 421: service not available"
    )
