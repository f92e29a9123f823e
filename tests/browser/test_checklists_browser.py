"""Checklist progress in a real browser: saved ticks, progress, reset, export/import, print, keyboard, no-JS.

Runs against the shipped site (the session fixtures) and, for the data-change test, against one copy
with an edited checklist. Item ids are read from the page, so content edits do not break the tests.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import expect
from support import ROOT, build, copy_project, serve

WEEK_1 = "onboarding/week-1/"
HUB = "onboarding/"
CHECKLIST = "new-hire-week-1"
OTHER = "new-hire-first-30-days"
OTHER_PAGE = "onboarding/first-30-days/"
KEY = "ep-checklist:"
LIST = f'[data-checklist="{CHECKLIST}"]'
BUDGET = 4096  # gzip bytes for checklists.js + checklists.css together
ASSETS = (
    ROOT / "src/engagement_playbooks/assets/javascripts/checklists.js",
    ROOT / "src/engagement_playbooks/assets/stylesheets/checklists.css",
)


@pytest.fixture
def errors(page: Any) -> Iterator[list[str]]:
    """Uncaught script errors on the page; every test that uses it expects none."""
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    yield found
    assert found == []


def open_checklist(page: Any, url: str, checklist: str = CHECKLIST) -> None:
    page.goto(url)
    # The tools are unhidden once checklists.js has applied saved progress.
    page.locator(f'[data-checklist="{checklist}"] .ep-tools').wait_for(state="visible")


def item_ids(page: Any, checklist: str = CHECKLIST) -> list[str]:
    return list(page.locator(f'[data-checklist="{checklist}"] [data-item]').evaluate_all("els => els.map(e => e.dataset.item)"))


def box(page: Any, item: str, checklist: str = CHECKLIST) -> Any:
    return page.locator(f'[data-checklist="{checklist}"] [data-item="{item}"] input[type=checkbox]')


def tick(page: Any, item: str, checklist: str = CHECKLIST) -> None:
    box(page, item, checklist).check()


def count_text(page: Any) -> str:
    return str(page.locator(f"{LIST} .ep-tools__count").text_content())


def saved(page: Any, checklist: str = CHECKLIST) -> Any:
    raw = page.evaluate("key => localStorage.getItem(key)", KEY + checklist)
    return None if raw is None else json.loads(raw)


def set_saved(page: Any, values: dict[str, str]) -> None:
    page.evaluate("values => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v) }", values)


def hub_count(page: Any, checklist: str) -> str:
    return str(page.locator(f'[data-checklist-progress="{checklist}"] .ep-progress-hub__count').text_content())


def at(url: str) -> re.Pattern[str]:
    """The page at url, with any #section: navigation.tracking writes the section scrolled to into the URL."""
    return re.compile(re.escape(url) + r"(#.*)?$")


def sitemap_for_this_server(page: Any, served: str) -> None:
    """Material's instant navigation follows only links listed in sitemap.xml, whose URLs carry site_url;
    it swaps in the protocol and host name but keeps site_url's path and port. Rewrite the sitemap to the
    test server, as it matches the real host once deployed."""
    found = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert found, "mkdocs.yml has no site_url"
    site_url = found.group(1).rstrip("/") + "/"

    def rewrite(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(site_url, served))

    page.route("**/sitemap.xml", rewrite)


pytestmark = pytest.mark.browser


def test_tick_survives_reload_and_progress_is_announced(page: Any, public_url: str, errors: list[str]) -> None:
    open_checklist(page, public_url + WEEK_1)
    items = item_ids(page)
    assert count_text(page) == f"0 of {len(items)} done"
    assert page.locator(f"{LIST} .ep-tools__count").get_attribute("aria-live") == "polite"
    tick(page, items[1])
    assert count_text(page) == f"1 of {len(items)} done"
    assert saved(page) == {"v": 1, "done": [items[1]]}

    page.reload()
    page.locator(f"{LIST} .ep-tools").wait_for(state="visible")
    expect(box(page, items[1])).to_be_checked()
    for other in items[:1] + items[2:]:
        expect(box(page, other)).not_to_be_checked()
    assert count_text(page) == f"1 of {len(items)} done"


