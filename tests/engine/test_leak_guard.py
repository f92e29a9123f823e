"""The leak guard's shortcuts (anchored search, link scan only where a page is named) find what a full scan finds."""

from __future__ import annotations

import random
from pathlib import Path

from engagement_playbooks.outputs.leak_guard import _Needles, find_leaks

SITE_URL = "https://example.org/playbooks/"
INTERNAL = {"internal/", "internal/radio-codes/"}
SECRETS = {"(217) 555-0106", "+12175550106", "tom.reyes@harbor-house.example.org", "joan@harbor-house.example.org"}


def write(site: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def test_contact_details_are_found_anywhere_in_a_file_and_only_when_whole(tmp_path: Path) -> None:
    site = write(
        tmp_path,
        {
            "a/index.html": "tom.reyes@harbor-house.example.org starts this file",
            "b/index.html": "this one ends with (217) 555-0106",
            "c/index.html": 'tel: <a href="tel:+12175550106">call</a>, and joan@harbor-house.example.org',
            "d/index.html": "near misses: (217) 555-0107, +1217555010, reyes@harbor-house.example.org, joan@harbor-house.example.com",
            "contacts/all.vcf": "TEL:+12175550106",
            "notes.txt": "@@@ ((( +++ joan@harbor-house.example.or",
        },
    )
    assert find_leaks(site, SITE_URL, set(), SECRETS) == [
        "a/index.html holds internal contact detail 'tom.reyes@harbor-house.example.org'",
        "b/index.html holds internal contact detail '(217) 555-0106'",
        "c/index.html holds internal contact detail '+12175550106'",
        "c/index.html holds internal contact detail 'joan@harbor-house.example.org'",
        "contacts/all.vcf holds internal contact detail '+12175550106'",
    ]


def test_anchored_search_agrees_with_plain_search_on_random_text() -> None:
    needles = {"(217) 555-0106", "+12175550106", "a@b.example", "xa@b.example", "Tom Reyes"}
    finder = _Needles(needles)
    alphabet = "(217) 555-0106+@ab.examplexTomReyes"
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.5:
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(sorted(needles)) + text[at:]
        assert finder.found_in(text) == {needle for needle in needles if needle in text}, text


def test_links_to_internal_pages_are_found_however_they_are_written(tmp_path: Path) -> None:
    site = write(
        tmp_path,
        {
            "index.html": '<a href="internal/radio-codes/">codes</a>',
            "plays/talk/index.html": '<a href="../../internal/">staff</a> <a href="../../internal-affairs/">fine</a>',
            # A public page inside an internal page's folder reaches it without naming it.
            "internal/open-day/index.html": '<a href="../">up</a>',
            "sitemap.xml": "<loc>https://example.org/playbooks/internal/radio-codes/</loc>",
            "search/search_index.json": '{"docs": [{"location": "internal/radio-codes/#top"}]}',
            "plays/index.html": '<a href="talk/">talk</a> <a href="https://example.org/other/internal/">elsewhere</a>',
        },
    )
    assert find_leaks(site, SITE_URL, INTERNAL) == [
        "index.html points at internal/radio-codes/",
        "internal/open-day/index.html points at ../",
        "plays/talk/index.html points at ../../internal/",
        "search/search_index.json points at internal/radio-codes/#top",
        "sitemap.xml points at https://example.org/playbooks/internal/radio-codes/",
    ]


def test_a_clean_site_has_no_leaks_and_since_skips_older_files(tmp_path: Path) -> None:
    site = write(tmp_path, {"old.html": "(217) 555-0106", "index.html": '<a href="plays/">plays</a>'})
    assert find_leaks(site, SITE_URL, INTERNAL, SECRETS, since=(site / "index.html").stat().st_mtime + 1) == []
    (site / "old.html").unlink()
    assert find_leaks(site, SITE_URL, INTERNAL, SECRETS) == []
