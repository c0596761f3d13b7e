"""gunicorn's access log without secrets:

    gunicorn casemgr.wsgi --access-logfile - \\
        --logger-class accounts.gunicorn.RedactingLogger \\
        --access-logformat '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms'

The request line and path lose their query string (a name searched for, a
token) and the tokens in their path (accounts.redact); the referrer and every
request header pass through the same redaction, and the Authorization and
Cookie headers are never printed at all.
"""

from __future__ import annotations

from typing import Any

from gunicorn.glogging import Logger

from accounts.redact import REDACTED, redact

_NEVER = ("{authorization}i", "{cookie}i", "{proxy-authorization}i")


class RedactingLogger(Logger):
    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms = super().atoms(resp, req, environ, request_time)
        path = redact(str(environ.get("PATH_INFO") or ""))
        atoms["U"] = path
        atoms["q"] = "-"
        atoms["r"] = f"{environ['REQUEST_METHOD']} {path} {environ['SERVER_PROTOCOL']}"
        atoms["f"] = redact(str(atoms.get("f") or "-")).split("?", 1)[0]
        for name, value in list(atoms.items()):
            if name.endswith("}i"):
                atoms[name] = REDACTED if name in _NEVER else redact(str(value))
        return atoms
