"""The workspace's pages keep to a Content-Security-Policy of default-src
'self': no inline script, no inline style, every asset from /static/."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "casemgr" / "workspace" / "templates"


def _templates() -> list[Path]:
    found = sorted(TEMPLATES.rglob("*.html"))
    assert len(found) >= 8
    return found


def test_no_inline_script_or_style():
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path.name
        assert not re.search(r"\sstyle\s*=", text), path.name
        assert "<style" not in text, path.name
        assert not re.search(r"\son[a-z]+\s*=", text), path.name  # onclick= and the like
        assert not re.search(r"\bhx-on", text), path.name  # htmx's inline handlers are eval


def test_every_asset_comes_from_static():
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)="(?:https?:)?//', text), path.name


def test_the_pages_load_htmx_and_the_stylesheet_from_static(cw):
    page = cw.get("/workspace/").content.decode()
    assert '<script src="/static/workspace/htmx.min.js" defer></script>' in page
    assert '<link rel="stylesheet" href="/static/workspace/workspace.css">' in page
