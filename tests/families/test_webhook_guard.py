"""A relative's webhook cannot reach inside: refused when saved and when
sent, however the address is written; sent to the address checked; no
redirects; the status kept, never the receiver's answer."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from rest_framework.test import APIClient

from families.channels import TransportError, get_channel
from families.channels.http import refusal
from families.delivery import notification_deliver
from families.models import FamilyMember, Notification, NotificationStatus

pytestmark = pytest.mark.django_db
MakeNotification = Callable[..., Notification]
SECRET = "INTERNAL-ONLY-ANSWER-7f3a"

# Every way of writing an address inside (ports are added where a receiver listens).
LOOPBACK_FORMS = [
    "127.0.0.1",
    "127.1",
    "2130706433",
    "0x7f000001",
    "0177.0.0.1",
    "0x7f.1",
    "localhost",
    "LocalHost",
]
INSIDE_FORMS = [
    *LOOPBACK_FORMS,
    "127.255.255.254",
    "0.0.0.0",
    "0",
    "[::1]",
    "[::]",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "[0:0:0:0:0:ffff:a00:1]",
    "[64:ff9b::7f00:1]",
    "[2002:7f00:1::]",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "[fe80::1]",
    "[fc00::1]",
    "[fd12:3456::1]",
    "[ff02::1]",
]


@contextmanager
def receiver(status: int = 200, **headers: str) -> Iterator[tuple[int, list[str]]]:
    """A real HTTP server on 127.0.0.1: answers every request with `status`,
    `headers` and a body only the inside should see; records each request."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            seen.append(f"{self.command} {self.path} Host={self.headers.get('Host')}")
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            body = SECRET.encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1], seen
    finally:
        server.shutdown()
        server.server_close()


def point_webhook(notification: Notification, url: str) -> None:
    """Store a URL as an older version might have (no save-time check)."""
    FamilyMember.objects.filter(pk=notification.member_id).update(webhook_url=url)


# --- at send time ------------------------------------------------------------------


@pytest.mark.parametrize("host", LOOPBACK_FORMS)
def test_a_webhook_to_loopback_never_reaches_the_local_receiver(
    host: str, make_notification: MakeNotification
) -> None:
    notification = make_notification("webhook")
    with receiver() as (port, seen):
        point_webhook(notification, f"http://{host}:{port}/hook")
        result = notification_deliver(notification_id=notification.pk)
    assert seen == []
    assert result.outcome == "failed"
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.FAILED
    assert notification.attempts == 1  # permanent: not retried
    assert "non-public address" in notification.last_error


def test_an_ipv4_mapped_loopback_never_reaches_the_local_receiver(
    make_notification: MakeNotification,
) -> None:
    notification = make_notification("webhook")
    with receiver() as (port, seen):
        point_webhook(notification, f"http://[::ffff:127.0.0.1]:{port}/hook")
        with pytest.raises(TransportError) as caught:
            get_channel("webhook").send(Notification.objects.get(pk=notification.pk))
    assert seen == []
    assert caught.value.permanent is True


@pytest.mark.parametrize("host", INSIDE_FORMS)
def test_every_inside_address_is_refused_for_good_at_send_time(
    host: str, make_notification: MakeNotification
) -> None:
    notification = make_notification("webhook")
    point_webhook(notification, f"http://{host}/hook")
    with pytest.raises(TransportError) as caught:
        get_channel("webhook").send(Notification.objects.get(pk=notification.pk))
    assert caught.value.permanent is True
    assert "non-public address" in caught.value.message


@pytest.mark.parametrize("host", INSIDE_FORMS)
def test_every_inside_address_is_refused_when_checked(host: str) -> None:
    assert refusal(f"https://{host}/hook", frozenset())


