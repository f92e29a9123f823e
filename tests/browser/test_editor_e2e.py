"""The editor end to end, as a trainer uses it: `playbooks edit` on a copy of the reference site, driven in
Chromium, with git telling what each save changed on disk.

Covered: a new partner with an ampersand, an apostrophe and a phone extension (check, strict build, shown once
as written); a bad phone refused in the form in the check's words; one checklist item edited changes one line;
a new play with a checklist from the picker (strict build, boxes shown); an unchanged save writes nothing; a
file changed on disk meanwhile is not overwritten; axe on the list and form screens.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from support import build, copy_project, git

from engagement_playbooks.models import rules
from engagement_playbooks.testing.server import serve

pytestmark = pytest.mark.browser

NAME = "Smith & O'Neil Youth Works"
# Decap's own screens break these (its toolbar's icon buttons, its date picker's "Now"): upstream, listed in the
# closing note of issue 20. Anything else, and anything inside the engine's own parts (.ep-…), fails.
UPSTREAM_AXE = {"aria-command-name", "button-name", "color-contrast"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass
class Editing:
    project: Path
    url: str
    process: subprocess.Popen[str]

    def diff(self, *args: str) -> str:
        return git(self.project, "diff", *args)

    def reset(self) -> None:
        git(self.project, "checkout", "-q", "--", ".")
        git(self.project, "clean", "-qfd", "docs", "data")


@pytest.fixture(scope="module")
def editing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editing]:
    project = copy_project(tmp_path_factory.mktemp("edit") / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "The reference site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_EDITION": "", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "engagement_playbooks", "edit", "--no-open"]
    process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    url = None
    for line in process.stdout:  # the build's log, then the line with the address
        found = re.search(r"Open (http://127\.0\.0\.1:\d+)/admin/ in your browser", line)
        if found:
            url = found[1]
            break
    if url is None:
        process.kill()
        pytest.fail("playbooks edit printed no address")
    try:
        yield Editing(project, url, process)
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def editor(editing: Editing, browser: Any) -> Iterator[Any]:
    """The editor signed in (one Login click: the local server needs no credentials)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{editing.url}/admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Partners").wait_for()
    page.errors = errors  # type: ignore[attr-defined]  # read by refused(): Decap leaves a refused save unhandled
    yield page
    context.close()
    editing.reset()
    assert not errors, errors


def refused(page: Any) -> None:
    """Decap rejects a refused save without handling it (an "undefined" or "Object" page error): expected here."""
    page.errors.clear()


def open_entry(page: Any, editing: Editing, hash_path: str) -> None:
    page.goto(f"{editing.url}/admin/#/{hash_path}")
    page.get_by_role("button", name="Publish").wait_for()


def choose(page: Any, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).last.click()
    page.keyboard.type(option)
    page.keyboard.press("Enter")


def publish(page: Any) -> None:
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Publish now", exact=True).click()


def wait_saved(page: Any) -> None:
    page.get_by_text(re.compile("^Entry (saved|published)$")).wait_for(timeout=15_000)


