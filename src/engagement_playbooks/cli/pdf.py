"""`playbooks pdf`: build the print edition and save it as a PDF with headless Chromium.

    playbooks pdf [--config mkdocs.yml] [--output dist/playbooks.pdf]   (needs engagement-playbooks[pdf] and a Chromium)

The page is opened from disk and every request that is not file:// is refused and reported, so a
handout can never depend on, or tell, a third party. print-site fills its table of contents with
JavaScript, so the PDF is printed only once the contents list is there.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from engagement_playbooks.browser import CHROMIUM_ARGS, chromium_executable
from engagement_playbooks.cli.building import build_folder, edition_suffix, strict_build
from engagement_playbooks.readers.problems import ProblemsError


def render_pdf(print_page: Path, output: Path) -> list[str]:
    """Write the PDF; return the non-file requests the page tried (and was refused)."""
    from playwright.sync_api import Route, sync_playwright

    refused: list[str] = []

    def only_files(route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    output.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(color_scheme="light")
            page = context.new_page()
            page.route("**/*", only_files)
            page.goto(print_page.resolve().as_uri(), wait_until="load")
            page.wait_for_selector("#print-page-toc nav ul", state="attached", timeout=15_000)
            page.pdf(
                path=str(output),
                prefer_css_page_size=True,
                print_background=True,
                # Page size and numbers come from the print page's CSS (@page), not Chromium's header and footer.
                outline=True,  # PDF bookmarks from the headings, for readers with a sidebar
                tagged=True,  # a tagged PDF: screen readers get structure, not just text
            )
        finally:
            browser.close()
    return refused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="playbooks pdf", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", "-f", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml")
    parser.add_argument("--output", "-o", type=Path, help="the PDF to write (default: dist/playbooks[-internal].pdf)")
    args = parser.parse_args(argv)
    try:
        suffix, site = edition_suffix(), build_folder(args.config, "print")
    except ProblemsError as error:
        print(error, file=sys.stderr)
        return 2
    if strict_build(args.config, site, print="true") != 0:
        return 1
    output = args.output or Path("dist") / f"playbooks{suffix}.pdf"
    refused = render_pdf(site / "print_page" / "index.html", output)
    if refused:
        print("The print page tried to load from outside the site:\n  " + "\n  ".join(refused), file=sys.stderr)
        return 1
    print(f"Wrote {output} ({output.stat().st_size // 1024} KiB)")
    return 0
