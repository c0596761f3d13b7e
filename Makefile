# The two commands: `make run` and `make test`. Both work on a clean clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: install browser-deps run serve test lint typecheck check worker beat bench clean messages extract-messages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# axe-core for the browser tests (npm, locked). Without npm the accessibility
# checks skip and say why; everything else runs.
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/browser --no-audit --no-fund --silent && touch $(AXE); \
	else echo "npm not found: the browser tests' accessibility checks will be skipped"; fi

browser-deps: $(AXE)

## make run: SQLite, eager Celery, console email, demo data, http://127.0.0.1:8000
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

## make serve: the production stack on one machine (gunicorn, a worker, beat) under
## honcho, against PostgreSQL and Redis; migrates and collects static files first.
serve:
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; *) \
	  echo "make serve: set DATABASE_URL to PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/casemgr" >&2; \
	  exit 2;; esac
	@case "$$CELERY_BROKER_URL" in redis://*|rediss://*) ;; *) \
	  echo "make serve: set CELERY_BROKER_URL to Redis, e.g. redis://127.0.0.1:6379/0" >&2; \
	  exit 2;; esac
	$(MAKE) install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/honcho start -f Procfile

## make test: the whole suite, on PostgreSQL and Redis when reachable
test: install browser-deps
	$(PY) -m casemgr.testenv $(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy accounts casemgr cases families
	$(PY) manage.py makemigrations --check --dry-run

typecheck: install
	$(PY) -m mypy accounts casemgr cases families

check: lint test

## make messages: refresh every .po from the code (needs system gettext), then compile the .mo
## files that are committed. Each app's catalogue is made inside the app, without settings,
## so that its strings land in <app>/locale/; the project's (templates/, casemgr/) in locale/.
## tests/i18n/test_catalogues_cover_the_code.py runs extract-messages on a copy of the tree.
## The apps are left out as 'cases/?*', not 'cases/*': makemessages reads 'cases/*' as any
## directory named cases, which dropped templates/admin/cases/ from every catalogue.
LOCALE_APPS := cases families $(patsubst %/locale,%,$(wildcard casemgr/*/locale))
messages: install
	$(MAKE) extract-messages
	$(PY) manage.py compilemessages --ignore='.venv/*'

extract-messages:
	$(PY) manage.py makemessages -l hy -l ru --no-obsolete --ignore='.venv/*' --ignore='tests/*' \
		--ignore='bench/*' $(foreach app,$(LOCALE_APPS),--ignore='$(app)/?*')
	for app in $(LOCALE_APPS); do (cd $$app && env -u DJANGO_SETTINGS_MODULE $(abspath $(VENV))/bin/django-admin makemessages -l hy -l ru --no-obsolete) || exit 1; done

worker: install
	$(VENV)/bin/celery -A casemgr worker --loglevel=INFO --concurrency=2

beat: install
	$(VENV)/bin/celery -A casemgr beat --loglevel=INFO

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .mypy_cache .ruff_cache
