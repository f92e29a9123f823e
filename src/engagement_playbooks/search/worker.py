"""Point Material's search UI at the playbooks' worker, which loads Material's own worker and rewrites queries.

The build writes the name of Material's worker (it carries a content hash) into the first line of ours,
so ours needs no URL parameter: a service worker that serves ours from its cache hands the worker a URL
without parameters.
"""

from __future__ import annotations

import re
from pathlib import Path

WORKER = "playbooks/javascripts/workers/playbooks-search.js"  # under assets/, with the engine's other assets
FROM_OURS = "../../../"  # from our worker's folder back to assets/

# In the page's __config JSON: "search": "<relative path>assets/javascripts/workers/search.<hash>.min.js"
_MATERIAL_WORKER = re.compile(r'("search":\s*"(?:[^"]*?/)?assets/)(javascripts/workers/search\.[0-9a-f]+\.min\.js)"')


def use_playbooks_worker(html: str) -> tuple[str, str | None]:
    """The page with our worker instead of Material's, and Material's worker (relative to assets/), if the page named it."""
    found = _MATERIAL_WORKER.search(html)
    if found is None:
        return html, None
    return html[: found.start()] + f'{found.group(1)}{WORKER}"' + html[found.end() :], found.group(2)


def name_material_worker(site_dir: Path, material: str) -> None:
    """Put Material's worker, as a URL relative to ours, at the top of our worker in the built site."""
    ours = site_dir / "assets" / WORKER
    if ours.is_file():
        line = f'self.__EP_MATERIAL_WORKER = "{FROM_OURS}{material}";\n'
        ours.write_text(line + ours.read_text(encoding="utf-8"), encoding="utf-8")
