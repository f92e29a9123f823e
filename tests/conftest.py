"""Shared fixtures: the shipped site built once per session in each edition, a web server, a browser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support import CHROMIUM_ARGS, ROOT, Build, build, chromium_executable, serve


@pytest.fixture(scope="session")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(ROOT, tmp_path_factory.mktemp("public") / "site")
    assert result.ok, result.output
    return result


@pytest.fixture(scope="session")
def internal_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(ROOT, tmp_path_factory.mktemp("internal") / "site", edition="internal")
    assert result.ok, result.output
    return result


@pytest.fixture(scope="session")
def public_url(public_site: Build) -> Iterator[str]:
    with serve(public_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()  # before starting Playwright: it starts one of its own to look
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Chromium against a built site")
