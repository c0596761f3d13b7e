"""Every write of list imports: taking a file in, matching its rows, the
supervisor's decisions, and applying them through the registry's own
services (so the timeline, the history and the families' messages follow as
for a change made by hand). Keyword-only, atomic; views, the command and the
tasks call these.
"""

from __future__ import annotations

from cases.imports.services.intake import (
    classify,
    import_create,
    import_fail,
    import_match_rows,
    imports_sweep,
    recount,
)
from cases.imports.services.review import (
    import_accept_matched,
    import_apply,
    import_apply_rows,
    import_row_decide,
)

__all__ = [
    "classify",
    "import_accept_matched",
    "import_apply",
    "import_apply_rows",
    "import_create",
    "import_fail",
    "import_match_rows",
    "import_row_decide",
    "imports_sweep",
    "recount",
]
