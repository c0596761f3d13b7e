"""Django's formats for hy: see casemgr.formats."""

from __future__ import annotations

from casemgr.formats import common_formats

globals().update(common_formats("hy"))
