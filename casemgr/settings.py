"""casemgr settings: every value comes from the environment (see CONTRACT.md).

With no variables set this is the embedded default: SQLite, Celery tasks run
eagerly in-process, email to the console, DEBUG on. Production sets DEBUG=0,
SECRET_KEY, DATABASE_URL and CELERY_BROKER_URL.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from casemgr.env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=True)

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production-0123456789abcdef"
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off casemgr refuses to start without a secret key; "
            "set SECRET_KEY to a long random value."
        )
    SECRET_KEY = _DEV_SECRET_KEY
# Keys retired by a rotation, newest first: what they signed (opt-out links in
# messages already sent, sessions) still verifies; only SECRET_KEY signs.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", "")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "axes",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_htmx",
    "accounts",
    "cases",
    "cases.bureau",
    "cases.imports",
    "families",
    "casemgr.workspace",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files with DEBUG off, as whitenoise asks: right after security.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "casemgr.headers.PrivateResponseMiddleware",
    # Before anything reads the request (after the headers, which refusals
    # carry too): NUL characters and oversized bodies.
    "casemgr.middleware.RequestGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last: turns a lockout flagged during the view into the 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "casemgr.urls"
WSGI_APPLICATION = "casemgr.wsgi.application"
ASGI_APPLICATION = "casemgr.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Django 6's default today: a scheme-less URL typed in a form means https.
FORMS_URLFIELD_ASSUME_HTTPS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Axes first: it refuses a locked-out (username, address) before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
# Relatives land on their portal, staff on Today in the workspace (families.views.landing).
LOGIN_REDIRECT_URL = "families:landing"
LOGOUT_REDIRECT_URL = "home"

# --- Languages: the families' languages ------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("hy", "Հայերեն"), ("ru", "Русский"), ("en", "English")]
# The project's own catalogue (base.html, login, password reset, and our
# translations of what Django's hy catalogue leaves in English). It comes
# before the apps' and Django's, so its entries win. Apps keep theirs in
# <app>/locale/. Compiled .mo files are committed: no system gettext needed.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Yerevan")
USE_I18N = True
USE_TZ = True
# Dates read DD.MM.YYYY and times name the zone in words in every language
# (cases.dates is the rule; these modules hand it to Django, so the admin,
# `{{ value|date }}` and form widgets follow). The REST API keeps ISO 8601:
# DRF formats with its own settings, not these.
FORMAT_MODULE_PATH = ["casemgr.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# With DEBUG off, gunicorn serves the static files itself (whitenoise):
# hashed names cached for a year, gzip-compressed copies made by
# collectstatic. With DEBUG on, runserver finds them in the apps as usual.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
STATICFILES_DIRS = [BASE_DIR / "static"]

# --- Request size ------------------------------------------------------------
# Every body but the files of a multipart upload (Django's own limit), and
# the whole of a multipart upload (an import's CSV or XLSX): 413 above these.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 26_214_400)

# --- Security --------------------------------------------------------------
# TLS is terminated by the reverse proxy in front of gunicorn; it sets the
# HTTPS-only settings below (see README "Deploying").
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
if env_bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
# How many reverse proxies in front of gunicorn append to X-Forwarded-For; the
# client's address is the entry that many places from the right. 0: the
# header is ignored (accounts.client.client_address, for throttles and lockout).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Lockout (django-axes, accounts.lockout): after LOGIN_FAILURE_LIMIT failures
# for one username from one address, that pair is refused for the cool-off.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "accounts.client.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_USERNAME_CALLABLE = "accounts.lockout.lockout_username"
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password2", "token"]

# API tokens (django-rest-knox, accounts.models.ApiToken): one per login,
# stored as a digest, expiring; refreshed with POST /api/auth/token/refresh/.
KNOX_TOKEN_MODEL = "accounts.ApiToken"
# knox's own migrations create its token table even when KNOX_TOKEN_MODEL
# replaces it (they do not mark it swappable); a dead table with a foreign key
# to users would only be in the way. accounts.ApiToken's table is the one.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "TOKEN_MODEL": KNOX_TOKEN_MODEL,
    "TOKEN_TTL": timedelta(hours=env_int("API_TOKEN_TTL_HOURS", 10)),
    "AUTH_HEADER_PREFIX": "Token",
    "AUTO_REFRESH": False,
}
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp) on every answer: scripts, styles and
# everything else only from this site, no inline script or style anywhere
# (templates keep theirs in static/), no framing, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
SESSION_COOKIE_HTTPONLY = True

# --- Email -------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "sent_emails"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "casemgr <noreply@localhost>")

SMS_BACKEND = env_str("SMS_BACKEND", "families.channels.sms.LoggingSmsBackend")
# families.channels.sms.HttpGatewaySmsBackend: a generic JSON HTTP gateway.
SMS_GATEWAY_URL = env_str("SMS_GATEWAY_URL")
SMS_GATEWAY_TOKEN = env_str("SMS_GATEWAY_TOKEN")
SMS_SENDER = env_str("SMS_SENDER", "casemgr")
SMS_GATEWAY_TIMEOUT = env_int("SMS_GATEWAY_TIMEOUT", 10)
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 10)
# Webhook receivers that may resolve to internal addresses (names or literal
# addresses, as written in the URL); every other internal address is refused.
WEBHOOK_ALLOWED_HOSTS = env_list("WEBHOOK_ALLOWED_HOSTS", "")

# Notification delivery (families.delivery): attempts per message, backoff
# between them (base * 3**n, capped), and the sweep's patience.
NOTIFY_MAX_ATTEMPTS = env_int("NOTIFY_MAX_ATTEMPTS", 6)
NOTIFY_RETRY_BASE_SECONDS = env_int("NOTIFY_RETRY_BASE_SECONDS", 10)
NOTIFY_RETRY_MAX_SECONDS = env_int("NOTIFY_RETRY_MAX_SECONDS", 600)
NOTIFY_SWEEP_GRACE_SECONDS = env_int("NOTIFY_SWEEP_GRACE_SECONDS", 60)
# A row 'sending' for longer than CELERY_TASK_TIME_LIMIT + this margin lost its worker.
NOTIFY_SENDING_MARGIN_SECONDS = env_int("NOTIFY_SENDING_MARGIN_SECONDS", 60)

# --- Celery --------------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # Nothing is published in eager mode; the in-memory transport keeps kombu
    # from looking for a default AMQP host it will never use.
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
# At-least-once: a task is acknowledged only after it ran, and a task whose
# worker died is given back to the queue. The tasks are idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = env_int("CELERY_WORKER_PREFETCH_MULTIPLIER", 1)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 60)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 90)
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Keep a worker's database connection from one task to the next (Celery's
# fixup otherwise reconnects for every task); casemgr/celery.py closes it
# after a task that did not end normally, and CONN_MAX_AGE still applies.
CELERY_DB_REUSE_MAX = 1000
# Redis re-delivers an unacknowledged message after the visibility timeout; it
# must exceed the longest task (time limit) and the longest retry countdown.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    "retry_on_timeout": False,
    "max_retries": 1,
}
# Publishing must never hang a caseworker's save when Redis is down (celery
# #4556, #6046): bounded connect, one short retry, then the sweep takes over.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BEAT_SCHEDULE = {
    "cases-sweep-undispatched-events": {
        "task": "cases.tasks.sweep_undispatched_events",
        "schedule": env_int("SWEEP_INTERVAL_SECONDS", 60),
    },
    "families-sweep-notifications": {
        "task": "families.tasks.sweep_notifications",
        "schedule": env_int("SWEEP_INTERVAL_SECONDS", 60),
    },
    "imports-sweep-stalled": {
        "task": "cases.imports.tasks.sweep_imports",
        "schedule": env_int("SWEEP_INTERVAL_SECONDS", 60),
    },
    "accounts-sweep-expired-tokens": {
        "task": "accounts.tasks.sweep_expired_tokens",
        "schedule": 3600,
    },
}
# Events older than this and still not dispatched are picked up by the sweep;
# younger ones are normally still on their way through on_commit.
OUTBOX_SWEEP_GRACE_SECONDS = env_int("OUTBOX_SWEEP_GRACE_SECONDS", 30)

# Who hears about a case event: dotted paths of callables taking a CaseEvent.
# cases never imports families; it only knows these names.
CASE_EVENT_CONSUMERS = env_list("CASE_EVENT_CONSUMERS", "families.notify.on_case_event")

# --- List imports (cases.imports) ---------------------------------------------
# A file over these limits is refused (400) before anything is stored.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 10 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 20_000)
IMPORT_MAX_COLUMNS = env_int("IMPORT_MAX_COLUMNS", 100)
# An XLSX is a ZIP: its parts may unpack to at most this much (a ZIP bomb is refused).
IMPORT_MAX_UNPACKED_BYTES = env_int("IMPORT_MAX_UNPACKED_BYTES", 200 * 1024 * 1024)
# Rows matched per Celery task, and how often the progress (`done`) is saved.
IMPORT_TASK_ROWS = env_int("IMPORT_TASK_ROWS", 500)
IMPORT_PROGRESS_EVERY = env_int("IMPORT_PROGRESS_EVERY", 100)
# An import whose tasks have not moved it for this long is restarted by the sweep.
IMPORT_SWEEP_GRACE_SECONDS = env_int("IMPORT_SWEEP_GRACE_SECONDS", 300)
# A row is matched when its best candidate scores at least IMPORT_MATCH_SCORE
# and the next one is at least IMPORT_CLEAR_MARGIN below it; candidates under
# IMPORT_CANDIDATE_SCORE are not shown; a row with none left is new.
IMPORT_MATCH_SCORE = env_float("IMPORT_MATCH_SCORE", 0.9)
IMPORT_CLEAR_MARGIN = env_float("IMPORT_CLEAR_MARGIN", 0.1)
IMPORT_CANDIDATE_SCORE = env_float("IMPORT_CANDIDATE_SCORE", 0.5)

# --- REST framework ----------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.auth.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON nested deeper than a request needs is a 400, not a RecursionError.
    "DEFAULT_PARSER_CLASSES": [
        "casemgr.parsers.DepthLimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "casemgr.pagination.StandardPagination",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "casemgr.renderers.PolicyBrowsableAPIRenderer",
    ],
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_RATES": {
        "token": env_str("TOKEN_THROTTLE_RATE", "10/min"),
        "accept_invite": env_str("ACCEPT_INVITE_THROTTLE_RATE", "10/min"),
    },
    "EXCEPTION_HANDLER": "casemgr.api_errors.exception_handler",
    # Agrees with accounts.client.client_address for any throttle that does not
    # derive from accounts.throttles (DRF's default would trust the header).
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "casemgr API",
    "DESCRIPTION": "Cases of missing and captured servicemen, capture reports, exchanges, "
    "relatives and what they are told.\n\n"
    "Authenticate with `POST /api/auth/token/`, then send `Authorization: Token <token>` "
    "until its `expires`; `POST /api/auth/token/refresh/` gives a new one, "
    "`POST /api/auth/logout/` revokes it. Repeated failed logins for one username from one "
    'address are refused for a while (429, `"code": "locked_out"`).\n\n'
    "Errors: 400 `{field: [messages]}` (or `non_field_errors`) naming each bad field; "
    'otherwise `{"detail", "code"}`: 401 not logged in, 403 not allowed for your role, '
    "404 unknown, 409 the record's state does not allow it (with `allowed` moves), "
    "412 stale `If-Match`, 428 `If-Match` missing, 429 too many attempts.\n\n"
    "Editing a case: GET it, keep its `ETag`, send it back as `If-Match` with the PATCH.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ChannelEnum": "families.models.Channel",
        "CaseStatusEnum": "cases.status.Status",
        "ExchangeStatusEnum": "cases.models.ExchangeStatus",
        "NotificationStatusEnum": "families.models.NotificationStatus",
        "ReportSourceEnum": "cases.models.ReportSource",
        "SpellingSourceEnum": "cases.models.SpellingSource",
    },
}

# --- Cache (throttling needs one shared by all web processes) ------------------
REDIS_CACHE_URL = env_str("CACHE_URL")
if REDIS_CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_CACHE_URL,
        }
    }

# --- Logging: case numbers, never names -------------------------------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    # No token (API, invitation, opt-out, password reset) is ever written out.
    "filters": {"redact_secrets": {"()": "accounts.redact.RedactSecrets"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Naming these without handlers removes Django's own (runserver's
        # request lines, DEBUG's console), which would print paths unfiltered:
        # their records go up to the root's filtered handler instead.
        "django": {"level": LOG_LEVEL, "propagate": True},
        "django.server": {"level": LOG_LEVEL, "propagate": True},
        "django.db.backends": {"level": "WARNING"},
        "celery": {"level": LOG_LEVEL},
    },
}

# The demo/seed phone and name of the ministry's hotline, used in messages when
# a case has no assigned caseworker yet.
HOTLINE_PHONE = env_str("HOTLINE_PHONE", "+374 10 000000")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# --- The information bureau (cases.bureau) -----------------------------------
# Cases in these statuses leave in the public PFIF feed (as do cases flagged
# pfif_public); a death the family was not told of in person never does.
PFIF_PUBLIC_STATUSES = env_list("PFIF_PUBLIC_STATUSES", "")
# The home repository's domain in PFIF record ids; SITE_URL's host when unset.
PFIF_DOMAIN = env_str("PFIF_DOMAIN", "")
PFIF_SOURCE_NAME = env_str("PFIF_SOURCE_NAME", "casemgr information bureau")
# Days after a case is closed before `apply_retention` removes its personal
# data; 0 turns retention off.
RETENTION_CLOSED_CASE_DAYS = env_int("RETENTION_CLOSED_CASE_DAYS", 0)
# Deadlines of the Today queues (cases.bureau.deadlines), in days.
DEADLINE_CAPTURE_CONFIRMATION_DAYS = env_int("DEADLINE_CAPTURE_CONFIRMATION_DAYS", 7)
DEADLINE_HEALTH_NEWS_DAYS = env_int("DEADLINE_HEALTH_NEWS_DAYS", 7)
# Hours a relative's enquiry may wait for an answer before Today flags it.
FAMILY_ENQUIRY_ANSWER_HOURS = env_int("FAMILY_ENQUIRY_ANSWER_HOURS", 48)
# The workspace's Today lists the open cases with no news (no event) for this many days.
CASE_QUIET_DAYS = env_int("CASE_QUIET_DAYS", 30)
# How long a relative's invitation link works (families.services.invitation_create).
INVITATION_TTL_HOURS = env_int("INVITATION_TTL_HOURS", 72)

if not DEBUG and SECRET_KEY == _DEV_SECRET_KEY:  # pragma: no cover - guarded above
    raise ImproperlyConfigured("The development SECRET_KEY cannot be used with DEBUG off.")
