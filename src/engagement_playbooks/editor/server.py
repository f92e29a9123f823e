"""The local edit server behind `playbooks edit`: Decap CMS's proxy protocol and the live site, on one port.

It speaks what decap-server's `localFs` middleware speaks (`POST /api/v1` with JSON `{action, params}`), so
Decap's `proxy` backend saves straight into the working tree, with no Node and no sign-in. Every other GET
serves the built site. What it adds to decap-server, because a trainer's files are at stake:

- it listens on 127.0.0.1 only, and refuses a request whose Host or Origin is not this server's own address
  (another website open in the same browser, or a DNS-rebinding page, cannot save or read through it);
- it opens and saves only files inside the site's pages and data folders (after `..` and symlinks), and
  saves only Markdown, YAML and media files;
- it writes exactly the bytes the editor sends; a save that changes nothing writes nothing;
- it refuses a save over a file that changed on disk since the editor read it, and a new entry over an
  existing file, instead of overwriting someone's work;
- after each save it rebuilds the site in the background, into a fresh folder that it then serves, so
  the preview never shows a half-built site.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

API_PATH = "/api/v1"
TEXT_SUFFIXES = frozenset({".md", ".yml", ".yaml"})
MEDIA_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".pdf"})
MAX_BODY = 50 * 1024 * 1024  # decap-server's limit (express.json({limit: '50mb'}))
STALE = (
    "{path} changed on disk since you opened it (someone or something else saved it). "
    "Reload the page to see the new version, then make your change again."
)

Build = Callable[[Path], int]  # builds the site into the given folder; 0 when it built


class RefusedError(Exception):
    """A request the server will not carry out: the status and the message the editor shows."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _text(params: dict[str, Any], key: str) -> str:
    value = params.get(key)
    if not isinstance(value, str) or not value:
        raise RefusedError(422, f"The editor sent an incomplete request: {key} is missing.")
    return value


def _items(params: dict[str, Any], key: str) -> list[Any]:
    value = params.get(key)
    if not isinstance(value, list):
        raise RefusedError(422, f"The editor sent an incomplete request: {key} is missing.")
    return value


def _object(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RefusedError(422, f"The editor sent an incomplete request: {what} is missing.")
    return value


class _Rebuilder:
    """One build at a time; saves during a build cause exactly one more build after it."""

    def __init__(self, run: Callable[[], None]) -> None:
        self._run = run
        self._lock = threading.Lock()
        self._pending = False
        self._thread: threading.Thread | None = None

    def request(self) -> None:
        with self._lock:
            self._pending = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="playbooks-edit-build", daemon=True)
                self._thread.start()

    def _loop(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._thread = None
                    return
                self._pending = False
            self._run()

    def wait(self, timeout: float) -> None:
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)


