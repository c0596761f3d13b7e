"""The README's configuration table names every variable the settings read,
so an operator never has to read settings.py to find one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _variables_read_by_settings() -> set[str]:
    source = (ROOT / "casemgr" / "settings.py").read_text(encoding="utf-8")
    return set(re.findall(r'env_(?:str|bool|int|float|list)\(\s*"([A-Z0-9_]+)"', source))


def _configuration_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Configuration")
    end = readme.index("\n## ", start + 1)
    return readme[start:end]


def test_the_settings_read_variables_at_all():
    # Guards the pattern below: a rename of the helpers would make the next test vacuous.
    assert {"DATABASE_URL", "SECRET_KEY", "CELERY_BROKER_URL"} <= _variables_read_by_settings()


def test_every_variable_the_settings_read_is_in_the_readme_table():
    table = _configuration_section()
    missing = sorted(name for name in _variables_read_by_settings() if f"`{name}`" not in table)
    assert missing == []
