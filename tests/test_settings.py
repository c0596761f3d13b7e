"""Settings come from the environment; production settings are safe or refuse to start.

Each case runs Django in a subprocess with a clean environment, as a server
would start, so no setting leaks in from the test run.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/tmp", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _production_env(**extra: str) -> dict[str, str]:
    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "casemgr.example.org",
        **extra,
    }


def test_with_debug_off_and_no_secret_key_django_refuses_to_start() -> None:
    result = _manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_a_malformed_boolean_is_refused_by_name() -> None:
    result = _manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_the_deploy_check_leaves_only_what_the_tls_proxy_sets() -> None:
    # W004 (HSTS) and W008 (HTTPS redirect) are left to the TLS-terminating
    # proxy by default; README "Deploying" says how to set them here instead.
    result = _manage("check", "--deploy", **_production_env())
    assert result.returncode == 0, result.stderr
    assert set(re.findall(r"\((\w+\.[WE]\d+)\)", result.stderr + result.stdout)) == {
        "security.W004",
        "security.W008",
    }


def test_the_deploy_check_is_clean_when_the_https_settings_are_given() -> None:
    env = _production_env(
        SECURE_SSL_REDIRECT="1", SECURE_HSTS_SECONDS="31536000", BEHIND_TLS_PROXY="1"
    )
    result = _manage("check", "--deploy", **env)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
