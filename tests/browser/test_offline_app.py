"""The installable offline app, in Chromium: install, save for offline, use it with the network off, update.

The site is served under its real sub-path (/engagement-playbooks/, from site_url) on 127.0.0.1, which
browsers treat as a secure context, so the service worker runs as on GitHub Pages. A symlink names the
served build: the update test points it at a rebuild, as a deployment would.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from support import ROOT, Build, build, copy_project, git, serve

from engagement_playbooks.domain import releases
from engagement_playbooks.outputs import web_app as pwa
from engagement_playbooks.testing.server import base_path

pytestmark = pytest.mark.browser

SUB_PATH = base_path(ROOT / "mkdocs.yml")  # /engagement-playbooks/
NEW_TEXT = "ZQX new build 7F3A: the plays were updated."
UNVISITED = [
    "forums/plan-a-forum/",
    "everyday-contact/community-events/",
    "feedback/run-a-community-survey/",
    "partners/set-up-an-mou/",
    "glossary/",
]
WEEK_1 = "onboarding/week-1/"
BUDGET = 12_000  # bytes, gzip: the project's own JS and CSS (service worker and vendored Workbox excluded)
OFFLINE_TARGET = 3_000_000  # bytes over the network for the whole public edition


def quick_build(project: Path, site: Path, edition: str = "public") -> Build:
    """A strict build without the print page (it is never stored offline), for speed."""
    before = os.environ.get("PLAYBOOKS_PRINT")
    os.environ["PLAYBOOKS_PRINT"] = "false"
    try:
        result = build(project, site, edition=edition)
    finally:
        if before is None:
            del os.environ["PLAYBOOKS_PRINT"]
        else:
            os.environ["PLAYBOOKS_PRINT"] = before
    assert result.ok, result.output
    return result


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("app") / "project")


@pytest.fixture(scope="module")
def served(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(the site's address, the symlink the server follows) with the first build behind it."""
    first = quick_build(project, tmp_path_factory.mktemp("v1") / "site")
    www = tmp_path_factory.mktemp("www")
    link = www / SUB_PATH.strip("/")
    link.symlink_to(first.site, target_is_directory=True)
    with serve(www) as url:
        yield url.rstrip("/") + SUB_PATH, link


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    yield context
    context.close()


def controlled(page: Any, url: str) -> None:
    """Open `url` and wait until the service worker controls the page."""
    page.goto(url)
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def save_for_offline(page: Any, base: str) -> None:
    controlled(page, base)
    button = page.get_by_role("button", name="Save for offline use")
    status = page.locator("[data-ep-status]")
    expect(status).to_contain_text("about", timeout=30_000)  # the size, before saving
    assert re.search(r"about \d+\.\d MB", str(status.text_content()))
    button.click()
    expect(status).to_contain_text("Done. Saved on this device", timeout=120_000)
    # The copy is named by its edition: this project copy has no git history.
    assert re.search(r"Saved on this device \(\d+\.\d MB\): Edition unknown \(no git history\)\.", str(status.text_content()))


def test_installable_with_manifest_and_icons_under_the_sub_path(context: Any, served: tuple[str, Path]) -> None:
    base, link = served
    page = context.new_page()
    controlled(page, base)
    cdp = context.new_cdp_session(page)
    errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    assert [e for e in errors if e != "in-incognito"] == []  # in-incognito: Playwright's context, not the site
    manifest = json.loads(page.request.get(base + "manifest.webmanifest").text())
    assert (manifest["name"], manifest["short_name"]) == ("Engagement Playbooks (Riverton Police Department)", "RPD Playbooks")
    assert manifest["display"] == "standalone"
    assert page.evaluate("(u) => new URL(u, location).pathname", manifest["start_url"]) == SUB_PATH
    registration_scope = page.evaluate("navigator.serviceWorker.ready.then(r => new URL(r.scope).pathname)")
    assert registration_scope == SUB_PATH
    from PIL import Image

    for icon in manifest["icons"]:
        with Image.open(link / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]