class EditServer:
    """The edit server for the site in `root`, serving the built site from `site_dir`.

    It binds its port when made (port 0: a free one), so `url` is known before the first build, which must
    point the editor at `api_url`. `start()` serves in a background thread; `stop()` ends it. As a context
    manager it starts on entry and stops on exit. `build(folder)` rebuilds the site into a fresh folder after
    each save; the server serves that folder once the build succeeds."""

    def __init__(
        self,
        root: Path,
        site_dir: Path,
        build: Build,
        port: int = 0,
        *,
        docs_dir: str = "docs",
        data_dir: str = "data",
        quiet: bool = False,
    ) -> None:
        self.root = Path(os.path.realpath(root))
        self.site_dir = Path(site_dir)  # swapped for each new build; handlers read it per request
        self.folders = (docs_dir.strip("/"), data_dir.strip("/"))
        self.allowed = tuple(Path(os.path.realpath(self.root / name)) for name in self.folders)
        self.quiet = quiet
        self._build = build
        self._seen: dict[Path, str] = {}  # sha256 of each file as last sent to (or saved from) the editor
        self._files_lock = threading.Lock()  # one file operation at a time: reads, checks and writes agree
        self._rebuilder = _Rebuilder(self._rebuild)
        self._builds: Path | None = None  # the server's own folder for rebuilt sites, made on first use
        self._retired: list[Path] = []
        self._httpd = _HTTPServer(("127.0.0.1", port), _Handler)
        self._httpd.edit = self
        self.port: int = self._httpd.server_address[1]
        self.hosts = frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})
        self.origins = frozenset(f"http://{host}" for host in self.hosts)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The site's address, such as http://127.0.0.1:41234 (no trailing slash)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return self.url + API_PATH

    @property
    def admin_url(self) -> str:
        return self.url + "/admin/"

    def start(self) -> None:
        if self._thread is None:
            # A short poll interval: stop() returns at once instead of after the stdlib's half second.
            self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), name="playbooks-edit", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop serving and close the port; wait a little for a running rebuild; remove the rebuilt sites."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()
        self._rebuilder.wait(timeout=30)
        if self._builds is not None:
            shutil.rmtree(self._builds, ignore_errors=True)

    def wait(self, timeout: float | None = None) -> None:
        """Block until the server stops (Ctrl+C still interrupts: the join is in short steps)."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(0.5 if timeout is None else timeout)
            if timeout is not None:
                return

    def __enter__(self) -> EditServer:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.stop()

    def say(self, message: str) -> None:
        if not self.quiet:
            print(message, file=sys.stderr, flush=True)

    # -- guards --------------------------------------------------------------------------------------

    def refusal(self, host: str | None, origin: str | None) -> str | None:
        """Why a request with these headers is refused, or None when it comes from this server's own page."""
        if (host or "").lower() not in self.hosts:
            asked = host or "no host"
            return f"Refused: this is the site editor's address only when opened as {self.url}/ (the request asked for {asked})."
        if origin is not None and origin.lower() not in self.origins:
            own = self.admin_url
            return f"Refused: this request came from another website ({origin}). The editor only takes requests from its own page, {own}"
        return None

    def _locate(self, relative: object) -> Path:
        """The real path of a path the editor sent, or RefusedError if it is outside the pages and data folders."""
        if not isinstance(relative, str) or not relative.strip():
            raise RefusedError(422, "The editor sent a request without a file name.")
        try:
            resolved = Path(os.path.realpath(self.root / relative))  # `..` and symlinks resolved; `/etc/x` stays absolute
        except (ValueError, OSError) as error:
            raise RefusedError(422, f"{relative!r} is not a file name the editor can use ({error}).") from None
        if not any(resolved.is_relative_to(folder) for folder in self.allowed):
            folders = " and ".join(f"{name}/" for name in self.folders)
            where = f"the site's pages and data folders ({folders})"
            raise RefusedError(403, f"{relative} is outside {where}; the editor may only open and save files there.")
        return resolved

    def _file(self, relative: object, suffixes: frozenset[str] | None = None) -> Path:
        """As _locate, for a file (not one of the folders themselves), with one of `suffixes` when given."""
        path = self._locate(relative)
        if path in self.allowed or path.is_dir():
            raise RefusedError(422, f"{relative} is a folder, not a file.")
        if suffixes is not None and path.suffix.lower() not in suffixes:
            kinds = ", ".join(sorted(suffixes))
            raise RefusedError(403, f"{relative} is not a kind of file the editor may save (it saves {kinds} files only).")
        return path

    # -- the protocol ----------------------------------------------------------------------------------

    def handle(self, body: object) -> Any:
        """Answer one `{action, params}` request as decap-server's localFs middleware does."""
        request = _object(body, "the request")
        action = request.get("action")
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        params = _object(request.get("params"), "params")
        handler = self._actions().get(action if isinstance(action, str) else "")
        if handler is None:
            raise RefusedError(422, f"Unknown action {action}")
        with self._files_lock:
            return handler(params)

    def _actions(self) -> dict[str, Callable[[dict[str, Any]], Any]]:
        return {
            "entriesByFolder": self._entries_by_folder,
            "entriesByFiles": self._entries_by_files,
            "getEntry": lambda params: self._entry(_text(params, "path")),
            "persistEntry": self._persist_entry,
            "getMedia": self._get_media,
            "getMediaFile": lambda params: self._media_file(_text(params, "path")),
            "persistMedia": self._persist_media,
            "deleteFile": lambda params: self._delete([_text(params, "path")], f"deleted file {params['path']}"),
            "deleteFiles": self._delete_files,
            "getDeployPreview": lambda params: None,  # decap-server's answer: no deploy previews
        }

    def _entry(self, relative: str, label: object = None) -> dict[str, Any]:
        path = self._file(relative)
        file: dict[str, Any] = {"path": relative.replace("\\", "/")}
        if isinstance(label, str):
            file["label"] = label
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            return {"data": None, "file": {**file, "id": None}}  # decap-server's answer for a missing file
        try:
            data = content.decode("utf-8")
        except UnicodeDecodeError:
            # Not decoded with replacements: saving those back would change characters the form never showed.
            raise RefusedError(422, f"{relative} is not saved as UTF-8 text; open it in a text editor and save it as UTF-8.") from None
        self._seen[path] = sha256(content)
        return {"data": data, "file": {**file, "id": sha256(content)}}

    def _listing(self, relative: str, extension: str, depth: int) -> list[str]:
        """The files under a folder the editor asked for, as decap-server lists them (paths from the root)."""
        folder = self._locate(relative)
        prefix = relative.replace("\\", "/").rstrip("/")
        found: list[str] = []

        def walk(current: Path, depth: int) -> None:
            if depth <= 0 or not current.is_dir():
                return
            for child in sorted(current.iterdir()):
                if child.is_dir() and not child.is_symlink():
                    walk(child, depth - 1)
                elif child.name.endswith(extension) and child.is_file() and self._inside(child):
                    found.append(f"{prefix}/{child.relative_to(folder).as_posix()}")

        walk(folder, depth)
        return found

    def _inside(self, path: Path) -> bool:
        real = Path(os.path.realpath(path))
        return any(real.is_relative_to(folder) for folder in self.allowed)

    def _entries_by_folder(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        depth = params.get("depth")
        extension = params.get("extension")
        if not isinstance(depth, int) or not isinstance(extension, str):
            raise RefusedError(422, "The editor sent an incomplete request: extension or depth is missing.")
        return [self._entry(path) for path in self._listing(_text(params, "folder"), extension, depth)]

    def _entries_by_files(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        files = [_object(item, "files[].path") for item in _items(params, "files")]
        return [self._entry(_text(item, "path"), item.get("label")) for item in files]

    def _persist_entry(self, params: dict[str, Any]) -> dict[str, str]:
        options = params.get("options")
        new_entry = isinstance(options, dict) and options.get("newEntry") is True
        data_files = params.get("dataFiles")
        if data_files is None:
            data_files = [params.get("entry")]  # the older form of the request
        if not isinstance(data_files, list) or not data_files:
            raise RefusedError(422, "The editor sent an incomplete request: dataFiles is missing.")
        # Everything is checked before anything is written: a refused file never leaves half a save.
        saves = [self._planned_entry(_object(item, "dataFiles[]"), new_entry) for item in data_files]
        assets = [self._planned_asset(_object(item, "assets[]")) for item in params.get("assets") or []]
        renames = [(path, target) for path, _, target in saves if target is not None]
        if len(renames) != len(saves):
            renames = []  # decap-server moves only when every file has a new path
        changed = [self._write(path, content) for path, content, _ in saves]
        changed += [self._write(path, content, remember=False) for path, content in assets]
        for source, target in renames:
            target.parent.mkdir(parents=True, exist_ok=True)
            source.rename(target)
            self._seen[target] = self._seen.pop(source, sha256(target.read_bytes()))
            changed.append(True)
        if any(changed):
            self._rebuilder.request()
        return {"message": "entry persisted"}

    def _planned_entry(self, item: dict[str, Any], new_entry: bool) -> tuple[Path, bytes, Path | None]:
        relative = _text(item, "path")
        raw = item.get("raw")
        if not isinstance(raw, str):
            raise RefusedError(422, "The editor sent an incomplete request: raw is missing.")
        path = self._file(relative, TEXT_SUFFIXES)
        self._check_not_stale(relative, path, new_entry)
        target = None
        if item.get("newPath") is not None:
            target = self._file(item["newPath"], TEXT_SUFFIXES)
            if target != path and target.exists():
                raise RefusedError(409, f"{item['newPath']} already exists")
        return path, raw.encode("utf-8"), (target if target != path else None)

    def _check_not_stale(self, relative: str, path: Path, new_entry: bool) -> None:
        """Refuse to overwrite work saved on disk that the editor has not seen."""
        if not path.exists():
            return
        if new_entry:
            raise RefusedError(409, f"{relative} already exists")
        seen = self._seen.get(path)
        if seen is not None and sha256(path.read_bytes()) != seen:
            raise RefusedError(409, STALE.format(path=relative))

    def _planned_asset(self, asset: dict[str, Any]) -> tuple[Path, bytes]:
        path = self._file(_text(asset, "path"), MEDIA_SUFFIXES)
        if asset.get("encoding") != "base64":
            raise RefusedError(422, f"The editor sent {asset['path']} in an unknown encoding; it sends base64.")
        try:
            content = base64.b64decode(_text(asset, "content"), validate=True)
        except binascii.Error:
            raise RefusedError(422, f"The editor sent {asset['path']} damaged (not valid base64).") from None
        return path, content

    def _write(self, path: Path, content: bytes, *, remember: bool = True) -> bool:
        """Write exactly `content`; nothing when the file holds it already. True when the file changed."""
        if remember:
            self._seen[path] = sha256(content)  # the editor now holds this version
        if path.is_file() and path.read_bytes() == content:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)  # bytes as sent: no newline translation, no re-encoding
        return True

    def _media_file(self, relative: str) -> dict[str, str]:
        path = self._file(relative)
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            raise RefusedError(404, f"{relative} was not found.") from None
        return {
            "id": sha256(content),
            "content": base64.b64encode(content).decode("ascii"),
            "encoding": "base64",
            "path": relative.replace("\\", "/"),
            "name": path.name,
        }

    def _get_media(self, params: dict[str, Any]) -> list[dict[str, str]]:
        return [self._media_file(path) for path in self._listing(_text(params, "mediaFolder"), "", 1)]

    def _persist_media(self, params: dict[str, Any]) -> dict[str, str]:
        asset = _object(params.get("asset"), "asset")
        path, content = self._planned_asset(asset)
        if self._write(path, content, remember=False):
            self._rebuilder.request()
        return self._media_file(asset["path"])

    def _delete_files(self, params: dict[str, Any]) -> dict[str, str]:
        paths = _items(params, "paths")
        return self._delete(paths, f"deleted files {', '.join(str(path) for path in paths)}")

    def _delete(self, relatives: list[Any], message: str) -> dict[str, str]:
        paths = [self._file(relative, TEXT_SUFFIXES | MEDIA_SUFFIXES) for relative in relatives]
        for relative, path in zip(relatives, paths, strict=True):
            seen = self._seen.get(path)
            if seen is not None and path.is_file() and sha256(path.read_bytes()) != seen:
                raise RefusedError(409, STALE.format(path=relative))
        deleted = False
        for path in paths:
            if path.is_file():
                path.unlink()
                deleted = True
            self._seen.pop(path, None)
        if deleted:
            self._rebuilder.request()
        return {"message": message}

    # -- rebuilding ------------------------------------------------------------------------------------

    def request_rebuild(self) -> None:
        self._rebuilder.request()

    def _rebuild(self) -> None:
        """Build into a fresh folder and serve it once it built; keep serving the last good site otherwise."""
        if self._builds is None:
            self._builds = Path(tempfile.mkdtemp(prefix="playbooks-edit-"))
        target = Path(tempfile.mkdtemp(prefix="site-", dir=self._builds))
        try:
            code = self._build(target)
        except Exception as error:  # a broken build must not stop the server: the saves are on disk
            code = 1
            self.say(f"The preview could not be rebuilt: {error}")
        if code != 0:
            shutil.rmtree(target, ignore_errors=True)
            self.say(
                "Your change is saved, but the site has errors now, so the preview shows the last good version. "
                "Run `playbooks check` to see them."
            )
            return
        self._retired.append(self.site_dir)
        self.site_dir = target
        # The site served before the last one is removed; the last one stays for requests still reading it.
        while len(self._retired) > 1:
            old = self._retired.pop(0)
            if old.parent == self._builds:
                shutil.rmtree(old, ignore_errors=True)
        self.say("Saved; the preview is up to date.")


class _HTTPServer(http.server.ThreadingHTTPServer):
    edit: EditServer


class _Handler(http.server.SimpleHTTPRequestHandler):
    server: _HTTPServer

    def __init__(self, request: Any, client_address: Any, server: _HTTPServer) -> None:
        # The folder is read per request: a rebuild swaps it.
        super().__init__(request, client_address, server, directory=str(server.edit.site_dir))

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # the preview must show the latest build
        super().end_headers()

    def _guarded(self) -> bool:
        refusal = self.server.edit.refusal(self.headers.get("Host"), self.headers.get("Origin"))
        if refusal is None:
            return True
        self.server.edit.say(refusal)
        if self.path.split("?")[0] == API_PATH:
            self._send_json(403, {"error": refusal}, cors=False)
        else:
            self._send_body(403, refusal.encode("utf-8"), "text/plain; charset=utf-8")
        return False

    def do_GET(self) -> None:
        if self._guarded():
            super().do_GET()

    def do_HEAD(self) -> None:
        if self._guarded():
            super().do_HEAD()

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404, "No page here")  # a folder without index.html is not a page
        return None

    def do_OPTIONS(self) -> None:
        # A CORS preflight: only when the page is opened as localhost and the API addressed as 127.0.0.1.
        if not self._guarded():
            return
        self.send_response(204)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        if not self._guarded():
            return
        if self.path.split("?")[0] != API_PATH:
            self._send_json(404, {"error": f"Nothing to post to at {self.path}; the editor's address is {API_PATH}."})
            return
        try:
            self._send_json(200, self.server.edit.handle(self._read_json()))
        except RefusedError as refused:
            if refused.status in (403, 409):
                self.server.edit.say(refused.message)
            self._send_json(refused.status, {"error": refused.message})
        except Exception as error:  # the editor shows this; the terminal keeps the detail
            self.server.edit.say(f"The editor's request failed: {error!r}")
            self._send_json(500, {"error": f"The save or load did not work: {error}"})

    def _read_json(self) -> object:
        if self.headers.get_content_type() != "application/json":
            raise RefusedError(415, "The editor's requests are JSON (Content-Type: application/json).")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise RefusedError(411, "The request had no length.") from None
        if not 0 <= length <= MAX_BODY:
            raise RefusedError(413, "The request is too large (50 MB at most).")
        try:
            return json.loads(self.rfile.read(length))
        except ValueError:
            raise RefusedError(422, "The editor sent a request that is not valid JSON.") from None

    def _cors(self) -> None:
        origin = self.headers.get("Origin")
        if origin is not None:  # already checked to be one of this server's own addresses
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")

    def _send_json(self, status: int, value: object, *, cors: bool = True) -> None:
        self._send_body(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8", cors=cors)

    def _send_body(self, status: int, body: bytes, content_type: str, *, cors: bool = False) -> None:
        self.send_response(status)
        if cors:
            self._cors()
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib signature)
        pass  # a trainer's terminal shows saves and refusals, not every request
