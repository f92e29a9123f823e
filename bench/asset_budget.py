"""The project's own JS and CSS, gzip-compressed, against the 12 kB budget (issue 11).

Own files are the engine's assets/playbooks/ scripts and stylesheets and the site's extra_css/extra_javascript.
Left out, as the issue says: the service worker (sw.js at the root) and vendored files (assets/playbooks/vendor/);
and the editor's own files, which officer pages never load (`make bench` reports them on their own: bench/editor_size.py).
"""

from __future__ import annotations

import gzip
from pathlib import Path

from engagement_playbooks.hosts.mkdocs.editor import is_editor_file

BUDGET_BYTES = 12 * 1024
OWN = "assets/playbooks"
EXTENSIONS = (".js", ".css")


def own_files(site: Path, extra: list[str]) -> list[Path]:
    """The engine's own JS/CSS in a built site, plus the site's extra files found there (no URLs)."""
    engine = [
        path
        for path in sorted((site / OWN).rglob("*"))
        if path.suffix in EXTENSIONS and "vendor" not in path.parts and not is_editor_file(path.relative_to(site).as_posix())
    ]
    site_own = [site / name for name in extra if not name.startswith(("http:", "https:", OWN)) and (site / name).is_file()]
    return engine + site_own


def gzip_sizes(site: Path, files: list[Path]) -> dict[str, int]:
    """Each file's gzip size (level 9, as CDNs ship static files), keyed by its path in the site."""
    return {path.relative_to(site).as_posix(): len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)) for path in files}
