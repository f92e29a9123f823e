"""The static test server: gzip as a CDN serves it (for Lighthouse), and the site's own 404 page."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from engagement_playbooks.testing.server import serve

PAGE = "<!doctype html><title>Home</title>" + "<p>Plan a forum with the neighbourhood.</p>" * 50


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "forums").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "forums" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "app.js").write_text("console.log('ready');\n" * 40, encoding="utf-8")
    (tmp_path / "icon.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "404.html").write_text("<title>Not here</title>", encoding="utf-8")
    return tmp_path


def get(url: str, accept: str | None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize(("path", "source"), [("", "index.html"), ("forums/", "forums/index.html"), ("app.js", "app.js")])
def test_text_is_gzipped_when_the_client_accepts_it(site: Path, path: str, source: str) -> None:
    with serve(site, gzip=True) as url:
        status, headers, body = get(url + path, "br, gzip;q=0.9")
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert headers.get("Vary") == "Accept-Encoding"
    assert int(headers["Content-Length"]) == len(body)
    assert gzip.decompress(body) == (site / source).read_bytes()


def test_no_gzip_unless_asked_or_accepted(site: Path) -> None:
    with serve(site, gzip=True) as url:
        plain = get(url, None)
        identity = get(url, "identity")
    with serve(site) as url:
        off = get(url, "gzip")
    for status, headers, body in (plain, identity, off):
        assert status == 200
        assert "Content-Encoding" not in headers
        assert body == (site / "index.html").read_bytes()


def test_images_are_sent_as_they_are(site: Path) -> None:
    with serve(site, gzip=True) as url:
        status, headers, body = get(url + "icon.png", "gzip")
    assert status == 200
    assert "Content-Encoding" not in headers
    assert body == (site / "icon.png").read_bytes()


def test_a_missing_page_gets_the_site_404_with_gzip_on(site: Path) -> None:
    with serve(site, not_found=site / "404.html", gzip=True) as url:
        status, _, body = get(url + "no/such/page/", "gzip")
    assert status == 404
    assert body == (site / "404.html").read_bytes()


def test_a_folder_without_its_slash_is_redirected_with_gzip_on(site: Path) -> None:
    with serve(site, gzip=True) as url:
        request = urllib.request.Request(url + "forums", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:  # follows the redirect
            assert response.url == url + "forums/"
            assert gzip.decompress(response.read()) == (site / "forums" / "index.html").read_bytes()


def test_base_path_reads_mkdocs_yml_with_the_hosts_loader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """site_url set through !ENV (or INHERIT) is what the build uses: the config is loaded, not matched as text."""
    from engagement_playbooks.testing.server import base_path

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "base.yml").write_text("site_name: Base\nsite_url: !ENV [PLAYBOOKS_TEST_SITE_URL, 'https://example.org/']\n")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: Test\n", encoding="utf-8")
    monkeypatch.setenv("PLAYBOOKS_TEST_SITE_URL", "https://example.org/hcpd/playbooks")
    assert base_path(tmp_path / "mkdocs.yml") == "/hcpd/playbooks/"