def test_tick_survives_instant_navigation(page: Any, public_url: str, errors: list[str]) -> None:
    sitemap_for_this_server(page, public_url)
    open_checklist(page, public_url + WEEK_1)
    first = item_ids(page)[0]
    tick(page, first)
    page.evaluate("window.epMarker = 'same document'")  # gone if a link caused a full page load

    page.locator('.md-sidebar--primary a.md-nav__link[href$="/onboarding/"]').click()  # the hub in the site navigation
    page.wait_for_url(at(public_url + HUB))
    expect(page.locator(f'[data-checklist-progress="{CHECKLIST}"] .ep-progress-hub__count')).to_contain_text("1 of ")
    assert page.evaluate("window.epMarker") == "same document", "Material's instant navigation was not used"

    page.go_back()
    page.wait_for_url(at(public_url + WEEK_1))
    expect(box(page, first)).to_be_checked()

    page.locator('.md-sidebar--primary a.md-nav__link[href$="/onboarding/"]').click()
    page.wait_for_url(at(public_url + HUB))
    page.locator(f'[data-checklist-progress="{CHECKLIST}"] a').click()
    page.wait_for_url(at(public_url + WEEK_1))
    expect(box(page, first)).to_be_checked()
    assert page.evaluate("window.epMarker") == "same document"