def test_a_new_partner_is_saved_as_written_and_shown_once(editing: Editing, editor: Any, tmp_path: Path, page: Any) -> None:
    open_entry(editor, editing, "collections/partners/entries/partners")
    editor.get_by_role("button", name="Add partners").click()
    editor.get_by_label("Id", exact=True).last.fill("smith-oneil-youth-works")
    editor.get_by_label("Name", exact=True).last.fill(NAME)
    choose(editor, "Category", "Youth")
    editor.get_by_label("What they offer", exact=True).last.fill("After-school programs | tutoring & mentoring")
    editor.get_by_label("How to refer someone", exact=True).last.fill("Call the front desk.")
    choose(editor, "Districts served", "Downtown")
    editor.get_by_label("Main phone", exact=True).last.fill("(217) 555-0142 ext. 12")
    editor.get_by_label("Last checked on", exact=True).last.fill("2026-11-30")
    publish(editor)
    wait_saved(editor)

    added = [line[1:] for line in editing.diff("-U0").splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert f"    name: {NAME}" in added
    assert all(not line.startswith("-") or line.startswith("---") for line in editing.diff("-U0").splitlines()), "only lines added"
    check = subprocess.run([sys.executable, "-m", "engagement_playbooks", "check"], cwd=editing.project, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    result = build(editing.project, tmp_path / "site")
    assert result.ok, result.output
    with serve(result.site) as url:
        page.goto(f"{url}directory/")
        headings = page.locator("main h3", has_text=NAME)
        assert headings.count() == 1
        assert headings.inner_text().rstrip("¶ \n") == NAME  # exactly as written: no entity, no escape shown
        assert "&amp;" not in page.inner_text("main") and "O&#39;" not in page.inner_text("main")


def test_a_bad_phone_is_refused_in_the_checks_words(editing: Editing, editor: Any) -> None:
    open_entry(editor, editing, "collections/partners/entries/partners")
    editor.get_by_role("button", name="Add partners").click()
    editor.get_by_label("Main phone", exact=True).last.fill("555-12")
    publish(editor)
    region = "US"
    expected = rules.PHONE.format(value=rules.quoted("555-12"), region=region)
    editor.get_by_text(expected, exact=True).wait_for()
    assert editor.get_by_text(f"Name: {rules.REQUIRED}", exact=True).count() >= 1  # the new partner has no name yet
    assert editing.diff() == ""  # nothing saved
    refused(editor)


def test_editing_one_checklist_item_changes_one_line(editing: Editing, editor: Any) -> None:
    open_entry(editor, editing, "collections/checklists/entries/after-forum")
    first = "Hold a team debrief and list every promise made in the room."
    # A collapsed item, named by its text: open it with the first button of its own header (the chevron).
    header = editor.locator("div", has=editor.get_by_text(first, exact=True)).filter(has=editor.locator("button")).last
    header.locator("button").first.click()
    item = editor.get_by_label("What to do", exact=True).first
    item.fill("Hold a team debrief & list every promise made in the room: all of them.")
    publish(editor)
    wait_saved(editor)
    assert editing.diff("--numstat").split() == ["1", "1", "data/checklists/after-forum.yml"]
    assert '+    text: "Hold a team debrief & list every promise made in the room: all of them."' in editing.diff()


def test_a_new_play_with_a_picked_checklist_builds_with_its_boxes(editing: Editing, editor: Any, tmp_path: Path, page: Any) -> None:
    open_entry(editor, editing, "collections/section-forums/new")
    editor.get_by_label("Title (optional)", exact=True).fill("Hold a coffee with a cop")
    editor.locator("[data-slate-editor] h2", has_text="Checklist").click()
    editor.keyboard.press("End")
    editor.keyboard.press("Enter")
    editor.get_by_role("button", name="Add Component").click()
    editor.get_by_text("Insert checklist", exact=True).click()
    choose(editor, "Checklist", "Plan a community forum")
    preview = editor.frame_locator("iframe").first
    preview.get_by_text("Checklist: Plan a community forum").wait_for()
    assert "{{" not in preview.locator("body").inner_text()
    publish(editor)
    wait_saved(editor)

    text = (editing.project / "docs" / "forums" / "hold-a-coffee-with-a-cop.md").read_text(encoding="utf-8")
    assert '\n{{ checklist("forum-planning") }}\n' in text
    result = build(editing.project, tmp_path / "site")
    assert result.ok, result.output
    with serve(result.site) as url:
        page.goto(f"{url}forums/hold-a-coffee-with-a-cop/")
        assert page.locator("main input[type=checkbox]").count() >= 3


def test_an_unchanged_entry_is_not_saved(editing: Editing, editor: Any) -> None:
    """Decap offers no save for an entry whose data is as loaded (the formats' own test, tests/test_editor_js.py,
    shows an unchanged entry written back gives the same bytes)."""
    path = editing.project / "data" / "checklists" / "forum-planning.yml"
    before = path.stat().st_mtime_ns
    open_entry(editor, editing, "collections/checklists/entries/forum-planning")
    title = editor.get_by_label("Title", exact=True)
    original = title.input_value()
    title.fill(original + "!")
    title.fill(original)  # back as it was
    editor.get_by_role("button", name="Publish").click()
    assert editor.get_by_text("Publish now", exact=True).count() == 0
    assert editing.diff() == "" and path.stat().st_mtime_ns == before


def test_a_file_changed_on_disk_is_not_overwritten(editing: Editing, editor: Any) -> None:
    path = editing.project / "data" / "checklists" / "forum-planning.yml"
    open_entry(editor, editing, "collections/checklists/entries/forum-planning")
    changed = path.read_text(encoding="utf-8") + "# changed by someone else\n"
    path.write_text(changed, encoding="utf-8")
    title = editor.get_by_label("Title", exact=True)
    title.fill(title.input_value() + " (new)")
    publish(editor)
    editor.get_by_text("changed on disk since you opened it", exact=False).wait_for()
    assert path.read_text(encoding="utf-8") == changed
    refused(editor)


@pytest.mark.parametrize("screen", ["collections/section-forums", "collections/partners/entries/partners"], ids=["list", "form"])
def test_the_editors_screens_pass_axe(editing: Editing, editor: Any, screen: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    editor.goto(f"{editing.url}/admin/#/{screen}")
    editor.wait_for_timeout(1500)
    result = Axe().run(editor, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    violations = result.response["violations"]
    ours = [
        (violation["id"], node["target"])
        for violation in violations
        for node in violation["nodes"]
        if any(".ep-" in str(target) or "#ep-" in str(target) for target in node["target"])
    ]
    assert ours == []
    assert {violation["id"] for violation in violations} <= UPSTREAM_AXE, [v["id"] for v in violations]
