"""A static web server on 127.0.0.1 for a built site, for the tests, the benchmark and Lighthouse."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from engagement_playbooks.hosts.mkdocs.site_config import load_site_config

# Types a CDN compresses (GitHub Pages, Netlify, Cloudflare); images and fonts are compressed already.
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "application/atom+xml",
    "image/svg+xml",
)


class _Handler(http.server.SimpleHTTPRequestHandler):
    not_found: bytes = b""  # the site's own 404 page, as GitHub Pages serves it
    gzip: bool = False  # compress text responses for clients that accept gzip, as a CDN does
    extensions_map = {  # noqa: RUF012 (the stdlib's instance attribute, replaced per class)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
    }

    def send_head(self) -> io.BufferedIOBase | None:  # type: ignore[override]
        body = self._gzipped_file()
        if body is None:
            return super().send_head()  # type: ignore[return-value]
        content_type, data = body
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def _gzipped_file(self) -> tuple[str, bytes] | None:
        """The content type and gzip bytes of the requested file, or None to serve it as the stdlib does."""
        accepted = [part.split(";")[0].strip().lower() for part in self.headers.get("Accept-Encoding", "").split(",")]
        if not self.gzip or "gzip" not in accepted:
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].split("#")[0].endswith("/"):
                return None  # the stdlib redirects to the address with a slash
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return None  # the stdlib answers 404 (the site's page) or lists nothing
        content_type = self.guess_type(path)
        if not content_type.startswith(COMPRESSIBLE):
            return None
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        with open(path, "rb") as source:
            return content_type, gzip.compress(source.read(), compresslevel=6, mtime=0)

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
    return load_site_config(config_file).base_path


@contextmanager
def serve(directory: Path, not_found: Path | None = None, *, gzip: bool = False) -> Iterator[str]:
    """Serve `directory` at a free port until the block ends; yields its URL, such as http://127.0.0.1:41234/.

    With gzip, text responses are compressed for clients that accept it, as a CDN serves a site."""
    attributes = {"not_found": not_found.read_bytes() if not_found else b"", "gzip": gzip}
    handler = type("Handler", (_Handler,), attributes)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
