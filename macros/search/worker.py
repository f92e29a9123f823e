"""Point Material's search UI at the playbooks' worker, which loads Material's own worker and rewrites queries."""

from __future__ import annotations

import re

WORKER = "playbooks-search.js"

# In the page's __config JSON: "search": "<relative path>/workers/search.<hash>.min.js"
_MATERIAL_WORKER = re.compile(r'("search":\s*"([^"]*?/)?)(search\.[0-9a-f]+\.min\.js)"')


def use_playbooks_worker(html: str) -> str:
    """Swap the worker URL; ours finds Material's from its `m` parameter (no hash to keep in step)."""
    return _MATERIAL_WORKER.sub(lambda m: f'{m.group(1)}{WORKER}?m={m.group(3)}"', html, count=1)
