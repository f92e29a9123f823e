"""The last guard of a public build: no file may point at an internal page or hold an internal contact.

It reads every file the build wrote that a reader or a program could open (HTML, XML, JSON, JS, vCards,
CSV, text) and fails the build naming each leak.

It is fast because most of the output cannot leak: a file is only parsed for links when it names an
internal page's last path segment (or sits under one), and each contact detail is looked for only where
its rarest character occurs. Both shortcuts find exactly what a full scan would.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from engagement_playbooks.domain.editions import may_reach

SCANNED = {".html", ".xml", ".json", ".js", ".vcf", ".csv", ".txt", ".webmanifest", ".yml"}  # .yml: the editor's config
_ADDRESS = re.compile(r'(?:href|src)="([^"]*)"|<loc>([^<]*)</loc>|"location":\s*"([^"]*)"')


_COMMON = frozenset(' \n\t"<>=/.-_:;#&!,?')  # everywhere in HTML and JSON: poor anchors


def _rarity(char: str) -> int:
    """Lower is rarer in built pages: unusual punctuation (@ + parentheses), then digits, capitals, the rest."""
    if char.isdigit():
        return 1
    if char.isupper():
        return 2
    return 3 if char.isalpha() or char in _COMMON else 0


class _Needles:
    """Literal strings found by looking only where each one's anchor (its rarest character) occurs.

    At each anchor, one dictionary lookup of the text that follows it picks the needles worth comparing."""

    def __init__(self, needles: Iterable[str]) -> None:
        grouped: dict[tuple[str, int], list[str]] = defaultdict(list)
        for needle in needles:
            offset = min(range(len(needle)), key=lambda i: _rarity(needle[i]))
            grouped[(needle[offset], offset)].append(needle)
        # anchor -> [(offset, width, {the `width` characters from the anchor on: needles})]
        self.tables: dict[str, list[tuple[int, int, dict[str, list[str]]]]] = defaultdict(list)
        for (anchor, offset), group in grouped.items():
            width = min(len(needle) - offset for needle in group)
            table: dict[str, list[str]] = defaultdict(list)
            for needle in group:
                table[needle[offset : offset + width]].append(needle)
            self.tables[anchor].append((offset, width, dict(table)))

    def found_in(self, text: str) -> set[str]:
        found: set[str] = set()
        for anchor, tables in self.tables.items():
            position = text.find(anchor)
            while position != -1:
                for offset, width, table in tables:
                    for needle in table.get(text[position : position + width], ()):
                        if position >= offset and text.startswith(needle, position - offset):
                            found.add(needle)
                position = text.find(anchor, position + 1)
        return found


def find_leaks(
    site_dir: Path, site_url: str, internal_urls: set[str], secrets: Iterable[str] = (), since: float | None = None
) -> list[str]:
    """Every place in the output that points at an internal page, or holds one of `secrets` (internal contact details).

    `since` (a time stamp) limits the scan to files written after it: the preview's partial rebuilds."""
    base = urlsplit(site_url or "").path or "/"
    finder = _Needles({secret for secret in secrets if len(secret) >= 5})
    leaks: list[str] = []
    targets: dict[tuple[str, str], str] = {}  # (folder, address) -> site path: most links repeat on many pages

    def target_of(page_url: str, address: str) -> str:
        if not address or address[0] in "#?":
            address, folder = page_url, "/"  # the page itself
        else:
            # A relative address resolves from the page's folder; "../x" from a/b/ is "x" from a/.
            folder = page_url.rsplit("/", 1)[0] + "/"
            while address.startswith("../") and folder != "/":
                folder, address = folder[:-1].rsplit("/", 1)[0] + "/", address[3:]
        found = targets.get((folder, address))
        if found is None:
            found = urlsplit(urljoin(folder, address)).path
            found = found[len(base) - 1 :] if found.startswith(base) and base != "/" else found
            targets[(folder, address)] = found
        return found

    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in SCANNED:
            continue
        if since is not None and path.stat().st_mtime < since:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        shown = path.relative_to(site_dir).as_posix()
        if may_reach(text, shown, internal_urls):
            page_url = urljoin("/", shown)
            for match in _ADDRESS.finditer(text):
                address = next(group for group in match.groups() if group is not None)
                target = urlsplit(address).path if path.name.startswith("search_index") else target_of(page_url, address)
                if target.lstrip("/") in internal_urls:
                    leaks.append(f"{shown} points at {address}")
        leaks += [f"{shown} holds internal contact detail {found!r}" for found in sorted(finder.found_in(text))]
    return sorted(set(leaks))