@pytest.mark.parametrize(
    "url",
    ["https://93.184.216.34/hook", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook"],
)
def test_a_public_address_is_accepted(url: str) -> None:
    assert refusal(url, frozenset()) is None


def test_a_name_that_resolves_inside_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {"hooks.example.org": [["93.184.216.34", "10.1.2.3"]]}
    fake_dns(monkeypatch, answers)
    assert "10.1.2.3" in (refusal("https://hooks.example.org/h", frozenset()) or "")


def test_credentials_in_the_url_are_refused() -> None:
    assert refusal("https://user:pw@93.184.216.34/hook", frozenset())


def fake_dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[list[str]]]) -> list[str]:
    """The world's DNS, faked at its edge: each name's answers are served one
    lookup at a time (the last repeating); returns the names looked up."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in answers:
            return real(host, port, *args, **kwargs)
        asked.append(host)
        served = answers[host]
        addresses = served.pop(0) if len(served) > 1 else served[0]
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in addresses
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_the_send_goes_to_the_address_checked_not_a_second_lookup(
    make_notification: MakeNotification, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    # DNS rebinding: the name is public when checked and loopback a moment later.
    settings.WEBHOOK_TIMEOUT_SECONDS = 1
    notification = make_notification("webhook")
    with receiver() as (port, seen):
        asked = fake_dns(monkeypatch, {"rebind.example.org": [["93.184.216.34"], ["127.0.0.1"]]})
        asked.clear()
        point_webhook(notification, f"http://rebind.example.org:{port}/hook")
        with pytest.raises(TransportError):
            get_channel("webhook").send(Notification.objects.get(pk=notification.pk))
    assert seen == []
    assert asked == ["rebind.example.org"]


# --- receivers allowed inside, by name ------------------------------------------------------


def test_an_allowed_internal_receiver_gets_the_post_with_its_name_as_host(
    make_notification: MakeNotification, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.WEBHOOK_ALLOWED_HOSTS = ["receiver.internal"]
    fake_dns(monkeypatch, {"receiver.internal": [["127.0.0.1"]]})
    notification = make_notification("webhook")
    with receiver(200) as (port, seen):
        point_webhook(notification, f"http://receiver.internal:{port}/hook")
        assert notification_deliver(notification_id=notification.pk).outcome == "sent"
    assert seen == [f"POST /hook Host=receiver.internal:{port}"]


@pytest.mark.usefixtures("webhooks_to_localhost")
def test_a_redirect_is_not_followed_and_fails_for_good(
    make_notification: MakeNotification,
) -> None:
    notification = make_notification("webhook")
    with receiver(302, Location="/internal/admin") as (port, seen):
        point_webhook(notification, f"http://127.0.0.1:{port}/hook")
        assert notification_deliver(notification_id=notification.pk).outcome == "failed"
    assert [request.split()[0] for request in seen] == ["POST"]
    notification.refresh_from_db()
    assert "HTTP 302" in notification.last_error
    assert notification.attempts == 1


@pytest.mark.usefixtures("webhooks_to_localhost")
@pytest.mark.parametrize("status", [302, 400, 404, 500, 503])
def test_the_receivers_answer_is_never_stored_nor_shown_only_its_status(
    status: int, make_notification: MakeNotification, caseworker: Any
) -> None:
    notification = make_notification("webhook")
    with receiver(status, Location="/internal") as (port, _):
        point_webhook(notification, f"http://127.0.0.1:{port}/hook")
        notification_deliver(notification_id=notification.pk)
    notification.refresh_from_db()
    (attempt,) = notification.delivery_attempts.all()
    assert f"HTTP {status}" in attempt.error
    assert SECRET not in attempt.error
    assert SECRET not in notification.last_error
    client = APIClient()
    client.force_authenticate(caseworker)
    shown = client.get("/api/notifications/", {"member": notification.member_id})
    assert shown.status_code == 200
    assert f"HTTP {status}" in shown.content.decode()
    assert SECRET not in shown.content.decode()


# --- at save time ----------------------------------------------------------------------


def _relative(case: Any, url: str) -> dict[str, Any]:
    return {
        "full_name": "Mariam Hovhannisyan",
        "language": "hy",
        "channels": ["webhook"],
        "webhook_url": url,
        "webhook_secret": "org-secret",
        "links": [{"case": case.pk, "relationship": "mother", "verified": True}],
    }


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://[::1]/hook",
        "http://localhost:8000/hook",
        "http://10.0.0.5/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0:8000/",
        "http://[::ffff:127.0.0.1]/hook",
    ],
)
def test_saving_a_webhook_inside_is_400_naming_the_field(
    url: str, staff_api: APIClient, case: Any
) -> None:
    response = staff_api.post("/api/family-members/", _relative(case, url), format="json")
    assert response.status_code == 400
    assert "webhook_url" in response.json()
    assert not FamilyMember.objects.filter(full_name="Mariam Hovhannisyan").exists()


def test_changing_a_webhook_to_inside_is_400_and_keeps_the_old_one(
    staff_api: APIClient, case: Any
) -> None:
    created = staff_api.post(
        "/api/family-members/", _relative(case, "https://93.184.216.34/hook"), format="json"
    )
    assert created.status_code == 201, created.json()
    member_id = created.json()["id"]
    response = staff_api.patch(
        f"/api/family-members/{member_id}/", {"webhook_url": "http://127.1/"}, format="json"
    )
    assert response.status_code == 400
    assert "webhook_url" in response.json()
    assert FamilyMember.objects.get(pk=member_id).webhook_url == "https://93.184.216.34/hook"


def test_an_allowed_internal_receiver_may_be_saved(
    staff_api: APIClient, case: Any, settings: Any
) -> None:
    settings.WEBHOOK_ALLOWED_HOSTS = ["localhost"]
    response = staff_api.post(
        "/api/family-members/", _relative(case, "http://localhost:9000/hook"), format="json"
    )
    assert response.status_code == 201, response.json()


# --- https: the certificate is the name's, though the address was dialled ----------------


@contextmanager
def tls_receiver(tmp_path: Any, name: str) -> Iterator[tuple[int, list[str], str]]:
    """An HTTPS receiver on 127.0.0.1 with a self-signed certificate for
    `name`; yields its port, what it saw (SNI and Host) and the certificate."""
    import ssl
    import subprocess

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
    command += ["-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}"]
    command += ["-addext", f"subjectAltName=DNS:{name}"]
    subprocess.run(command, check=True, capture_output=True)
    seen: list[str] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, server_name, ctx: seen.append(f"SNI={server_name}")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen.append(f"Host={self.headers.get('Host')}")
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1], seen, str(cert)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def openssl() -> None:
    import shutil

    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")


@pytest.fixture
def internal_receiver_name(monkeypatch: pytest.MonkeyPatch, settings: Any) -> str:
    """receiver.internal: allowed inside, and resolving to 127.0.0.1."""
    settings.WEBHOOK_ALLOWED_HOSTS = ["receiver.internal"]
    fake_dns(monkeypatch, {"receiver.internal": [["127.0.0.1"]]})
    return "receiver.internal"


@pytest.mark.usefixtures("openssl", "internal_receiver_name")
def test_https_checks_the_names_certificate_at_the_pinned_address(
    make_notification: MakeNotification, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    notification = make_notification("webhook")
    with tls_receiver(tmp_path, "receiver.internal") as (port, seen, cert):
        monkeypatch.setenv("SSL_CERT_FILE", cert)  # trust the receiver's certificate
        point_webhook(notification, f"https://receiver.internal:{port}/hook")
        assert notification_deliver(notification_id=notification.pk).outcome == "sent"
    assert seen == ["SNI=receiver.internal", f"Host=receiver.internal:{port}"]


@pytest.mark.usefixtures("openssl", "internal_receiver_name")
def test_https_refuses_a_certificate_for_another_name(
    make_notification: MakeNotification, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    notification = make_notification("webhook")
    with tls_receiver(tmp_path, "someone-else.internal") as (port, seen, cert):
        monkeypatch.setenv("SSL_CERT_FILE", cert)
        point_webhook(notification, f"https://receiver.internal:{port}/hook")
        with pytest.raises(TransportError) as caught:
            get_channel("webhook").send(Notification.objects.get(pk=notification.pk))
    assert "certificate" in caught.value.message.lower()
    assert not any(item.startswith("Host=") for item in seen)
