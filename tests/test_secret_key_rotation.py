"""Rotating SECRET_KEY through the environment: the opt-out link in a message
sent before the rotation still works when the old key is listed in
SECRET_KEY_FALLBACKS, and is refused when it is not. Django starts in a
subprocess with a clean environment, as a server would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD_KEY = "the-key-before-the-rotation-" + "o" * 40
NEW_KEY = "the-key-after-the-rotation-" + "n" * 40


def _django(code: str, **env: str) -> str:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/tmp", **env}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]  # after what the shell says on start


def _token_signed_with(key: str) -> str:
    return _django(
        "from families.optout import optout_token; print(optout_token(7, 'email'))",
        SECRET_KEY=key,
    )


PARSE = (
    "from django.core.signing import BadSignature\n"
    "from families.optout import optout_parse\n"
    "try:\n"
    "    print(optout_parse({token!r}))\n"
    "except BadSignature:\n"
    "    print('refused')\n"
)


def test_an_opt_out_link_signed_before_a_key_rotation_still_works() -> None:
    token = _token_signed_with(OLD_KEY)
    answer = _django(
        PARSE.format(token=token),
        SECRET_KEY=NEW_KEY,
        SECRET_KEY_FALLBACKS=f"some-older-key-{'x' * 40}, {OLD_KEY}",
    )
    assert answer == "(7, 'email')"


def test_without_the_old_key_among_the_fallbacks_the_link_is_refused() -> None:
    token = _token_signed_with(OLD_KEY)
    assert _django(PARSE.format(token=token), SECRET_KEY=NEW_KEY) == "refused"
