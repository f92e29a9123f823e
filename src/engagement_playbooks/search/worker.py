"""Point Material's search UI at the playbooks' worker, which loads Material's own worker and rewrites queries."""

from __future__ import annotations

import re

WORKER = "playbooks/javascripts/workers/playbooks-search.js"  # under assets/, with the engine's other assets

# In the page's __config JSON: "search": "<relative path>assets/javascripts/workers/search.<hash>.min.js"
_MATERIAL_WORKER = re.compile(r'("search":\s*"(?:[^"]*?/)?assets/)(javascripts/workers/search\.[0-9a-f]+\.min\.js)"')


def use_playbooks_worker(html: str) -> str:
    """Swap the worker URL; ours loads Material's from its `m` parameter, relative to ours (no hash to keep in step)."""
    return _MATERIAL_WORKER.sub(lambda m: f'{m.group(1)}{WORKER}?m=../../../{m.group(2)}"', html, count=1)