def test_save_then_offline_pages_directory_search_checklist_and_offline_page(context: Any, served: tuple[str, Path]) -> None:
    base, _ = served
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    save_for_offline(page, base)
    context.set_offline(True)

    for url in UNVISITED:
        page.goto(base + url)
        expect(page.locator("article h1")).to_be_visible()
        assert page.title() != "" and "offline" not in page.locator("article h1").inner_text().lower()

    page.goto(base + "directory/")
    expect(page.locator(".ep-partner").first).to_be_visible()

    page.goto(base)
    page.keyboard.press("/")
    page.keyboard.type("food bank", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    assert "directory/" in str(page.locator(".md-search-result__item a").first.get_attribute("href"))

    page.goto(base + WEEK_1)
    first = page.locator(".ep-checklist input[type=checkbox]").first
    first.check(force=True)  # the task-list label is 0 px wide (custom_checkbox)
    page.reload()
    expect(page.locator(".ep-checklist input[type=checkbox]").first).to_be_checked()

    page.goto(base + "no-such-page/")
    expect(page.locator("article h1")).to_have_text("You are offline")
    home = page.get_by_role("link", name="Go to the home page")
    assert home.evaluate("a => new URL(a.href).pathname") == SUB_PATH

    assert all(url.startswith(base.split(SUB_PATH)[0]) for url in requests if url.startswith("http")), "a third-party request"


def test_new_build_shows_the_notice_and_loads_after_choosing(context: Any, served: tuple[str, Path], project: Path, tmp_path: Path) -> None:
    base, link = served
    page = context.new_page()
    save_for_offline(page, base)
    home = project / "docs" / "index.md"
    home.write_text(home.read_text() + f"\n\n{NEW_TEXT}\n")
    # The new build is an issued edition: the notice and the save box name it.
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "The plays were updated")
    message = releases.tag_message("2099.1", dt.date(2099, 1, 15), "The plays were updated.")
    git(project, "tag", "--annotate", "edition/2099.1", "-m", message)
    second = quick_build(project, tmp_path / "v2" / "site")
    link.unlink()
    link.symlink_to(second.site, target_is_directory=True)

    page.reload()  # a navigation: the browser checks sw.js and installs the new build in the background
    page.evaluate("navigator.serviceWorker.ready.then(r => r.update())")
    notice = page.locator(".ep-update")
    expect(notice).to_contain_text("New playbooks are ready: Edition 2099.1, effective 15 January 2099.", timeout=120_000)
    expect(page.locator("article")).not_to_contain_text(NEW_TEXT)  # still the saved build: never mixed
    notice.get_by_role("button", name="Load the new playbooks").click()
    expect(page.locator("article")).to_contain_text(NEW_TEXT, timeout=30_000)
    expect(page.locator("[data-ep-status]")).to_contain_text("Saved on this device", timeout=30_000)
    assert "MB): Edition 2099.1, effective 15 January 2099." in str(page.locator("[data-ep-status]").text_content())
    context.set_offline(True)  # the new build was saved whole before it took over
    page.goto(base + UNVISITED[0])
    expect(page.locator("article h1")).not_to_have_text("You are offline")


def test_whole_public_edition_is_under_3_mb_transferred(public_site: Build) -> None:
    # What the built worker lists (the editor's files, when the site has an editor, are left out of it).
    worker = (public_site.site / "sw.js").read_text()
    lists = json.loads(worker.split("\n")[1].removeprefix("self.__EP = ").removesuffix(";"))
    shell, edition = ([pwa.Entry(**e) for e in lists[group]] for group in ("shell", "edition"))
    assert any(e.url == "search/search_index.json" for e in edition) and any(e.url == "directory/" for e in edition)
    assert not any(e.url.startswith(("print_page", "admin/")) for e in shell + edition)
    assert pwa.transfer_size(shell + edition) < OFFLINE_TARGET
    assert "modulePathPrefix" in worker  # workbox-sw's CDN default is overridden with the local folder


