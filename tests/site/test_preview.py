"""The quick preview (`make serve`: `mkdocs serve --dirty` with PLAYBOOKS_PRINT=false) never shows stale pages.

Each test saves a file in a private copy of the project and waits (no timing asserted) until the served
pages change; then it checks every page that should show the change does, and no page shows the old text.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import copy_project

from bench.preview import Preview, page_urls, pages_showing, start, wait_until

PLAY = "forums/plan-a-forum.md"
PLAY_URL = "forums/plan-a-forum/"


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    server = start(project, dirty=True)
    try:
        yield server
    finally:
        server.stop()


def _save(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _nav_titles(html: str) -> list[str]:
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>\n", 1)[0] if "md-nav--primary" in html else ""
    return re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', nav, re.DOTALL)


def test_the_preview_says_it_rebuilds_only_what_changed(preview: Preview) -> None:
    html = preview.get(PLAY_URL) or ""
    assert "only the pages your change affects are rebuilt" in html
    assert "make serve-full" in html
    # Nothing is stored on the trainer's device, so no save can be hidden by an earlier one.
    assert "offline.js" not in html and "Save for offline use" not in html
    assert "offline storage is off" in (preview.get("sw.js") or "")


def test_a_saved_play_shows_and_its_navigation_stays_whole(preview: Preview) -> None:
    before = _nav_titles(preview.get(PLAY_URL) or "")
    assert "Plan a community forum" in before
    _save(preview.project / "docs" / PLAY, "## Steps\n", "## Steps\n\nZqplaymarker bring a sign-in sheet.\n")
    wait_until(preview, [PLAY_URL], "Zqplaymarker")
    after = preview.get(PLAY_URL) or ""
    # The other pages were not re-read in this rebuild: their titles in the navigation come from the last build.
    assert _nav_titles(after) == before
    assert "Zqplaymarker" in (preview.get("search/search_index.json") or "")
    assert "Plan a community forum" in (preview.get("search/search_index.json") or "")


@pytest.mark.parametrize(
    ("data_file", "old_text"),
    [
        ("partners.yml", "Free groceries for any household in Riverton"),
        ("checklists/forum-planning.yml", None),
        ("glossary.yml", None),
    ],
)
def test_a_data_edit_reaches_every_page_that_uses_it(preview: Preview, data_file: str, old_text: str | None) -> None:
    path = preview.project / "data" / data_file
    text = path.read_text(encoding="utf-8")
    if old_text is None:  # the first checklist item, or the first glossary definition
        old_text = re.search(r"(?:text|definition): (.{20,60}?)[.,\n]", text).group(1)  # type: ignore[union-attr]
    urls = page_urls(preview)
    showing = pages_showing(preview, old_text, urls)
    assert showing, f"no page shows {old_text!r}"
    marker = "Zqdata" + re.sub(r"\W", "", data_file)
    _save(path, old_text, f"{marker} {old_text}")
    wait_until(preview, showing, marker)
    assert pages_showing(preview, marker, urls) == showing
    assert [url for url in urls if old_text in (preview.get(url) or "") and marker not in (preview.get(url) or "")] == []


def test_a_new_page_appears_in_navigation_and_a_deleted_page_disappears(preview: Preview) -> None:
    new = preview.project / "docs" / "forums" / "zq-new-play.md"
    new.write_text("---\ntitle: Zqnewpage hold a listening session\n---\n\nListen first.\n", encoding="utf-8")
    # navigation.prune: only pages of the same section list it
    wait_until(preview, ["forums/zq-new-play/", "forums/", PLAY_URL], "Zqnewpage hold a listening session")
    assert "Zqnewpage hold a listening session" in _nav_titles(preview.get("forums/") or "")
    new.unlink()
    urls = ["forums/", PLAY_URL]
    wait_until_gone(preview, urls, "Zqnewpage")
    assert all("Zqnewpage" not in (preview.get(url) or "") for url in urls)
    assert preview.get("forums/zq-new-play/") is None or "Zqnewpage" not in (preview.get("forums/zq-new-play/") or "")


def wait_until_gone(preview: Preview, pages: list[str], text: str) -> None:
    """Wait (nothing timed is asserted) until no page in `pages` shows `text`."""
    for _ in range(2400):
        if all(text not in (preview.get(page) or "") for page in pages):
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} still shown on one of {pages}")
