"""A static web server on 127.0.0.1 for a built site, for the tests, the benchmark and Lighthouse."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    not_found: bytes = b""  # the site's own 404 page, as GitHub Pages serves it

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or not self.not_found:
            super().send_error(code, message, explain)
            return
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.not_found)))
        self.end_headers()
        self.wfile.write(self.not_found)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib signature)
        pass


def base_path(config_file: Path) -> str:
    """The path the site lives under, from site_url: /engagement-playbooks/ (pages use it in absolute links)."""
    match = re.search(r"^site_url:\s*(\S+)", config_file.read_text(encoding="utf-8"), re.MULTILINE)
    path = re.sub(r"^https?://[^/]+", "", match.group(1)) if match else "/"
    return path if path.endswith("/") else path + "/"


@contextmanager
def serve(directory: Path, not_found: Path | None = None) -> Iterator[str]:
    """Serve `directory` at a free port until the block ends; yields its URL, such as http://127.0.0.1:41234/."""
    handler = type("Handler", (_Handler,), {"not_found": not_found.read_bytes() if not_found else b""})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