def test_own_js_and_css_within_budget() -> None:
    assets = ROOT / "src/engagement_playbooks/assets"
    own = [*(assets / "javascripts").glob("*.js"), *(assets / "stylesheets").glob("*.css")]
    assert len(own) >= 5
    assert sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in own) <= BUDGET


def test_internal_edition_stores_nothing_unless_switched_on(internal_site: Build, project: Path, tmp_path: Path) -> None:
    html = (internal_site.site / "index.html").read_text()
    assert "offline.js" not in html and "data-ep-save" not in html
    assert "registration.unregister" in (internal_site.site / "sw.js").read_text()  # removes an earlier saved copy
    department = project / "data" / "department.yml"
    original = department.read_text()
    department.write_text(original.replace("offline_internal: false", "offline_internal: true"))
    try:
        switched_on = quick_build(project, tmp_path / "site", edition="internal")
    finally:
        department.write_text(original)
    assert "offline.js" in (switched_on.site / "index.html").read_text()
    assert '"url":"internal/"' in (switched_on.site / "sw.js").read_text()


def test_a_department_logo_becomes_the_icons_and_a_bad_one_fails_at_once(tmp_path: Path) -> None:
    from PIL import Image

    project = copy_project(tmp_path / "project")
    department = project / "data" / "department.yml"
    department.write_text(department.read_text().replace("  # logo: data/logo.png", "  logo: data/logo.png"))
    Image.new("RGB", (600, 400), "#ffcc00").save(project / "data" / "logo.png")
    first = build(project, tmp_path / "site")
    assert first.ok, first.output
    with Image.open(first.site / pwa.ICONS[192]) as icon:
        assert icon.size == (192, 192) and icon.getpixel((96, 96)) == (255, 204, 0)  # the logo, centred
        assert icon.getpixel((96, 5)) == (0x3F, 0x51, 0xB5)  # the theme colour above and below it
    (project / "data" / "logo.png").write_text("not an image")
    result = build(project, tmp_path / "broken")
    assert not result.ok and "data/department.yml app.logo:" in result.output and "square PNG or JPEG" in result.output


def test_icons_are_made_again_only_when_the_logo_or_colour_changes(tmp_path: Path) -> None:
    """A preview save reuses the icons of the last build (plugin/web_app.py) unless the logo or colour changed."""
    from mkdocs.config import load_config
    from PIL import Image

    from engagement_playbooks.domain.snapshot import Snapshot
    from engagement_playbooks.hosts.mkdocs import web_app

    project = copy_project(tmp_path / "project")
    department = project / "data" / "department.yml"
    department.write_text(department.read_text().replace("  # logo: data/logo.png", "  logo: data/logo.png"))
    Image.new("RGB", (512, 512), "#ffcc00").save(project / "data" / "logo.png")

    def icons(last: web_app.Icons | None) -> web_app.Icons:
        config = load_config(str(project / "mkdocs.yml"))
        site = Snapshot.load(project, Path(config.docs_dir), "public", "data")
        return web_app.configure(config, site, file_edition=False, serving=False, last=last)

    first = icons(None)
    assert icons(first) is first
    Image.new("RGB", (512, 512), "#00ccff").save(project / "data" / "logo.png")
    os.utime(project / "data" / "logo.png", ns=(1, 1))  # a different stamp even within the same clock tick
    second = icons(first)
    assert second is not first and second.files != first.files
    department.write_text(department.read_text().replace('theme_color: "#3f51b5"', 'theme_color: "#222222"'))
    assert icons(second).made_from[3] == "#222222"


def test_without_a_logo_the_engine_icons_are_used_as_they_are() -> None:
    from PIL import Image

    made = pwa.icons(None, "#3f51b5")
    for size, path in pwa.ICONS.items():
        assert made[path] == pwa.ENGINE_ICONS[size].read_bytes()
        with Image.open(pwa.ENGINE_ICONS[size]) as icon:
            assert icon.size == (size, size) and icon.mode == "RGB"  # opaque: no theme colour shows through
