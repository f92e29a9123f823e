"""`playbooks offline`: build the offline edition and pack it into one zip that works unzipped and opened from disk.

    playbooks offline [--config mkdocs.yml] [--output dist/playbooks-offline.zip]
    PLAYBOOKS_EDITION=internal playbooks offline     (the staff edition: never publish that zip)

Everything sits under one top folder named like the zip, beside a short OPEN-ME.txt, so unzipping
never scatters files into the reader's Downloads folder. Entries are sorted, for a stable listing.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from engagement_playbooks.cli.building import build_folder, edition_suffix, strict_build
from engagement_playbooks.readers.problems import ProblemsError

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
        raise SystemExit(f"{site} is not an offline build (no index.html or search/search_index.js): run playbooks offline")
    folder = output.name.removesuffix(".zip")
    output.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(path for path in site.rglob("*") if path.is_file())
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{folder}/OPEN-ME.txt", OPEN_ME.format(folder=folder))
        for path in files:
            archive.write(path, f"{folder}/{path.relative_to(site).as_posix()}")
    return len(files) + 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="playbooks offline", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", "-f", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml")
    parser.add_argument("--output", "-o", type=Path, help="the zip to write (default: dist/playbooks-offline[-internal].zip)")
    args = parser.parse_args(argv)
    try:
        suffix, site = edition_suffix(), build_folder(args.config, "offline")
    except ProblemsError as error:
        print(error, file=sys.stderr)
        return 2
    if strict_build(args.config, site, offline="true") != 0:
        return 1
    output = args.output or Path("dist") / f"playbooks-offline{suffix}.zip"
    count = pack(site, output)
    print(f"Wrote {output}: {count} files, {output.stat().st_size / 1_048_576:.1f} MiB")
    return 0
