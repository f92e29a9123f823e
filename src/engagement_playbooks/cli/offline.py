"""Pack a built offline edition (mkdocs.offline.yml) into one zip that works unzipped and opened from disk.

Usage: python -m scripts.offline_zip SITE_DIR OUTPUT_ZIP

Everything sits under one top folder named like the zip, beside a short OPEN-ME.txt, so unzipping
never scatters files into the reader's Downloads folder. Entries are sorted, for a stable listing.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

OPEN_ME = """\
Engagement Playbooks, offline edition
=====================================

1. Unzip this file (right-click, "Extract all" on Windows).
2. Open the folder {folder} and double-click index.html.

It opens in your web browser and works without an internet connection: every page,
the search box, checklists and the print edition (print_page.html) are inside this folder.
Links to other organisations' websites still need a connection.

This copy does not update itself. Get a new copy when the playbooks change.
"""


def pack(site: Path, output: Path) -> int:
    """Write the zip; return how many files it holds."""
    if not (site / "index.html").is_file() or not (site / "search" / "search_index.js").is_file():
        raise SystemExit(f"{site} is not an offline build (no index.html or search/search_index.js): run make build-offline")
    folder = output.name.removesuffix(".zip")
    output.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(path for path in site.rglob("*") if path.is_file())
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{folder}/OPEN-ME.txt", OPEN_ME.format(folder=folder))
        for path in files:
            archive.write(path, f"{folder}/{path.relative_to(site).as_posix()}")
    return len(files) + 1


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    site, output = Path(argv[1]), Path(argv[2])
    count = pack(site, output)
    print(f"Wrote {output}: {count} files, {output.stat().st_size / 1_048_576:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
