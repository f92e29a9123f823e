"""The editor's screenshots in CONTRIBUTING.md and the trainers' guide (`make screenshots`).

Runs `playbooks edit` on a copy of the reference site and photographs three screens in Chromium:
the collections, a partner's form refusing a bad phone number, and a new play with a picked checklist.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support import CHROMIUM_ARGS, chromium_executable, copy_project  # noqa: E402

OUT = ROOT / "docs" / "trainers" / "images"


def main() -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        project = copy_project(Path(work) / "project")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "engagement_playbooks", "edit", "--no-open"]
        process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert process.stdout is not None
        url = next(found[1] for line in process.stdout if (found := re.search(r"Open (http://127\.0\.0\.1:\d+)/admin/", line)))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS, headless=True)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(f"{url}/admin/")
                page.get_by_role("button", name="Login").click()
                page.get_by_role("link", name="Partners").wait_for()
                page.screenshot(path=OUT / "editor-collections.png")

                page.goto(f"{url}/admin/#/collections/partners/entries/partners")
                page.get_by_role("button", name="Add partners").click()
                page.get_by_label("Name", exact=True).last.fill("Smith & O'Neil Youth Works")
                phone = page.get_by_label("Main phone", exact=True).last
                phone.fill("555-12")
                page.get_by_role("button", name="Publish").click()
                page.get_by_text("Publish now", exact=True).click()
                phone.scroll_into_view_if_needed()
                page.wait_for_timeout(800)
                page.screenshot(path=OUT / "editor-partner-form.png")

                page.goto(f"{url}/admin/#/collections/section-forums/new")
                page.reload()
                page.get_by_label("Title (optional)", exact=True).fill("Hold a coffee with a cop")
                page.locator("[data-slate-editor] h2", has_text="Checklist").click()
                page.keyboard.press("End")
                page.keyboard.press("Enter")
                page.get_by_role("button", name="Add Component").click()
                page.get_by_text("Insert checklist", exact=True).click()
                page.get_by_label("Checklist", exact=True).last.click()
                page.keyboard.type("Plan a community forum")
                page.keyboard.press("Enter")
                page.frame_locator("iframe").first.get_by_text("Checklist: Plan a community forum").wait_for()
                page.screenshot(path=OUT / "editor-new-play.png")
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"screenshots in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
