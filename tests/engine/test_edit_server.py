"""The edit server behind `playbooks edit`: Decap's proxy protocol, its guards, and that nothing is lost.

Against the real server on a free port, with a stand-in build (no MkDocs): fast, no browser.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engagement_playbooks.cli import main as cli
from engagement_playbooks.editor.server import EditServer

PARTNERS = """\
# Partners the playbooks point to. Keep ids stable: plays link to them.
partners:
  - id: food-bank   # the main pantry
    name: Riverton Food Bank
    phone: (217) 555-0101
    districts: [downtown, riverside]

  # Youth groups
  - id: youth-works
    name: Smith & O'Neil Youth Works
"""
PLAY = '---\ntitle: Plan a forum\n---\n\n# Plan a forum\n\n{{ checklist("forum-planning") }}\n'
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
STALE = (
    "data/partners.yml changed on disk since you opened it (someone or something else saved it). "
    "Reload the page to see the new version, then make your change again."
)


class FakeBuild:
    """Writes a tiny site and counts its calls; `gate`, when set, holds each build until it is opened."""

    def __init__(self) -> None:
        self.calls: list[Path] = []
        self.built = threading.Event()
        self.gate: threading.Event | None = None
        self.code = 0

    def __call__(self, target: Path) -> int:
        if self.gate is not None:
            self.gate.wait(10)
        self.calls.append(target)
        (target / "index.html").write_text(f"<title>Build {len(self.calls)}</title>", encoding="utf-8")
        self.built.set()
        return self.code

    def wait(self, count: int, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while len(self.calls) < count:
            assert time.monotonic() < deadline, f"expected {count} builds, got {len(self.calls)}"
            time.sleep(0.01)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "riverton"
    (project / "docs/forums").mkdir(parents=True)
    (project / "docs/assets/images").mkdir(parents=True)
    (project / "docs/empty").mkdir()
    (project / "data").mkdir()
    (project / ".git").mkdir()
    (project / ".git/config").write_text("[core]\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: Riverton\n", encoding="utf-8")
    (project / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    (project / "docs/forums/plan-a-forum.md").write_text(PLAY, encoding="utf-8")
    (project / "docs/assets/images/logo.png").write_bytes(PNG)
    (project / "data/partners.yml").write_text(PARTNERS, encoding="utf-8")
    (tmp_path / "outside.md").write_text("not the site's\n", encoding="utf-8")
    (tmp_path / "outside-folder").mkdir()
    (project / "docs/leak.md").symlink_to(tmp_path / "outside.md")
    (project / "docs/linked").symlink_to(tmp_path / "outside-folder", target_is_directory=True)
    return project


@pytest.fixture
def site(tmp_path: Path) -> Path:
    built = tmp_path / "site"
    (built / "forums").mkdir(parents=True)
    (built / "empty").mkdir()
    (built / "index.html").write_text("<title>First build</title>", encoding="utf-8")
    (built / "forums/index.html").write_text("<title>Plan a forum</title>", encoding="utf-8")
    return built


@pytest.fixture
def build() -> FakeBuild:
    return FakeBuild()


@pytest.fixture
def server(root: Path, site: Path, build: FakeBuild) -> Iterator[EditServer]:
    with EditServer(root, site, build, quiet=True) as running:
        yield running


def request(
    server: EditServer, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.headers), response.read()
    finally:
        connection.close()


def call(server: EditServer, action: str, params: dict[str, Any] | None = None, **headers: str) -> tuple[int, Any]:
    """One request as Decap's proxy backend sends it (from the editor's own page, unless headers say otherwise)."""
    payload = {"branch": "main", "action": action, "params": {"branch": "main", **(params or {})}}
    sent = {"Content-Type": "application/json; charset=utf-8", "Origin": server.url, **headers}
    status, _, body = request(server, "POST", "/api/v1", json.dumps(payload).encode("utf-8"), sent)
    return status, json.loads(body)


def save(path: str, raw: str, new: bool = False, **extra: Any) -> dict[str, Any]:
    options = {"commitMessage": f"Update {path}", "useWorkflow": False, "status": "", "newEntry": new}
    return {"dataFiles": [{"slug": Path(path).stem, "path": path, "raw": raw, **extra}], "assets": [], "options": options}


def sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under the site's folder (symlinks not followed), to show a refused request changed nothing."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink() and ".git" not in path.parts
    }


# -- the protocol ----------------------------------------------------------------------------------------


def test_info_names_the_folder_as_decap_server_does(server: EditServer) -> None:
    assert call(server, "info") == (200, {"repo": "riverton", "publish_modes": ["simple"], "type": "local_fs"})


def test_entries_by_folder_lists_the_files_inside_only(server: EditServer, root: Path) -> None:
    status, entries = call(server, "entriesByFolder", {"folder": "docs", "extension": "md", "depth": 2})
    assert status == 200
    paths = [entry["file"]["path"] for entry in entries]
    assert paths == ["docs/forums/plan-a-forum.md", "docs/index.md"]  # not docs/leak.md nor docs/linked/: they point outside
    play = entries[0]
    content = (root / "docs/forums/plan-a-forum.md").read_bytes()
    assert play == {"data": PLAY, "file": {"path": "docs/forums/plan-a-forum.md", "id": sha(content)}}
    status, shallow = call(server, "entriesByFolder", {"folder": "docs", "extension": "md", "depth": 1})
    assert [entry["file"]["path"] for entry in shallow] == ["docs/index.md"]


def test_entries_by_files_and_get_entry(server: EditServer) -> None:
    status, entries = call(server, "entriesByFiles", {"files": [{"path": "data/partners.yml", "label": "Partners"}]})
    assert status == 200
    assert entries == [{"data": PARTNERS, "file": {"path": "data/partners.yml", "label": "Partners", "id": sha(PARTNERS.encode())}}]
    assert call(server, "getEntry", {"path": "data/partners.yml"}) == (
        200,
        {"data": PARTNERS, "file": {"path": "data/partners.yml", "id": sha(PARTNERS.encode())}},
    )
    assert call(server, "getEntry", {"path": "docs/new.md"}) == (200, {"data": None, "file": {"path": "docs/new.md", "id": None}})


def test_deploy_previews_and_unknown_actions(server: EditServer) -> None:
    assert call(server, "getDeployPreview", {"collection": "plays", "slug": "x"}) == (200, None)
    assert call(server, "publishUnpublishedEntry", {"collection": "plays", "slug": "x"}) == (
        422,
        {"error": "Unknown action publishUnpublishedEntry"},
    )


def test_incomplete_and_malformed_requests_are_refused(server: EditServer) -> None:
    assert call(server, "getEntry")[0] == 422
    status, _, body = request(server, "POST", "/api/v1", b"{not json", {"Content-Type": "application/json", "Origin": server.url})
    assert status == 422
    assert json.loads(body) == {"error": "The editor sent a request that is not valid JSON."}
    status, _, _ = request(server, "POST", "/api/v1", b"action=info", {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 415  # a plain HTML form cannot post JSON


# -- nothing lost --------------------------------------------------------------------------------------


def test_a_save_writes_exactly_the_bytes_sent(server: EditServer, root: Path, build: FakeBuild) -> None:
    raw = PARTNERS.replace("(217) 555-0101", "(217) 555-0101 ext. 3") + '  - id: café\r\n    name: "Café ☕"  # no newline at the end'
    call(server, "getEntry", {"path": "data/partners.yml"})
    assert call(server, "persistEntry", save("data/partners.yml", raw)) == (200, {"message": "entry persisted"})
    assert (root / "data/partners.yml").read_bytes() == raw.encode("utf-8")
    assert build.built.wait(10), "a save rebuilds the site"


def test_saving_an_unchanged_entry_writes_nothing(server: EditServer, root: Path, build: FakeBuild) -> None:
    partners = root / "data/partners.yml"
    os.utime(partners, ns=(1_000_000_000, 1_000_000_000))
    call(server, "getEntry", {"path": "data/partners.yml"})
    assert call(server, "persistEntry", save("data/partners.yml", PARTNERS))[0] == 200
    assert partners.stat().st_mtime_ns == 1_000_000_000
    assert partners.read_text(encoding="utf-8") == PARTNERS
    time.sleep(0.2)
    assert build.calls == [], "nothing changed, nothing to rebuild"


def test_a_file_changed_on_disk_since_it_was_opened_is_not_overwritten(server: EditServer, root: Path) -> None:
    partners = root / "data/partners.yml"
    call(server, "entriesByFiles", {"files": [{"path": "data/partners.yml"}]})
    elsewhere = PARTNERS.replace("Riverton Food Bank", "Riverton Food Bank and Pantry")
    partners.write_text(elsewhere, encoding="utf-8")  # a hand edit, or a git pull, while the form is open
    assert call(server, "persistEntry", save("data/partners.yml", PARTNERS + "  - id: new\n")) == (409, {"error": STALE})
    assert partners.read_text(encoding="utf-8") == elsewhere
    # Once the editor has read the new version again, saving works.
    call(server, "getEntry", {"path": "data/partners.yml"})
    assert call(server, "persistEntry", save("data/partners.yml", elsewhere + "  - id: new\n"))[0] == 200


def test_saving_twice_without_reloading_works(server: EditServer, root: Path) -> None:
    call(server, "getEntry", {"path": "docs/index.md"})
    assert call(server, "persistEntry", save("docs/index.md", "# Home\n\nOne.\n"))[0] == 200
    assert call(server, "persistEntry", save("docs/index.md", "# Home\n\nTwo.\n"))[0] == 200
    assert (root / "docs/index.md").read_text(encoding="utf-8") == "# Home\n\nTwo.\n"


def test_a_new_entry_never_replaces_an_existing_file(server: EditServer, root: Path) -> None:
    status, body = call(server, "persistEntry", save("docs/forums/plan-a-forum.md", "# Another\n", new=True))
    assert (status, body) == (409, {"error": "docs/forums/plan-a-forum.md already exists"})
    assert (root / "docs/forums/plan-a-forum.md").read_text(encoding="utf-8") == PLAY
    assert call(server, "persistEntry", save("docs/forums/walk-the-market.md", "# Walk\n", new=True))[0] == 200
    assert (root / "docs/forums/walk-the-market.md").read_text(encoding="utf-8") == "# Walk\n"
    # An existing file the editor never read, saved as an edit (e.g. after the server restarted): written.
    assert call(server, "persistEntry", save("docs/index.md", "# Home page\n"))[0] == 200


def test_a_renamed_entry_moves_its_file(server: EditServer, root: Path) -> None:
    call(server, "getEntry", {"path": "docs/forums/plan-a-forum.md"})
    params = save("docs/forums/plan-a-forum.md", PLAY, newPath="docs/forums/hold-a-forum.md")
    assert call(server, "persistEntry", params)[0] == 200
    assert not (root / "docs/forums/plan-a-forum.md").exists()
    assert (root / "docs/forums/hold-a-forum.md").read_text(encoding="utf-8") == PLAY
    taken = save("docs/forums/hold-a-forum.md", PLAY, newPath="docs/index.md")
    assert call(server, "persistEntry", taken) == (409, {"error": "docs/index.md already exists"})


# -- the guards ----------------------------------------------------------------------------------------


def test_a_foreign_origin_is_refused_and_nothing_is_written(server: EditServer, root: Path) -> None:
    before = snapshot(root)
    status, body = call(server, "persistEntry", save("data/partners.yml", "partners: []\n"), Origin="http://evil.example")
    assert status == 403
    assert "another website (http://evil.example)" in body["error"]
    assert call(server, "getEntry", {"path": "data/partners.yml"}, Origin="http://evil.example")[0] == 403
    assert call(server, "info", Origin="null")[0] == 403
    assert request(server, "GET", "/", headers={"Origin": "http://evil.example"})[0] == 403
    assert snapshot(root) == before


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "localhost", "127.0.0.1.evil.example:{port}"])
def test_a_foreign_host_is_refused(server: EditServer, root: Path, host: str) -> None:
    before = snapshot(root)
    host = host.format(port=server.port)
    status, body = call(server, "persistEntry", save("data/partners.yml", "partners: []\n"), Host=host)
    assert status == 403
    assert f"the request asked for {host}" in body["error"]
    status, _, page = request(server, "GET", "/", headers={"Host": host})
    assert status == 403
    assert b"Refused" in page
    assert snapshot(root) == before


def test_the_editor_s_own_addresses_are_allowed(server: EditServer) -> None:
    for address in (f"127.0.0.1:{server.port}", f"localhost:{server.port}", f"LOCALHOST:{server.port}"):
        assert call(server, "info", Host=address, Origin=f"http://{address}")[0] == 200
    assert call(server, "info", Origin=f"http://localhost:{server.port}")[0] == 200  # the page opened as localhost


def test_a_preflight_from_the_other_local_name_is_answered(server: EditServer) -> None:
    origin = f"http://localhost:{server.port}"
    status, headers, _ = request(server, "OPTIONS", "/api/v1", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == origin
    assert request(server, "OPTIONS", "/api/v1", headers={"Origin": "http://evil.example"})[0] == 403


OUTSIDE = [
    "../mkdocs.yml",
    "mkdocs.yml",
    "/etc/passwd",
    "docs/../../outside.md",
    "docs/leak.md",
    "docs/linked/new.md",
    ".git/config",
    "data/../mkdocs.yml",
]


@pytest.mark.parametrize("path", OUTSIDE)
def test_paths_outside_the_pages_and_data_are_refused(server: EditServer, root: Path, path: str) -> None:
    before, outside = snapshot(root), snapshot(root.parent)
    for action, params in (
        ("getEntry", {"path": path}),
        ("entriesByFiles", {"files": [{"path": path}]}),
        ("persistEntry", save(path, "stolen: true\n")),
        ("persistEntry", save("docs/index.md", "# Home\n", newPath=path)),
        ("deleteFile", {"path": path, "options": {"commitMessage": "x"}}),
        ("getMediaFile", {"path": path}),
    ):
        status, body = call(server, action, params)
        assert status == 403, (action, body)
        assert body["error"].startswith(f"{path} is outside the site's pages and data folders (docs/ and data/)"), body
    assert snapshot(root) == before
    assert snapshot(root.parent) == outside
    assert (root.parent / "outside.md").read_text(encoding="utf-8") == "not the site's\n"


@pytest.mark.parametrize("folder", ["..", "docs/linked", "/etc", "."])
def test_folders_outside_are_not_listed(server: EditServer, folder: str) -> None:
    assert call(server, "entriesByFolder", {"folder": folder, "extension": "md", "depth": 3})[0] == 403
    assert call(server, "getMedia", {"mediaFolder": folder})[0] == 403


@pytest.mark.parametrize("path", ["docs/javascripts/steal.js", "docs/page.html", "data/run.py", "docs/forums"])
def test_only_markdown_yaml_and_media_are_written(server: EditServer, root: Path, path: str) -> None:
    before = snapshot(root)
    status, body = call(server, "persistEntry", save(path, "alert(1)\n"))
    assert status in (403, 422)
    assert body["error"].startswith(path)
    assert snapshot(root) == before


def test_a_refused_file_leaves_no_half_save(server: EditServer, root: Path) -> None:
    before = snapshot(root)
    params = save("docs/index.md", "# Changed\n")
    params["dataFiles"].append({"slug": "x", "path": "mkdocs.yml", "raw": "x"})
    assert call(server, "persistEntry", params)[0] == 403
    assert snapshot(root) == before


# -- media -----------------------------------------------------------------------------------------------


def _asset(path: str, content: bytes) -> dict[str, Any]:
    return {"asset": {"path": path, "content": base64.b64encode(content).decode(), "encoding": "base64"}, "options": {"commitMessage": "x"}}


def test_media_are_listed_saved_and_deleted_within_the_images_folder(server: EditServer, root: Path, build: FakeBuild) -> None:
    status, media = call(server, "getMedia", {"mediaFolder": "docs/assets/images"})
    assert status == 200
    assert media == [
        {
            "id": sha(PNG),
            "content": base64.b64encode(PNG).decode(),
            "encoding": "base64",
            "path": "docs/assets/images/logo.png",
            "name": "logo.png",
        }
    ]
    photo = bytes(range(255, -1, -1))
    status, saved = call(server, "persistMedia", _asset("docs/assets/images/forum.jpg", photo))
    assert status == 200
    assert saved["path"] == "docs/assets/images/forum.jpg"
    assert saved["name"] == "forum.jpg"
    assert saved["id"] == sha(photo)
    assert (root / "docs/assets/images/forum.jpg").read_bytes() == photo
    build.wait(1)
    assert call(server, "getMediaFile", {"path": "docs/assets/images/forum.jpg"})[1] == saved
    assert call(server, "deleteFile", {"path": "docs/assets/images/forum.jpg", "options": {"commitMessage": "x"}}) == (
        200,
        {"message": "deleted file docs/assets/images/forum.jpg"},
    )
    assert not (root / "docs/assets/images/forum.jpg").exists()
    build.wait(2)


def test_media_must_be_media_and_inside(server: EditServer, root: Path) -> None:
    before = snapshot(root)
    assert call(server, "persistMedia", _asset("docs/assets/images/page.md", b"# x\n"))[0] == 403
    assert call(server, "persistMedia", _asset("../evil.png", PNG))[0] == 403
    assert (
        call(
            server,
            "persistMedia",
            _asset("docs/assets/images/x.png", b"") | {"asset": {"path": "docs/x.png", "content": "!!", "encoding": "base64"}},
        )[0]
        == 422
    )
    assert snapshot(root) == before


def test_entries_save_their_images_with_them(server: EditServer, root: Path) -> None:
    params = save("docs/forums/walk.md", "# Walk\n\n![Market](../assets/images/market.png)\n", new=True)
    params["assets"] = [_asset("docs/assets/images/market.png", PNG)["asset"]]
    assert call(server, "persistEntry", params)[0] == 200
    assert (root / "docs/assets/images/market.png").read_bytes() == PNG


def test_delete_files(server: EditServer, root: Path) -> None:
    paths = ["docs/index.md", "docs/forums/plan-a-forum.md"]
    assert call(server, "deleteFiles", {"paths": paths, "options": {"commitMessage": "x"}}) == (
        200,
        {"message": "deleted files docs/index.md, docs/forums/plan-a-forum.md"},
    )
    assert not any((root / path).exists() for path in paths)


def test_a_file_changed_on_disk_is_not_deleted(server: EditServer, root: Path) -> None:
    call(server, "getEntry", {"path": "data/partners.yml"})
    (root / "data/partners.yml").write_text(PARTNERS + "# more\n", encoding="utf-8")
    assert call(server, "deleteFile", {"path": "data/partners.yml", "options": {"commitMessage": "x"}}) == (409, {"error": STALE})
    assert (root / "data/partners.yml").exists()


# -- the site and its rebuilds ---------------------------------------------------------------------------


def test_the_built_site_is_served_without_caching(server: EditServer) -> None:
    status, headers, body = request(server, "GET", "/")
    assert (status, body) == (200, b"<title>First build</title>")
    assert headers["Cache-Control"] == "no-store"
    assert request(server, "GET", "/forums/")[2] == b"<title>Plan a forum</title>"
    assert request(server, "GET", "/nowhere/")[0] == 404
    assert request(server, "GET", "/empty/")[0] == 404  # a folder without index.html: not a page, no listing
    assert request(server, "GET", "/../riverton/mkdocs.yml")[0] == 404
    assert request(server, "POST", "/elsewhere", b"{}", {"Content-Type": "application/json"})[0] == 404


def test_after_a_save_the_rebuilt_site_is_served(server: EditServer, build: FakeBuild) -> None:
    assert call(server, "persistEntry", save("docs/index.md", "# Home again\n"))[0] == 200
    assert build.built.wait(10)
    deadline = time.monotonic() + 10
    while request(server, "GET", "/")[2] != b"<title>Build 1</title>":
        assert time.monotonic() < deadline, "the new build is served"
        time.sleep(0.01)


def test_saves_during_a_build_cause_one_more_build(server: EditServer, build: FakeBuild) -> None:
    build.gate = threading.Event()
    assert call(server, "persistEntry", save("docs/index.md", "# One\n"))[0] == 200
    time.sleep(0.1)  # the first build is running, held at the gate
    for text in ("# Two\n", "# Three\n", "# Four\n"):
        assert call(server, "persistEntry", save("docs/index.md", text))[0] == 200
    build.gate.set()
    build.wait(2)
    time.sleep(0.3)
    assert len(build.calls) == 2


def test_a_failed_rebuild_keeps_the_last_good_site(server: EditServer, build: FakeBuild) -> None:
    build.code = 1
    assert call(server, "persistEntry", save("docs/index.md", "# Broken {{ \n"))[0] == 200
    build.wait(1)
    time.sleep(0.1)
    assert request(server, "GET", "/")[2] == b"<title>First build</title>"


def test_the_server_stops_cleanly(root: Path, site: Path, build: FakeBuild) -> None:
    server = EditServer(root, site, build, quiet=True)
    assert server.url == f"http://127.0.0.1:{server.port}"
    assert server.api_url == f"http://127.0.0.1:{server.port}/api/v1"
    with server:
        assert call(server, "info")[0] == 200
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", server.port), timeout=2):
        pass


def test_it_listens_on_127_0_0_1_only(server: EditServer) -> None:
    assert server._httpd.server_address[0] == "127.0.0.1"


def test_a_server_that_never_started_stops(root: Path, site: Path, build: FakeBuild) -> None:
    server = EditServer(root, site, build, quiet=True)
    server.stop()  # the first build failed: the port is closed without ever serving
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", server.port), timeout=2):
        pass


# -- the command -------------------------------------------------------------------------------------------


def test_playbooks_edit_is_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert "edit" in cli.COMMANDS
    assert "playbooks edit           edit the site in the browser, saving to this folder (no sign-in)" in (cli.__doc__ or "")
    with pytest.raises(SystemExit) as exit_:
        cli.main(["edit", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for option in ("--config-file", "--port", "--no-open"):
        assert option in out


def test_playbooks_edit_without_a_site_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["edit", "--config-file", str(tmp_path / "mkdocs.yml"), "--no-open"]) == 1
    assert "run playbooks edit in the site's folder" in capsys.readouterr().err
