"""With DEBUG off, gunicorn serves the static files itself (whitenoise):
the admin's styles and the API docs' scripts load, under hashed names that
browsers may cache for a year, compressed when the browser accepts it.

The server runs as in production: a subprocess with a clean environment,
DEBUG=0, collectstatic into a temporary directory, gunicorn on a free port.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
A_YEAR = 365 * 24 * 3600


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _production_env(static_root: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": "/tmp",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(static_root),
        # Static files and the docs page need no database; nothing connects.
        "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:////tmp/unused.sqlite3"),
    }


def _wait_until_listening(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60  # a bound on a hung start, not a measurement
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not start listening")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = _production_env(tmp_path_factory.mktemp("static"))
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert collected.returncode == 0, collected.stderr
    port = _free_port()
    server = subprocess.Popen(
        [str(GUNICORN), "casemgr.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_listening(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def assets(html: str, kind: str) -> list[str]:
    return re.findall(rf'(?:src|href)="(/static/[^"]+\.{kind})"', html)


def assert_cached_for_a_year(headers: dict[str, str]) -> None:
    max_age = re.search(r"max-age=(\d+)", headers.get("Cache-Control", ""))
    assert max_age, headers
    assert int(max_age.group(1)) >= A_YEAR


def test_the_admin_styles_load_with_long_cache_headers(server: str) -> None:
    status, _, page = fetch(f"{server}/admin/login/")
    assert status == 200
    styles = assets(page.decode(), "css")
    assert any("/static/admin/css/" in s for s in styles), styles
    for style in styles:
        # A hashed name: base.5af66c1b1797.css
        assert re.search(r"\.[0-9a-f]{12}\.css$", style), style
        status, headers, body = fetch(f"{server}{style}")
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")
        assert body
        assert_cached_for_a_year(headers)


def test_the_api_docs_load_their_scripts_and_styles(server: str) -> None:
    status, _, page = fetch(f"{server}/api/docs/")
    assert status == 200
    files = assets(page.decode(), "js") + assets(page.decode(), "css")
    assert any("swagger-ui" in f for f in files), files
    for name in files:
        status, headers, body = fetch(f"{server}{name}")
        assert status == 200, name
        assert body
        assert_cached_for_a_year(headers)


def test_static_files_are_sent_compressed_when_accepted(server: str) -> None:
    _, _, page = fetch(f"{server}/api/docs/")
    script = next(f for f in assets(page.decode(), "js") if "swagger-ui-bundle" in f)
    _, headers, _ = fetch(f"{server}{script}", **{"Accept-Encoding": "gzip"})
    assert headers.get("Content-Encoding") == "gzip"
