"""The outside world, faked at its edge: an HTTP receiver (SMS gateway or
webhook) and an SMTP server, each answering from a script of replies."""

from __future__ import annotations

import json
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Script:
    """Replies to give, in order; the last one repeats. Clear `gate` to hold
    every reply until it is set again; `arrived` is set by each request."""

    replies: list[Any]
    delay: float = 0.0
    received: list[Any] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    arrived: threading.Event = field(default_factory=threading.Event)
    gate: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.gate.set()

    def next_reply(self, item: Any) -> Any:
        with self.lock:
            self.received.append(item)
            index = min(len(self.received) - 1, len(self.replies) - 1)
            return self.replies[index]


@contextmanager
def http_receiver(*replies: int | tuple[int, float]) -> Iterator[tuple[str, Script]]:
    """An HTTP server answering each POST with the next status code (or
    (status, delay seconds)); yields its URL and the script."""
    script = Script(list(replies) or [200])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            reply = script.next_reply(Received(self.path, dict(self.headers.items()), body))
            script.arrived.set()
            script.gate.wait(30)
            status, delay = reply if isinstance(reply, tuple) else (reply, 0.0)
            if delay:
                time.sleep(delay)
            answer = json.dumps({"id": f"gw-{len(script.received)}"}).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
            except OSError:
                pass  # the client gave up (timeout test)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", script
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def smtp_server(rcpt_reply: str = "250 OK", delay: float = 0.0) -> Iterator[tuple[int, Script]]:
    """A minimal SMTP server: answers RCPT TO with `rcpt_reply`, accepts the
    rest (taking `delay` seconds per message); yields its port and the script
    (the complete messages it accepted)."""
    script = Script([rcpt_reply], delay=delay)

    class Handler(socketserver.StreamRequestHandler):
        def reply(self, line: str) -> None:
            self.wfile.write(line.encode() + b"\r\n")

        def handle(self) -> None:
            self.reply("220 fake ESMTP")
            while line := self.rfile.readline():
                command = line.decode("utf-8", "replace").strip().upper()
                if command.startswith(("EHLO", "HELO")):
                    self.reply("250 fake")
                elif command.startswith("RCPT"):
                    self.reply(script.replies[0])
                elif command == "DATA":
                    self.reply("354 go on")
                    data = b""
                    while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                        data += chunk
                    if chunk == b"":
                        return  # the client died mid-message: nothing was delivered
                    if script.delay:
                        time.sleep(script.delay)
                    script.next_reply(data)
                    self.reply("250 queued as fake-1")
                elif command == "QUIT":
                    self.reply("221 bye")
                    return
                else:
                    self.reply("250 OK")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], script
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class SilentBroker:
    """A Redis that accepts connections and never answers (the kernel
    completes the handshakes; nobody reads)."""

    listener: socket.socket
    accepted: list[socket.socket] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.listener.getsockname()[1]}/0"

    def connections(self) -> int:
        """How many connections were ever opened to it: each one waits in the
        listen backlog until it is taken here, even one its client closed."""
        while True:
            try:
                conn, _ = self.listener.accept()
            except BlockingIOError:
                return len(self.accepted)
            self.accepted.append(conn)


@contextmanager
def silent_broker() -> Iterator[SilentBroker]:
    """A port that accepts connections and never answers: a hung Redis (the
    worst case for a publish, worse than a refused connection)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(256)
        listener.setblocking(False)
        broker = SilentBroker(listener)
        try:
            yield broker
        finally:
            for conn in broker.accepted:
                conn.close()
