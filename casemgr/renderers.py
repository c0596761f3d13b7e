"""The browsable API under the Content-Security-Policy.

DRF's HTML templates use inline style attributes; its scripts are files. Its
pages (and only they) may therefore apply inline styles, never inline scripts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from csp.constants import UNSAFE_INLINE
from rest_framework.renderers import BrowsableAPIRenderer


class PolicyBrowsableAPIRenderer(BrowsableAPIRenderer):
    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> Any:
        response = (renderer_context or {}).get("response")
        if response is not None:
            response._csp_update = {"style-src": [UNSAFE_INLINE]}  # read by CSPMiddleware
        return super().render(data, accepted_media_type, renderer_context)