def _edit_checklist(path: Path, keep_first: str, keep_last: str, removed: str) -> None:
    """Reverse the order, reword every item, drop one and add one: ids are all that stay."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    groups = data.get("sections", [data])
    for group in groups:
        group["items"] = [dict(item, text=f"Reworded: {item['text']}") for item in reversed(group["items"]) if item["id"] != removed]
    groups[0]["items"].insert(0, {"id": "brand-new-item", "text": "A task added after the first release."})
    if "sections" in data:
        data["sections"] = [group for group in reversed(groups) if group["items"]]
    assert keep_first != removed != keep_last
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_ticks_follow_ids_when_items_are_reordered_reworded_removed_and_added(
    page: Any, public_site: Any, tmp_path: Path, errors: list[str]
) -> None:
    # One origin for both deployments: the served folder's content is swapped, as a redeploy would.
    served = tmp_path / "served"
    shutil.copytree(public_site.site, served)
    page.route("**/*", lambda route: route.continue_())  # routing turns the HTTP cache off: no stale page after the swap
    with serve(served) as url:
        open_checklist(page, url + WEEK_1)
        items = item_ids(page)
        first, removed, last = items[0], items[1], items[-1]
        for item in (first, removed, last):
            tick(page, item)
        old_labels = {item: page.locator(f'{LIST} label[for$="--{item}"]').text_content() for item in (first, last)}

        project = copy_project(tmp_path / "project")
        _edit_checklist(project / "data/checklists" / f"{CHECKLIST}.yml", first, last, removed)
        rebuilt = build(project, tmp_path / "site")
        assert rebuilt.ok, rebuilt.output
        shutil.rmtree(served)
        shutil.copytree(rebuilt.site, served)

        open_checklist(page, url + WEEK_1)
        new_items = item_ids(page)
        assert new_items != items and removed not in new_items and "brand-new-item" in new_items
        for item in (first, last):
            assert page.locator(f'{LIST} label[for$="--{item}"]').text_content() != old_labels[item]
            expect(box(page, item)).to_be_checked()
        expect(box(page, "brand-new-item")).not_to_be_checked()
        assert sorted(saved(page)["done"]) == sorted([first, last])  # the removed item is forgotten
        assert count_text(page) == f"2 of {len(new_items)} done"


def test_corrupt_and_foreign_storage_never_breaks_the_page(page: Any, public_url: str, errors: list[str]) -> None:
    page.goto(public_url + HUB)
    set_saved(
        page,
        {
            KEY + CHECKLIST: "{not json",
            KEY + OTHER: json.dumps({"v": 1, "done": [1, None, {"x": 1}, "Not An Id"]}),
            KEY + "new-hire-first-90-days": json.dumps({"v": 99, "done": "everything"}),
            KEY + "Bad Key!": "[]",
            KEY: "null",
        },
    )
    page.reload()
    row = page.locator(f'[data-checklist-progress="{CHECKLIST}"]')
    expect(row.locator(".ep-progress-hub__count")).to_have_text(f"0 of {row.get_attribute('data-total')} done")
    assert hub_count(page, OTHER).startswith("0 of ")

    open_checklist(page, public_url + WEEK_1)
    items = item_ids(page)
    assert count_text(page) == f"0 of {len(items)} done"
    tick(page, items[0])
    assert saved(page) == {"v": 1, "done": [items[0]]}  # the corrupt value is replaced by a good one


def test_old_format_is_migrated(page: Any, public_url: str, errors: list[str]) -> None:
    page.goto(public_url + HUB)
    # Version 0 was a bare list of item ids; ids no longer in the checklist are dropped.
    open_checklist(page, public_url + WEEK_1)
    items = item_ids(page)
    set_saved(page, {KEY + CHECKLIST: json.dumps([items[2], "an-item-that-was-removed"])})
    page.reload()
    expect(box(page, items[2])).to_be_checked()
    assert saved(page) == {"v": 1, "done": [items[2]]}


def test_blocked_storage_still_leaves_a_working_list(browser: Any, public_url: str) -> None:
    context = browser.new_context()
    # As in browsers with site data blocked: touching localStorage throws.
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError') }})")
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        open_checklist(page, public_url + WEEK_1)
        first = item_ids(page)[0]
        tick(page, first)
        expect(box(page, first)).to_be_checked()
        expect(page.locator(f"{LIST} .ep-tools__message")).to_contain_text("did not let us save")
        assert [p for p in problems if "checklists" in p] == []
    finally:
        context.close()


def _export(page: Any, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.locator(LIST).get_by_role("button", name="Export progress").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target


def _import(page: Any, file: Path, scope: str = LIST) -> None:
    with page.expect_file_chooser() as chooser:
        page.locator(scope).get_by_role("button", name="Import progress").click()
    chooser.value.set_files(str(file))


def test_export_then_import_into_a_fresh_browser(browser: Any, page: Any, public_url: str, tmp_path: Path, errors: list[str]) -> None:
    open_checklist(page, public_url + OTHER_PAGE, OTHER)
    other_first = item_ids(page, OTHER)[0]
    tick(page, other_first, OTHER)
    open_checklist(page, public_url + WEEK_1)
    items = item_ids(page)
    tick(page, items[0])
    tick(page, items[3])

    exported = _export(page, tmp_path)
    assert exported.name.startswith("checklist-progress-") and exported.suffix == ".json"
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "ep-checklists" and data["version"] == 1
    assert sorted(data["checklists"][CHECKLIST]) == sorted([items[0], items[3]])
    assert data["checklists"][OTHER] == [other_first]

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(public_url + HUB)
        other.locator(".ep-progress-hub ~ .ep-tools").wait_for(state="visible")
        assert hub_count(other, CHECKLIST).startswith("0 of ")
        _import(other, exported, ".ep-progress-hub ~ .ep-tools")
        expect(other.locator(".ep-progress-hub ~ .ep-tools .ep-tools__message")).to_contain_text("imported")
        assert hub_count(other, CHECKLIST).startswith("2 of ")
        assert hub_count(other, OTHER).startswith("1 of ")
        open_checklist(other, public_url + WEEK_1)
        expect(box(other, items[0])).to_be_checked()
        expect(box(other, items[3])).to_be_checked()
        expect(box(other, items[1])).not_to_be_checked()
    finally:
        fresh.close()


@pytest.mark.parametrize(
    "content",
    [
        "this is not json",
        json.dumps({"format": "ep-checklists", "version": 2, "checklists": {}}),
        json.dumps({"format": "something-else", "version": 1, "checklists": {}}),
        json.dumps({"format": "ep-checklists", "version": 1, "checklists": ["new-hire-week-1"]}),
        # One good list and one bad: nothing at all is written.
        json.dumps({"format": "ep-checklists", "version": 1, "checklists": {OTHER: ["a-b"], CHECKLIST: [1, 2]}}),
    ],
    ids=["not-json", "future-version", "foreign-format", "list-not-map", "one-bad-list"],
)
def test_bad_import_is_refused_and_keeps_what_is_stored(
    page: Any, public_url: str, tmp_path: Path, errors: list[str], content: str
) -> None:
    open_checklist(page, public_url + WEEK_1)
    first = item_ids(page)[0]
    tick(page, first)
    before = {key: saved(page, key) for key in (CHECKLIST, OTHER)}
    bad = tmp_path / "progress.json"
    bad.write_text(content, encoding="utf-8")

    _import(page, bad)
    expect(page.locator(f"{LIST} .ep-tools__message")).to_contain_text("Import refused")
    assert {key: saved(page, key) for key in (CHECKLIST, OTHER)} == before
    expect(box(page, first)).to_be_checked()


def test_reset_asks_first_and_clears_only_that_checklist(page: Any, public_url: str, errors: list[str]) -> None:
    open_checklist(page, public_url + OTHER_PAGE, OTHER)
    other_first = item_ids(page, OTHER)[0]
    tick(page, other_first, OTHER)
    open_checklist(page, public_url + WEEK_1)
    items = item_ids(page)
    tick(page, items[0])
    reset = page.locator(LIST).get_by_role("button", name="Reset “Your first week”")

    page.once("dialog", lambda dialog: dialog.dismiss())
    reset.click()
    expect(box(page, items[0])).to_be_checked()

    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    reset.click()
    expect(box(page, items[0])).not_to_be_checked()
    assert asked and "Your first week" in asked[0]
    assert saved(page) is None
    assert count_text(page) == f"0 of {len(items)} done"
    assert saved(page, OTHER) == {"v": 1, "done": [other_first]}


def test_keyboard_only(page: Any, public_url: str, errors: list[str]) -> None:
    open_checklist(page, public_url + WEEK_1)
    first = item_ids(page)[0]
    reached: list[str] = []
    for _ in range(300):  # Tab through the page from the top until the first checkbox has focus
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement; return e.dataset.ep || (e.closest('[data-item]') || {dataset: {}}).dataset.item || '' }"
        )
        reached.append(focused)
        if focused == first:
            break
    assert {"reset", "export", "import"} <= set(reached), reached
    assert reached[-1] == first
    outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth] }")
    assert outline[0] != "none" and outline[1] != "0px", f"no visible focus: {outline}"

    page.keyboard.press("Space")
    expect(box(page, first)).to_be_checked()
    assert saved(page) == {"v": 1, "done": [first]}

    page.keyboard.press("Shift+Tab")  # back to the controls, then Reset with the keyboard
    for _ in range(10):
        if page.evaluate("document.activeElement.dataset.ep") == "reset":
            break
        page.keyboard.press("Shift+Tab")
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Enter")
    expect(box(page, first)).not_to_be_checked()


def test_hub_shows_counts_after_ticking(page: Any, public_url: str, errors: list[str]) -> None:
    open_checklist(page, public_url + WEEK_1)
    items = item_ids(page)
    for item in items[:3]:
        tick(page, item)
    # A stale tick of an item that no longer exists must not count.
    set_saved(page, {KEY + OTHER: json.dumps({"v": 1, "done": ["an-item-that-was-removed"]})})
    page.goto(public_url + HUB)
    row = page.locator(f'[data-checklist-progress="{CHECKLIST}"]')
    expect(row.locator(".ep-progress-hub__count")).to_have_text(f"3 of {row.get_attribute('data-total')} done")
    assert row.get_attribute("data-total") == str(len(items))
    assert hub_count(page, OTHER).startswith("0 of ")
    assert row.locator(".ep-bar").is_visible()


def test_print_shows_ticks_and_sign_off_lines_without_chrome(page: Any, public_url: str, errors: list[str]) -> None:
    open_checklist(page, public_url + WEEK_1)
    first = item_ids(page)[0]
    tick(page, first)
    assert not page.locator(f"{LIST} .ep-sign").is_visible()  # on screen the lines are print-only

    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not page.locator(chrome).first.is_visible(), chrome
    for button in page.locator(f"{LIST} button").all():
        assert not button.is_visible()
    sign = page.locator(f"{LIST} .ep-sign")
    assert sign.is_visible()
    # The signed sheet names the edition it was signed against (this test site has no edition tags), without a line.
    edition = sign.locator("p.ep-sign__edition")
    assert edition.inner_text().strip() in ("Draft: not yet issued", "Edition unknown (no git history)")
    assert edition.evaluate("p => getComputedStyle(p, '::after').content") == "none"  # no line drawn
    lines = sign.locator("p:not(.ep-sign__edition)")
    assert [line.strip() for line in lines.all_text_contents()] == ["Name", "Date", "FTO / Supervisor / Trainer signature"]
    assert lines.first.evaluate("p => getComputedStyle(p, '::after').borderBottomStyle") == "solid"
    done_mark = page.locator(f'{LIST} label[for$="--{first}"]').evaluate("l => getComputedStyle(l, '::after').content")
    assert "done" in done_mark
    undone = page.locator(f'{LIST} label[for$="--{item_ids(page)[1]}"]').evaluate("l => getComputedStyle(l, '::after').content")
    assert "done" not in undone
    assert page.pdf()[:4] == b"%PDF"


def test_without_javascript_it_is_a_plain_list(browser: Any, public_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(public_url + WEEK_1)
        checklist = page.locator(LIST)
        assert checklist.locator("[data-item]").count() > 0
        assert checklist.locator("label").first.is_visible()
        assert checklist.locator("button:visible").count() == 0
        assert not checklist.locator(".ep-tools").is_visible()
        page.goto(public_url + HUB)
        assert page.locator(".md-content button:visible").count() == 0
        row = page.locator(f'[data-checklist-progress="{CHECKLIST}"]')
        assert row.locator(".ep-progress-hub__count").text_content() == f"{row.get_attribute('data-total')} items"
    finally:
        context.close()


def test_works_at_360px(browser: Any, public_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        for path in (WEEK_1, HUB):
            page.goto(public_url + path)
            page.locator(".ep-tools").first.wait_for(state="visible")
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
            for button in page.locator(".ep-tools button").all():
                box_ = button.bounding_box()
                assert box_ is not None and box_["x"] >= 0 and box_["x"] + box_["width"] <= 360, path
                assert box_["height"] >= 24  # a target a thumb can hit
    finally:
        context.close()


def test_checklist_assets_fit_the_budget() -> None:
    sizes = {path.name: (len(path.read_bytes()), len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))) for path in ASSETS}
    print("checklist assets (raw, gzip):", sizes)
    assert sum(gzipped for _, gzipped in sizes.values()) <= BUDGET, sizes
