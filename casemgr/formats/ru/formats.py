"""Django's formats for ru: see casemgr.formats."""

from __future__ import annotations

from casemgr.formats import common_formats

globals().update(common_formats("ru"))
