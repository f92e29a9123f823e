"""Render the print edition of a built site (print_page/index.html) to a PDF with headless Chromium.

Usage: python -m scripts.print_pdf [SITE_DIR] [OUTPUT_PDF]   (defaults: site/ and dist/playbooks.pdf)

The page is opened from disk and every request that is not file:// is refused and reported, so a
handout can never depend on, or tell, a third party. print-site fills its table of contents with
JavaScript, so the PDF is printed only once the contents list is there.
"""

from __future__ import annotations

import sys
from pathlib import Path

from engagement_playbooks.browser import CHROMIUM_ARGS, chromium_executable


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


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else Path("site")
    output = Path(argv[2]) if len(argv) > 2 else Path("dist/playbooks.pdf")
    print_page = site / "print_page" / "index.html"
    if not print_page.is_file():
        print(f"{print_page} not found: build the site first (make build).", file=sys.stderr)
        return 1
    refused = render_pdf(print_page, output)
    if refused:
        print("The print page tried to load from outside the site:\n  " + "\n  ".join(refused), file=sys.stderr)
        return 1
    print(f"Wrote {output} ({output.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
